"""The briefing's moves on the month's agenda, before the Council sits: any member may ask for
a meeting on a file (rule 2 of the provisional rules of procedure), and the President sets the
order in which the files are taken up. Functions of a `Game`, checked before they apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from councilgame.engine.actions import Action, Done, OrderAgenda, RequestMeeting
from councilgame.engine.errors import ActionError
from councilgame.engine.meeting import available_offers

if TYPE_CHECKING:
    from councilgame.engine.game import Game

REQUEST_COST = 1  # political capital a request for a meeting spends: the Council's time is scarce


def requestable(game: Game) -> list[str]:
    """Files a member may ask the Council to take up this month: not on the agenda, and with a
    clause on offer now."""
    rec = game.record_month
    return [fid for fid, f in game.comp.files.items()
            if fid not in rec.agenda and available_offers(game, f).any()]


def check(game: Game, action: Action) -> None:
    """Raise ActionError unless `action` is a move the briefing takes from this seat."""
    seat, rec = action.seat, game.record_month
    if seat not in game.humans:
        raise ActionError(f"{seat} is not played by a person in this game.")
    if isinstance(action, RequestMeeting):
        if seat in rec.requests.values():
            raise ActionError("You have already asked for a meeting this month.")
        if action.file in rec.agenda:
            raise ActionError("That file is already on this month's agenda.")
        if action.file not in requestable(game):
            raise ActionError(f"There is nothing the Council could adopt on {action.file!r} now.")
        if game.state.capital[seat] < REQUEST_COST:
            raise ActionError(f"Asking for a meeting costs {REQUEST_COST} political capital; you have "
                              f"{game.state.capital[seat]}.")
    elif isinstance(action, OrderAgenda):
        if seat != game.president():
            raise ActionError("Only the President sets the order of the agenda.")
        if rec.ordered:
            raise ActionError("You have already set the order of this month's agenda.")
        if sorted(action.files) != sorted(rec.agenda):
            raise ActionError("Name each file on this month's agenda once: "
                              f"{', '.join(rec.agenda) or 'there is none'}.")


def apply(game: Game, action: Action) -> None:
    """A checked request or ordering; the briefing goes on."""
    comp, st, rec = game.comp, game.state, game.record_month
    name = comp.names[comp.index[action.seat]]
    if isinstance(action, RequestMeeting):
        st.capital[action.seat] -= REQUEST_COST
        rec.agenda.append(action.file)
        rec.requests[action.file] = action.seat
        st.files[action.file].on_agenda = True
        rec.say("agenda", f"{name} asks for a meeting on {comp.files[action.file].title}; the "
                "President adds it to this month's agenda.", (action.seat,))
    elif isinstance(action, OrderAgenda):
        rec.agenda[:] = action.files
        rec.ordered = True
        titles = "; ".join(comp.files[f].title for f in action.files)
        rec.say("agenda", f"The President, {name}, sets the order of the agenda: {titles}.",
                (action.seat,))


def actions(game: Game) -> list[Action]:
    """The briefing's legal moves: one request per human seat and file, the President's order
    (the agenda reversed, as an example), and going on."""
    p = game.prompt
    assert p is not None
    rec = game.record_month
    out: list[Action] = []
    for seat in sorted(game.humans):
        if seat not in rec.requests.values() and game.state.capital[seat] >= REQUEST_COST:
            out += [RequestMeeting(seat=seat, file=f) for f in requestable(game)]
    president = game.president()
    if president in game.humans and len(rec.agenda) > 1 and not rec.ordered:
        out.append(OrderAgenda(seat=president, files=rec.agenda[::-1]))
    return [*out, Done(seat=p.seat)]
