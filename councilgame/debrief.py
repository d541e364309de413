"""The debrief as a Markdown document, for a seminar to read after the game."""

from __future__ import annotations

from councilgame.engine import views
from councilgame.engine.game import Game
from councilgame.engine.scoring import LEGITIMACY, OUTCOMES


def debrief_markdown(game: Game, seat: str | None = None, month_name=str) -> str:
    comp, st = game.comp, game.state
    end = views.ending(game)
    lines = [f"# Debrief: {comp.scenario.title}", ""]
    lines += [f"Seed {game.seed}" + (f"; played as {comp.names[comp.index[seat]]}" if seat else ""),
              f"Source: {comp.scenario.source}", ""]
    if end:
        lines += [f"## Ending: {end.title}", "", end.text.strip(), ""]
    lines += ["## Scores", "", "| score | value |", "|---|---|"]
    lines += [f"| **legitimacy** | **{st.scores['legitimacy']:.0f}** |"]
    lines += [f"| {k} | {st.scores[k]:.0f} |" for k in LEGITIMACY]
    lines += [f"| **outcomes** | **{st.scores['outcomes']:.0f}** |"]
    lines += [f"| {k.replace('_', ' ')} | {st.scores[k]:.0f} |" for k in OUTCOMES]
    lines.append("")
    if seat:
        lines += ["## Your objectives", ""]
        lines += [f"- [{'x' if met else ' '}] {text}" for text, met in views.objective_status(game, seat)]
        lines.append("")
    lines += ["## Decisive votes", "", "| month | draft | result | vote | vetoed by |",
              "|---|---|---|---|---|"]
    for v in views.decisive_votes(game):
        count = f"{v.yes}-{v.no}-{v.abstain}"
        lines.append(f"| {month_name(v.month)} | {v.draft} | {v.result} | {count} "
                     f"| {', '.join(v.vetoed_by)} |")
    lines += ["", "## Timeline", ""]
    for rec in st.history:
        lines.append(f"### {month_name(rec.month)}")
        lines += [f"- {n}" for n in rec.news] or ["- (quiet)"]
        lines.append("")
    items = views.debrief_items(game)
    for kind, heading in (("cases", "Real cases this game resembles"),
                          ("recommendations", "What the paper recommends")):
        chosen = [i for i in items if i[0] == kind]
        if chosen:
            lines += [f"## {heading}", ""]
            for _, title, text, source in chosen:
                lines += [f"**{title}.** {text.strip()} *(Source: {source})*", ""]
    return "\n".join(lines).rstrip() + "\n"
