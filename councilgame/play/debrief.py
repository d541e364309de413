"""The debrief as a Markdown document, for a seminar to read after the game."""

from __future__ import annotations

from councilgame.engine.game import Game
from councilgame.engine.scoring import LEGITIMACY, OUTCOMES
from councilgame.play import month_report
from councilgame.play import queries as views


def debrief_markdown(game: Game, seats: dict | None = None, month_name=str) -> str:
    """The debrief; `seats` maps human seats to their players (a Seat with names)."""
    comp, st = game.comp, game.state
    seats = seats or {}
    end = views.ending(game)
    lines = [f"# Debrief: {comp.scenario.title}", ""]
    players = [f"{comp.names[comp.index[c]]} ({', '.join(s.players) or 'player'})"
               for c, s in seats.items()]
    lines += [f"Seed {game.seed}" + (f"; played by {'; '.join(players)}" if players else ""),
              f"Source: {comp.scenario.source}", ""]
    if end:
        lines += [f"## Ending: {end.title}", "", end.text.strip(), ""]
    lines += ["## Scores", "", "| score | value |", "|---|---|"]
    lines += [f"| **legitimacy** | **{st.scores['legitimacy']:.0f}** |"]
    lines += [f"| {k} | {st.scores[k]:.0f} |" for k in LEGITIMACY]
    lines += [f"| **outcomes** | **{st.scores['outcomes']:.0f}** |"]
    lines += [f"| {k.replace('_', ' ')} | {st.scores[k]:.0f} |" for k in OUTCOMES]
    lines.append("")
    if seats:
        lines += ["## Players and their objectives", "", "| rank | seat | players | objectives met |",
                  "|---|---|---|---|"]
        for rank, (code, score) in enumerate(views.ranking(game, list(seats)), 1):
            names = ", ".join(seats[code].players) or "player"
            lines.append(f"| {rank} | {comp.names[comp.index[code]]} | {names} | {score:.0f}% |")
        lines.append("")
        for code in seats:
            lines += [f"### {comp.names[comp.index[code]]}", ""]
            lines += [f"- [{'x' if met else ' '}] {text}" for text, met in views.objective_status(game, code)]
            lines.append("")
    if st.deals or st.messages:
        lines += ["## Deals and messages, unsealed", ""]
        lines += [f"- {views.deal_text(game, d)}" for d in st.deals]
        lines += [f"- {month_name(m.month)}, {m.seat} to {m.target}: \"{m.text}\"" for m in st.messages]
        lines.append("")
    lines += ["## Decisive votes", "", "| month | draft | result | vote | vetoed by |",
              "|---|---|---|---|---|"]
    for v in views.decisive_votes(game):
        count = f"{v.yes}-{v.no}-{v.abstain}"
        lines.append(f"| {month_name(v.month)} | {month_report.vote_titles(game, v)['title']} | {v.result} "
                     f"| {count} | {', '.join(v.vetoed_by)} |")
    lines += ["", "## Timeline", ""]
    for rec in st.history:
        lines.append(f"### {month_name(rec.month)}")
        lines += [f"- {'Event: ' if n.kind == 'event' else ''}{n.text}" for n in rec.news] or ["- (quiet)"]
        lines += _month_changes(game, rec)
        lines.append("")
    lines += real_markdown(game, month_name)
    items = views.debrief_items(game)
    for kind, heading in (("cases", "Real cases this game resembles"),
                          ("recommendations", "What the paper recommends")):
        chosen = [i for i in items if i[0] == kind]
        if chosen:
            lines += [f"## {heading}", ""]
            for _, title, text, source in chosen:
                lines += [f"**{title}.** {text.strip()} *(Source: {source})*", ""]
    return "\n".join(lines).rstrip() + "\n"


def _month_changes(game: Game, rec) -> list[str]:
    """A month's decisions on events and what moved each gauge, as the debrief screen shows."""
    comp = game.comp
    lines = []
    for eid, opt in rec.choices.items():
        ev = comp.event_by_id[eid].event
        lines.append(f"- Decided on \"{ev.title}\": {month_report.choice_label(ev, opt)}")
    for var, label, _good, _short in views.shown_gauges(game):
        rows = views.causes_of(game, rec.month, var)
        total = sum(r[2] for r in rows)
        if rows and abs(total) >= 0.5:
            why = "; ".join(f"{why} {delta:+.1f}" for _kind, why, delta in rows[:3])
            lines.append(f"- {label} {total:+.1f}: {why}")
    return lines


def real_record(game: Game) -> list[dict]:
    """What the real Council did on the scenario's files, each beside the game's own last vote
    on that file (or None where the game held none)."""
    out = []
    for real in game.comp.scenario.debrief.real:
        ours = [v for v in views.decisive_votes(game) if v.file == real.file]
        last = ours[-1] if ours else None
        out.append({"real": real, "game": None if last is None else
                    {"result": last.result, "count": f"{last.yes}-{last.no}-{last.abstain}",
                     "month": last.month}})
    return out


def real_words(entry: dict, month_name=lambda m: f"month {m}") -> tuple[str, str]:
    """('Resolution 1671 (2006), 25 April 2006: adopted 15-0-0', 'this game: adopted 14-0-1
    in May 2006') for one entry of `real_record`; `month_name` names a turn of the game."""
    real, ours = entry["real"], entry["game"]
    head = (f"{real.title}, {real.date}: no resolution" if real.result == "none" else
            f"{real.title}, {real.date}: {real.result} {real.vote}")
    mine = ("this game: no vote on this file" if ours is None else
            f"this game: {ours['result']} {ours['count']} in {month_name(ours['month'])}")
    return head, mine


def real_markdown(game: Game, month_name=lambda m: f"month {m}") -> list[str]:
    record = real_record(game)
    if not record:
        return []
    lines = ["## What the Council really did", ""]
    for entry in record:
        head, mine = real_words(entry, month_name)
        lines += [f"- **{head}** ({mine}). {entry['real'].text.strip()} *(Source: {entry['real'].source})*"]
    return lines + [""]
