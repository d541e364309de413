"""Player actions: the only way choices enter the engine. A game is its seed plus these.

Actions are pydantic models so that saves can store them as plain JSON and validate them on
the way back in.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    seat: str = Field(description="The member code of the seat acting.")


class TableDraft(_Action):
    """Table a draft on the file under discussion (offer keys, e.g. 'authorize_ch7@fc_g5s')."""

    kind: Literal["table"] = "table"
    offers: list[str]


class Lobby(_Action):
    """Spend political capital to move one member toward the draft."""

    kind: Literal["lobby"] = "lobby"
    target: str
    points: int = Field(1, ge=1, le=5)


class Amend(_Action):
    """Propose an amendment that deletes or adds one clause; voted before the draft."""

    kind: Literal["amend"] = "amend"
    offer: str
    remove: bool = True


class Deal(_Action):
    """Trade support: ask a member for its vote now, pledging to back its next draft."""

    kind: Literal["deal"] = "deal"
    target: str


class AnswerDeal(_Action):
    """Accept or decline a deal another player offered (by its index in the game's deals)."""

    kind: Literal["answer_deal"] = "answer_deal"
    deal: int = Field(ge=0)
    accept: bool


class Message(_Action):
    """A private message to another seat, sealed until the debrief."""

    kind: Literal["message"] = "message"
    target: str
    text: str = Field(min_length=1, max_length=500)


class Inject(_Action):
    """The facilitator fires one of the scenario's events now (seat: FACILITATOR)."""

    kind: Literal["inject"] = "inject"
    event: str


class EndGame(_Action):
    """The facilitator ends the game now (seat: FACILITATOR): the verdict is read on the
    state as it stands, as at a game's last month, and the debrief follows."""

    kind: Literal["end"] = "end"


class SeatPlayer(_Action):
    """The facilitator gives a seat to a person (`human`), or hands a player's seat back to the
    AI (seat: FACILITATOR). A seat handed back mid-turn is answered by the AI at once."""

    kind: Literal["seat_player"] = "seat_player"
    member: str
    human: bool


FACILITATOR = "FACILITATOR"


class SignalVeto(_Action):
    """A permanent member warns it will veto the draft as it stands."""

    kind: Literal["signal_veto"] = "signal_veto"


class RequestMeeting(_Action):
    """Ask the President for a meeting on a file not on this month's agenda (rule 2 of the
    provisional rules of procedure: any member may). At the briefing; once a month a seat."""

    kind: Literal["request"] = "request"
    file: str


class OrderAgenda(_Action):
    """The President sets the order in which this month's files are taken up."""

    kind: Literal["order"] = "order"
    files: list[str]


class CoSponsor(_Action):
    """Put your name to the draft on the table: members close to you warm to it, and you owe
    it your yes (voting otherwise costs you the penholder's trust)."""

    kind: Literal["cosponsor"] = "cosponsor"


class ProposeStatement(_Action):
    """The President offers to broker a presidential statement should no resolution pass."""

    kind: Literal["statement"] = "statement"


class Done(_Action):
    """Finish consultations, or pass when asked to draft."""

    kind: Literal["done"] = "done"


class Withdraw(_Action):
    """The penholder takes its draft back during consultations, to revise it and table it
    again (or table nothing): consultations then start over on the new text."""

    kind: Literal["withdraw"] = "withdraw"


class Vote(_Action):
    kind: Literal["vote"] = "vote"
    ballot: Literal["yes", "no", "abstain"]


class Choose(_Action):
    """Answer an event's choice."""

    kind: Literal["choose"] = "choose"
    option: str


Action = Annotated[
    TableDraft | Lobby | Amend | Deal | AnswerDeal | Message | Inject | SignalVeto | Done | Vote
    | Choose | RequestMeeting | OrderAgenda | CoSponsor | ProposeStatement | Withdraw | EndGame | SeatPlayer,
    Field(discriminator="kind"),
]


class Prompt(BaseModel):
    """What the engine waits for from a human seat."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["briefing", "draft", "consult", "vote", "choice"]
    seat: str
    file: str | None = None
    event: str | None = None
    options: list[str] = Field(default_factory=list)
    question: str = ""
    symbol: str | None = None  # at a vote: the symbol of the vote, as the sitting lists it
