"""`packs try`: bring a game to a chosen month, fire one event there (and, for a chain, the
follow-ups it schedules, in turn), and tell an author what each said and did: its text with
the placeholders filled, its choice and the option the AI would take, the changes to gauges,
flags and operations, and the follow-ups it scheduled. Nothing is played beyond that."""

from __future__ import annotations

from councilgame.engine.actions import FACILITATOR, Inject
from councilgame.engine.compiled import Compiled
from councilgame.engine.game import Game
from councilgame.play import queries
from councilgame.play.views import month_name


def game_at(comp: Compiled, month: int, seed: int) -> Game:
    """A game at the briefing of `month`, every seat played as the AI would (one seat is held
    as a player's so that the game pauses there)."""
    seat = queries.playable(comp)[0]
    game = Game(comp, seed, humans={seat})
    while game.prompt is not None and not (game.prompt.kind == "briefing" and game.state.month >= month):
        action = game.suggest()
        assert action is not None
        game.apply(action)
    return game


def fire_and_report(comp: Compiled, event: str, month: int, seed: int, limit: int = 1) -> str:
    game = game_at(comp, month, seed)
    if game.prompt is None:
        return f"The game ended before month {month} (seed {seed}); try another seed.\n"
    out = [f"{comp.scenario.id}, seed {seed}, {month_name(game)} (month {game.state.month}): "
           f"the state as the AI's play left it.\n"]
    queue, fired = [event], 0
    while queue and fired < limit:
        eid = queue.pop(0)
        lines, scheduled = _fire(game, eid)
        out += lines
        fired += 1
        if limit > 1:  # a chain: what this event scheduled fires next (not what was waiting)
            queue += [e for e in scheduled if e not in queue]
    if queue:
        out.append(f"Not fired (the chain stops at {limit}): {', '.join(queue)}\n")
    return "".join(out)


def _fire(game: Game, eid: str) -> tuple[list[str], list[str]]:
    """Fire one event; what to print, and the follow-ups it scheduled."""
    comp, st = game.comp, game.state
    ce = comp.event_by_id[eid]
    ev = ce.event
    before_vars = st.vars.copy()
    before_flags = dict(st.flags)
    rec = st.history[-1]
    news_at, scheduled_at = len(rec.news), len(st.scheduled)
    when = "holds" if ce.when(_env(game)) else "does not hold now (fired anyway)"
    game.apply(Inject(seat=FACILITATOR, event=eid))
    out = [f"\n== {ev.id}: {ev.title}\n", f"Its condition {when}.\n\n"]
    out.append(queries.render(game, ev.text).strip() + "\n")
    if ev.choice is not None:
        out.append(f"\nChoice for {game.choice_seat(ev.choice.seat)}: "
                   f"{queries.render(game, ev.choice.prompt).strip()}\n")
        for opt in ev.choice.options:
            mark = " (taken here: the default)" if opt.id == ev.choice.default else ""
            out.append(f"  - {opt.id}: {opt.label}{mark}\n")
    changes = [f"  {name}: {before_vars[i]:.1f} -> {st.vars[i]:.1f}"
               for i, name in enumerate(comp.var_names) if abs(st.vars[i] - before_vars[i]) >= 0.05]
    changes += [f"  flag {f}: {'on' if on else 'off'}" for f, on in st.flags.items()
                if before_flags.get(f) != on]
    news = [f"  {n.text}" for n in rec.news[news_at:] if n.kind not in ("event", "choice")]
    out.append("\nWhat it changed:\n" + ("\n".join(changes + news) or "  nothing") + "\n")
    later = st.scheduled[scheduled_at:]
    drawn = {e for _, e in later}
    out.append("Follow-ups scheduled: " + (", ".join(f"{e} (month {m})" for m, e in later) or "none")
               + "\n")
    missed = [f"{f.event} ({f.chance:.0%})" for f in ev.follow_up if f.event not in drawn]
    if missed:
        out.append(f"Declared, not drawn with this seed: {', '.join(missed)}\n")
    return out, [e for _, e in later]


def _env(game: Game) -> list[float]:
    from councilgame.engine.environment import build_env

    return build_env(game.comp, game.state)
