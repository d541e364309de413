"""Building blocks shared by every pack file: strict models, ids, effects."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from councilgame.model.typology import (
    Aim,
    Authorization,
    Command,
    Compliance,
    Funding,
    Principles,
)

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60),
    Field(description="An identifier: lower-case letters, digits and underscores."),
]
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60),
    Field(description="A pack or scenario identifier: lower-case letters, digits, - and _."),
]
Code = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Field(description="An ISO 3166-1 alpha-3 country code, such as FRA or RUS."),
]
Expr = Annotated[
    str,
    Field(
        description="An expression over the scenario's named variables, e.g. "
        "'violence > 60 and not flags.compliance_framework'. See docs for the names."
    ),
]
Text = Annotated[str, StringConstraints(max_length=4000)]
Source = Annotated[
    str,
    Field(description="Where the fact comes from, so an instructor can check it."),
]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field must not be silently ignored. NaN and
    infinities (also written as strings, "nan") are refused: a NaN gauge would stay NaN."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True,
                              allow_inf_nan=False)


class OperationPatch(Strict):
    """Changes to an operation's attributes; every field is optional."""

    authorization: Authorization | None = Field(None, description="New Council basis.")
    command: Command | None = Field(None, description="New command relation to the UN.")
    principles: Principles | None = Field(None, description="New alignment with UN principles.")
    aim: Aim | None = Field(None, description="New aim.")
    funding: Funding | None = Field(None, description="New source of funding.")
    compliance: Compliance | None = Field(None, description="Compliance framework now binding it.")
    consent: bool | None = Field(None, description="Whether the host state now consents.")
    supported: bool | None = Field(None, description="Whether it now receives a UN support package.")
    troops: int | None = Field(None, ge=0, le=200_000, description="New troop strength.")
    police: int | None = Field(None, ge=0, le=50_000, description="New police strength.")
    strength: float | None = Field(
        None, ge=-1, le=1, description="Change of readiness (0..1 scale), e.g. -0.2 after losses."
    )


class OperationChange(Strict):
    """What a clause, event or choice does to one operation."""

    op: str = Field(
        description="The operation's id, or '@target' for the operation a file offers the clause for."
    )
    do: Literal["deploy", "withdraw", "renew", "set"] = Field(
        "set", description="deploy it, withdraw it, renew its mandate, or only change attributes."
    )
    set: OperationPatch = Field(default_factory=OperationPatch, description="Attribute changes.")
    months: int | None = Field(None, ge=1, le=60, description="Mandate length in months for deploy or renew.")


class Effects(Strict):
    """What happens when a clause is adopted, an event fires or an option is chosen."""

    vars: dict[str, float] = Field(
        default_factory=dict,
        description="Changes to gauges and variables, e.g. {violence: 5, supply_security: -10}.",
    )
    set_flags: list[Id] = Field(default_factory=list, description="Flags switched on.")
    clear_flags: list[Id] = Field(default_factory=list, description="Flags switched off.")
    operations: list[OperationChange] = Field(default_factory=list, description="Changes to operations.")
    agenda: list[Id] = Field(
        default_factory=list, description="Agenda files put before the Council next month."
    )
    news: str | None = Field(None, description="A line for the news feed.")

    def is_empty(self) -> bool:
        return not (self.vars or self.set_flags or self.clear_flags or self.operations or self.agenda)
