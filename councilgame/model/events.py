"""Events: what happens between Council meetings, drawn from the state each month."""

from __future__ import annotations

from pydantic import Field

from councilgame.model.common import Effects, Expr, Id, Slug, Source, Strict, Text


class FollowUp(Strict):
    """A later event this one schedules."""

    event: Id
    after: int = Field(1, ge=1, le=24, description="Months later.")
    chance: float = Field(1.0, ge=0, le=1, description="Probability it is scheduled.")


class Option(Strict):
    """One answer to an event's choice."""

    id: Id = Field(description="Identifier of the option.")
    label: str = Field(description="Short label on the button.")
    text: Text = Field("", description="What choosing it means. Shown: under its label on the decision "
        "screen.")
    effects: Effects = Field(default_factory=Effects, description="What choosing it does.")
    ai_weight: Expr = Field("1", description="How likely an AI seat picks it (relative).")
    follow_up: list[FollowUp] = Field(default_factory=list, description="Events it schedules.")


class Choice(Strict):
    """A decision an event puts to one seat."""

    seat: str = Field(
        description="Member code, 'president' (this month's president) or 'penholder:<file id>'."
    )
    prompt: Text = Field(description="The question put to the seat. Shown: on the decision screen.")
    options: list[Option] = Field(min_length=2, description="The answers (at least two).")
    default: Id = Field(description="Option taken when nobody chooses.")


class Event(Strict):
    id: Id = Field(description="Identifier, read as events.<id>.fired in expressions.")
    title: str = Field(description="Headline. Shown: the news feed, the history and the debrief.")
    text: Text = Field(description="What happened, in a few sentences. Shown: at the next briefing, under "
        "'What changed' (and by packs try).")
    when: Expr = Field("true", description="Condition for the event to be drawn (or to fire).")
    weight: Expr = Field("1", description="Relative chance among the events that can happen.")
    once: bool = Field(True, description="Fires at most once per game.")
    cooldown: int = Field(0, ge=0, le=36, description="Months before a recurring event can recur.")
    drawn: bool = Field(True, description="False: fires only as another event's follow-up.")
    effects: Effects = Field(default_factory=Effects, description="What the event does.")
    follow_up: list[FollowUp] = Field(default_factory=list, description="Events it schedules.")
    choice: Choice | None = Field(None, description="A decision it puts to one seat.")
    tags: list[str] = Field(default_factory=list, description="Free labels for filtering and reports.")
    source: Source = ""


class EventFile(Strict):
    """A file of events for one scenario."""

    scenario: Slug = Field(description="Id of the scenario these events belong to.")
    events: list[Event] = Field(description="The events.")
