"""What a month did, in words for players: each vote's title and clauses, and what the month
just ended changed (events, decisions, gauges and their causes)."""

from __future__ import annotations

from councilgame.engine.game import Game
from councilgame.play.queries import causes_of, gauge_history, render, shown_gauges


def vote_titles(game: Game, v) -> dict:
    """What a player reads for a vote: the question in words, the clauses by their titles
    (never the engine's ids such as `support_office/1` or `renew_mandate@observers`)."""
    comp = game.comp
    file = comp.files[v.file]
    sponsor = comp.names[comp.index[v.sponsor]] if v.sponsor in comp.index else v.sponsor
    if v.kind == "procedural":
        title = f"Whether to take up {file.title} (procedural)"
    elif v.kind == "amendment":
        title = f"Amendment by {sponsor} to the draft on {file.title}"
    else:
        rival = v.draft.count("/") >= 2
        title = f"{'Rival draft' if rival else 'Draft'} by {sponsor} on {file.title}"
    labels = {o.key: o.label for o in file.offers}
    return {"title": title, "clause_titles": [_clause_title(labels, k) for k in v.clauses]}


def _clause_title(labels: dict[str, str], key: str) -> str:
    """A clause by its title; an amendment's 'add KEY' or 'delete KEY' in words."""
    verb, _, rest = key.partition(" ")
    if verb in ("add", "delete") and rest in labels:
        return f"{'insert' if verb == 'add' else 'delete'} “{labels[rest]}”"
    return labels.get(key, key)


def since_last_month(game: Game) -> dict | None:
    """What the month just ended changed: its events (title and text), the decisions taken on
    them, and the shown gauges that moved a whole point or more, each with its largest cause.
    At a briefing that is last month; once the game is over, its last month."""
    st, comp = game.state, game.comp
    if len(st.history) < 2 and not game.finished:
        return None
    rec = st.history[-1] if game.finished else st.history[-2]  # at the end: the last month
    events, choices = [], []
    for eid in rec.events:
        ev = comp.event_by_id[eid].event
        events.append((render(game, ev.title), render(game, ev.text).strip()))
        if eid in rec.choices and ev.choice is not None:
            choices.append(f"{render(game, ev.title)}: {choice_label(ev, rec.choices[eid])}")
    hist = gauge_history(game)
    moved: list[dict] = []
    for var, label, good, _short in shown_gauges(game):
        values = hist[comp.var_names[comp.var_index[var]]]
        if len(values) < 2 or abs(round(values[-1]) - round(values[-2])) < 1:
            continue
        delta = values[-1] - values[-2]
        why = causes_of(game, rec.month, var)
        moved.append({"label": label, "delta": round(delta, 1),
                      "better": (delta > 0) == (good == "high"), "cause": why[0][1] if why else ""})
    moved.sort(key=lambda g: -abs(float(g["delta"])))
    return {"month": rec.month, "events": events, "choices": choices, "gauges": moved}


def choice_label(ev, option: str) -> str:
    """The label of the option an event's decision took (its id if the event has no choice)."""
    return next((o.label for o in ev.choice.options if o.id == option), option) if ev.choice else option
