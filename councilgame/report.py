"""Games in plain text for the command line: a game's record or summary (run, replay) and the
balance report of many (simulate), with small bar charts where they read better."""

from __future__ import annotations

import json


def bar(share: float, width: int = 24) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "█" * filled + "·" * (width - filled)


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{100 * share:.1f}%"


def render_report(r: dict) -> str:
    n = r["games"]
    out = [f"Balance report: {r['scenario']}, {n} AI games (seed {r['seed']}), "
           f"{r['wall_time_s']} s on {r.get('workers', 1)} worker(s)", ""]
    m = r["months"]
    out.append(f"Game length: {m['mean']:.1f} months on average (planned {r.get('planned_months')}); "
               f"10% of games end by month {m['p10']:.0f}")
    out.append("")
    out.append("Endings")
    for eid, count in r["endings"].items():
        out.append(f"  {eid:<28} {bar(count / n)} {100 * count / n:5.1f}%")
    out.append("")
    if r.get("seat"):
        out.append(f"Scripted seat: {r['seat']} plays policy '{r['policy']}'; every other seat is AI.")
        out.append("")
    out.append(f"Council: {r['drafts']} drafts voted; adopted {100 * r['adoption_rate']:.1f}%, "
               f"vetoed {100 * r['veto_rate']:.1f}%, failed on votes {100 * r['failed_rate']:.1f}%, "
               f"unanimous {100 * r['unanimity_rate']:.1f}% of adopted")
    out.append(f"  rival drafts: {r['rival_drafts']}, adopted {_pct(r['rival_adoption_rate'])}; "
               f"presidential statement after a veto: {_pct(r['prst_after_veto_rate'])} of "
               f"{r['vetoed_file_months']} file-months")
    vetoes = ", ".join(f"{c} {n}" for c, n in r["vetoes_by_member"].items()) or "none"
    joint = ", ".join(f"{c} {n}" for c, n in r["joint_vetoes"].items()) or "none"
    out.append(f"  vetoes by member: {vetoes}; joint: {joint}")
    out.append(f"  draft votes with a pivotal elected ballot: {100 * r['pivotal_elected_rate']:.1f}%")
    for fid, counts in r["files"].items():
        parts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        out.append(f"  {fid:<20} {parts}")
    out.append("")
    out.append("Council realism (the real Council: shared/reference/data/council-practice.md)")
    for row in r["realism"]:
        game = row["game"]
        shown = f"{100 * game:5.1f}%" if isinstance(game, float) else f"{game!s:>6}"
        mark = "ok" if row["within"] else "OFF"
        out.append(f"  {row['label']:<40} {shown}   real: {row['real']:<44} {mark}")
    out.append("")
    out.append("Events (share of games in which each fired)")
    for eid, count in sorted(r["events"].items(), key=lambda kv: -kv[1]):
        flag = "  never fired" if count == 0 else ""
        out.append(f"  {eid:<32} {bar(count / n, 16)} {100 * count / n:5.1f}%{flag}")
    out.append("")
    out.append("Scores (mean, p10 / p50 / p90)")
    for k, s in r["scores"].items():
        out.append(f"  {k:<20} {s['mean']:6.1f}   {s['p10']:5.1f} / {s['p50']:5.1f} / {s['p90']:5.1f}")
    out.append(f"  correlation of legitimacy and outcomes across games: "
               f"{r['legitimacy_outcomes_correlation']:+.2f}")
    out.append("")
    out.append("Objectives met (mean % per seat, hardest first)")
    for code, s in sorted(r["objectives"].items(), key=lambda kv: kv[1]["mean"]):
        out.append(f"  {code}  {bar(s['mean'] / 100, 16)} {s['mean']:5.1f}%")
    if "why" in r:
        out += render_why(r["why"])
    return "\n".join(out)


def render_why(w: dict) -> list[str]:
    """The report's "why": clauses drafted and adopted, the state at the end, and what kept
    rare endings and events from happening."""
    out = ["", "Clauses: share of the file's drafts that held each, and of its adopted texts"]
    for fid, clauses in w["clauses"].items():
        out.append(f"  {fid}")
        for c in sorted(clauses.values(), key=lambda c: -c["drafted"]):
            out.append(f"    {c['title'][:44]:<44} drafted {100 * c['drafted']:5.1f}%  "
                       f"adopted {100 * c['adopted']:5.1f}%")
            if "why_left_out" in c:
                out.append(f"      never drafted: {c['why_left_out']}")
    out += ["", "At the end of the game (mean, p10 / p50 / p90)"]
    for name, s in w["final_values"].items():
        out.append(f"  {name:<32} {s['mean']:6.1f}   {s['p10']:5.1f} / {s['p50']:5.1f} / {s['p90']:5.1f}")
    if w.get("real"):
        out += ["", "What the real Council did, and the share of AI games that do the same"]
        for real in w["real"]:
            median = "" if real["median_yes"] is None else f", median {real['median_yes']:.0f} yes"
            what = ("no resolution" if real["result"] == "none" else
                    f"{real['result']} {real['real_count']}")
            out.append(f"  {real['title']} ({what}): "
                       f"{100 * real['reproduced']:.1f}% of games{median}")
    out += ["", "Rare or never reached: the part of the condition false most often at the end"]
    if not w["rare"]:
        out.append("  none: every ending and event happens in 5% of games or more")
    for key, info in w["rare"].items():
        parts = "; ".join(f"{p['part']} (false in {100 * p['share']:.0f}%)" for p in info["false_at_end"])
        out.append(f"  {key} ({100 * info['reached']:.1f}% of games): {parts}")
    return out


def print_record(record: dict, game, as_json: bool, upto: int | None = None) -> None:
    if as_json:
        print(json.dumps(record, separators=(",", ":")))
    else:
        print(summary_text(game, upto))


def record_until(record: dict, month: int) -> dict:
    """The record as it stood at the end of `month`."""
    if month >= len(record["months"]):
        return record
    months = record["months"][:month]
    return {**record, "months": months, "ending": None, "scores": months[-1]["scores"],
            "objectives": {}}


def summary_text(game, upto: int | None = None) -> str:
    comp, st = game.comp, game.state
    lines = [f"{comp.scenario.title} (seed {game.seed})"]
    for rec in st.history[:upto]:
        lines.append(f"\nMonth {rec.month}: president {rec.president}")
        for v in rec.votes:
            who = f", vetoed by {', '.join(v.vetoed_by)}" if v.vetoed_by else ""
            lines.append(f"  {v.kind} {v.draft}: {v.result} {v.yes}-{v.no}-{v.abstain}{who}")
        for fid, out in rec.outputs.items():
            if out != "resolution":
                lines.append(f"  {fid}: {out}")
        for e in rec.events:
            lines.append(f"  event: {comp.event_by_id[e].event.title}")
    if upto is not None and upto < len(st.history):
        scores = st.history[upto - 1].scores
        lines.append(f"\nStopped at month {upto}: legitimacy {scores['legitimacy']:.0f}, "
                     f"outcomes {scores['outcomes']:.0f}")
        return "\n".join(lines)
    ending = next((e for e, _ in comp.endings if e.id == st.ending), None)
    if ending is None:  # a save of a game in play (an autosave, ctrl+s)
        lines.append(f"\nUnfinished: the game stands at month {st.month} of "
                     f"{st.length or comp.scenario.months}.")
    else:
        lines.append(f"\nEnding: {ending.title}")
    lines.append(f"Legitimacy {st.scores['legitimacy']:.0f}, outcomes {st.scores['outcomes']:.0f}")
    return "\n".join(lines)
