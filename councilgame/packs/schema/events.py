"""Events: what happens between Council meetings, drawn from the state each month."""

from __future__ import annotations

from pydantic import Field

from councilgame.packs.schema.common import Effects, Expr, Id, Source, Strict, Text


class FollowUp(Strict):
    """A later event this one schedules."""

    event: Id
    after: int = Field(1, ge=1, le=24, description="Months later.")
    chance: float = Field(1.0, ge=0, le=1, description="Probability it is scheduled.")


class Option(Strict):
    """One answer to an event's choice."""

    id: Id
    label: str
    text: Text = ""
    effects: Effects = Field(default_factory=Effects)
    ai_weight: Expr = Field("1", description="How likely an AI seat picks it (relative).")
    follow_up: list[FollowUp] = Field(default_factory=list)


class Choice(Strict):
    """A decision an event puts to one seat."""

    seat: str = Field(
        description="Member code, 'president' (this month's president) or 'penholder:<file id>'."
    )
    prompt: Text
    options: list[Option] = Field(min_length=2)
    default: Id = Field(description="Option taken when nobody chooses.")


class Event(Strict):
    id: Id
    title: str
    text: Text
    when: Expr = Field("true", description="Condition for the event to be drawn (or to fire).")
    weight: Expr = Field("1", description="Relative chance among the events that can happen.")
    once: bool = Field(True, description="Fires at most once per game.")
    cooldown: int = Field(0, ge=0, le=36, description="Months before a recurring event can recur.")
    drawn: bool = Field(True, description="False: fires only as another event's follow-up.")
    effects: Effects = Field(default_factory=Effects)
    follow_up: list[FollowUp] = Field(default_factory=list)
    choice: Choice | None = None
    tags: list[str] = Field(default_factory=list)
    source: Source = ""


class EventFile(Strict):
    """A file of events for one scenario."""

    scenario: Id
    events: list[Event]
