"""The month's end, after the votes: operations act, files left unaddressed escalate, events fire,
crises switch, scores and endings are settled. Each phase is a function of the game."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from councilgame.engine import events
from councilgame.engine.actions import Choose, Prompt
from councilgame.engine.compiled import CompiledEvent
from councilgame.engine.environment import build_env
from councilgame.engine.operations import apply_noise, monthly_operations, tick_mandates
from councilgame.engine.scoring import compute_scores, objective_scores
from councilgame.engine.state import MonthRecord
from councilgame.engine.types import Flow

if TYPE_CHECKING:
    from councilgame.engine.game import Game

DEAL_MONTHS = 6  # an unpaid pledge lapses after this many months


def consequences(game: Game, rec: MonthRecord) -> None:
    """Neglected files escalate, operations act on their theatres, mandates run down."""
    st, comp, ch = game.state, game.comp, game.changer
    for fid in rec.agenda:
        fs = st.files[fid]
        output = rec.outputs.get(fid)
        if output == "resolution":
            fs.neglect = 0
            continue
        fs.neglect += 1
        scale = {"presidential statement": 0.5, "press statement": 0.75}.get(output or "", 1.0)
        eff = comp.files[fid].neglect
        for name, delta in eff.vars.items():
            label = f"{comp.files[fid].title} left unaddressed"
            ch.add(comp.var_index[name], delta * scale, "neglect", fid, label)
        rec.say_all("neglect", ch.apply(eff.model_copy(update={"vars": {}}), "neglect", fid, "neglect"))
    for op in st.ops.values():
        if op.supports and op.lead == "un":
            st.ops[op.supports].supported = op.active
    monthly_operations(comp, st, ch)
    apply_noise(comp, st, ch, game.draw("theatre"))
    rec.say_all("mandate", tick_mandates(st))
    for deal in st.deals:
        if deal.status == "open" and st.month - deal.month >= DEAL_MONTHS:
            deal.status = "expired"


def month_events(game: Game, rec: MonthRecord) -> Flow:
    """Follow-ups that fall due, then the month's weighted draw."""
    st, comp = game.state, game.comp
    env = build_env(comp, st)
    fired_now: set[str] = set()
    for ce in events.due_followups(comp, st):
        ev = ce.event
        if ev.id in fired_now or (ev.once and st.fired.get(ev.id)) or not ce.when(env):
            continue  # a follow-up fires once a month at most, and a one-off only once
        yield from fire(game, ce, rec, env)
        fired_now.add(ev.id)
    if fired_now:  # the follow-ups changed the state the draw reads
        env = build_env(comp, st)
    for ce in events.draw(comp, st, env, game.draw("events"), fired_now):
        yield from fire(game, ce, rec, env)


def fire(game: Game, ce: CompiledEvent, rec: MonthRecord, env: list[float],
         force_default: bool = False) -> Flow:
    """One event: its effects, its follow-ups, and its choice (a player's, or the AI's draw)."""
    st, ev = game.state, ce.event
    st.fired[ev.id] = st.fired.get(ev.id, 0) + 1
    st.last_fired[ev.id] = st.month
    rec.events.append(ev.id)
    rec.say("event", ev.title)
    rec.say_all("effect", game.changer.apply(ev.effects, "event", ev.id, ev.title))
    events.schedule(st, ev.follow_up, game.draw(f"follow-up:{ev.id}", st.fired[ev.id]))
    if not ev.choice:
        return
    seat = game.choice_seat(ev.choice.seat)
    ids = [o.id for o in ev.choice.options]
    if force_default:
        opt_id = ev.choice.default
    elif seat in game.humans:
        action = yield Prompt(kind="choice", seat=seat, event=ev.id, options=ids,
                              question=ev.choice.prompt)
        opt_id = action.option if isinstance(action, Choose) else ev.choice.default
    else:
        w = np.array([max(0.0, g(env)) for g in ce.option_weights])
        rng = game.draw(f"choice:{ev.id}", st.fired[ev.id])
        opt_id = ev.choice.default if w.sum() <= 0 else ids[int(rng.choice(len(ids), p=w / w.sum()))]
    opt = ev.choice.options[ids.index(opt_id)]
    rec.choices[ev.id] = opt_id
    rec.say("choice", f"{ev.title}: {opt.label}", (seat,))
    rec.say_all("effect", game.changer.apply(opt.effects, "choice", f"{ev.id}:{opt_id}",
                                             f"{ev.title}: {opt.label}"))
    events.schedule(st, opt.follow_up, game.draw(f"option:{ev.id}", st.fired[ev.id]))


def after_events(game: Game, rec: MonthRecord) -> None:
    """Crises switch on and off, scores and objectives are computed, an ending may be reached."""
    st, comp = game.state, game.comp
    env = build_env(comp, st)
    changed = False
    for crisis, on, off in comp.crises:
        if not st.crises[crisis.id] and on(env):
            st.crises[crisis.id] = changed = True
            rec.say("crisis", f"Crisis: {crisis.name}.")
        elif st.crises[crisis.id] and off(env):
            st.crises[crisis.id], changed = False, True
            rec.say("crisis", f"The {crisis.name} eases.")
        if st.crises[crisis.id]:
            changed = changed or not crisis.monthly.is_empty() or bool(crisis.monthly.news)
            rec.say_all("crisis", game.changer.apply(crisis.monthly, "crisis", crisis.id, crisis.name))
    st.scores = compute_scores(comp, st)
    if changed:
        env = build_env(comp, st)
    else:  # only the scores moved: write them into the environment in place
        for k, v in st.scores.items():
            env[comp.env_index[f"score.{k}"]] = v
    last = st.month >= (st.length or comp.scenario.months)
    if game.changer.record or last:  # progress for screens; the simulator needs the end only
        st.objectives = objective_scores(comp, env)
    rec.gauges = {k: round(float(st.vars[i]), 2) for i, k in enumerate(comp.var_names)}
    rec.scores = dict(st.scores)
    _ending(game, env, last)


def _ending(game: Game, env: list[float], last: bool) -> None:
    """The first ending whose condition holds (early ones any month, the rest at the last),
    else at the last month the scenario's last ending."""
    comp, st = game.comp, game.state
    for ending, cond in comp.endings:
        if (last or ending.early) and cond(env):
            st.ending, st.finished = ending.id, True
            st.objectives = objective_scores(comp, env)
            return
    if last:
        st.ending, st.finished = comp.endings[-1][0].id, True


def verdict(game: Game) -> None:
    """The facilitator ends the game now: the verdict is read on the state as it stands, as
    at a last month (the month's remaining business is not held)."""
    comp, st = game.comp, game.state
    st.scores = compute_scores(comp, st)
    env = build_env(comp, st)
    st.objectives = objective_scores(comp, env)
    _ending(game, env, last=True)
