"""How a scenario's parts lead to one another, for an author: which names each event reads
(in its `when` and `weight`) and sets (its effects and its options'), its follow-ups, and which
clause, file or event leads to it, by setting a name it reads or by scheduling it.

`packs graph` prints it as text, Graphviz `dot` or a Mermaid flowchart. Names are those of
the expressions (`violence`, `flags.escalation`, `ops.fc_g5s.authorized`,
`events.ambush.fired`); an operation change sets the fields its `do` and `set` move.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from councilgame.engine.expressions import names, parse
from councilgame.model import Effects, Event
from councilgame.model.bundle import ScenarioBundle


@dataclass
class Node:
    kind: str  # event, clause (as a file offers it) or file
    id: str
    title: str
    reads: set[str] = field(default_factory=set)
    sets: set[str] = field(default_factory=set)
    follow_ups: list[tuple[str, int, float]] = field(default_factory=list)  # event, after, chance

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass
class Graph:
    nodes: list[Node]
    edges: list[tuple[str, str, str]]  # from key, to key, why ("follow-up" or a name)


def _reads(*exprs: str | None) -> set[str]:
    out: set[str] = set()
    for text in exprs:
        if text:
            out |= names(parse(text))
    return out


# the fields of `ops.<id>` an operation change moves, by what it does and what it sets
DO_FIELDS = {"deploy": ("active", "strength", "mandate", "months"), "withdraw": ("active",),
             "renew": ("mandate",), "set": ()}
PATCH_FIELDS = {"authorization": "authorized", "supported": "supported", "compliance": "compliance",
                "consent": "consent", "strength": "strength"}


def _sets(effects: Effects, target: str | None = None) -> set[str]:
    out = set(effects.vars) | {f"flags.{f}" for f in [*effects.set_flags, *effects.clear_flags]}
    for change in effects.operations:
        op = target if change.op == "@target" else change.op
        if not op:
            continue
        patched = [PATCH_FIELDS[k] for k, v in change.set.model_dump().items()
                   if v is not None and k in PATCH_FIELDS]
        out |= {f"ops.{op}.{fld}" for fld in (*DO_FIELDS[change.do], *patched)}
        if change.set.authorization is not None:
            out.add(f"ops.{op}.recognized")
    out |= {f"files.{f}.on_agenda" for f in effects.agenda}
    return out


def _event(ev: Event) -> Node:
    node = Node("event", ev.id, ev.title, _reads(ev.when, ev.weight), _sets(ev.effects))
    node.sets.add(f"events.{ev.id}.fired")
    node.follow_ups = [(f.event, f.after, f.chance) for f in ev.follow_up]
    for opt in ev.choice.options if ev.choice else []:
        node.reads |= _reads(opt.ai_weight)
        node.sets |= _sets(opt.effects)
        node.follow_ups += [(f.event, f.after, f.chance) for f in opt.follow_up]
    return node


def _touches(sets: set[str], reads: set[str]) -> list[str]:
    """The names in `reads` that something setting `sets` changes."""
    return sorted(sets & reads)


def build(bundle: ScenarioBundle) -> Graph:
    """The graph of one scenario."""
    nodes: list[Node] = [_event(ev) for ev in bundle.events]
    for file in bundle.scenario.files:
        outcome = {f"files.{file.id}.{k}" for k in ("adopted", "failed", "vetoes", "prst")}
        nodes.append(Node("file", file.id, file.title, _reads(file.when, file.agenda_vote), outcome))
        for offer in file.clauses:
            cid = offer if isinstance(offer, str) else offer.clause
            target = None if isinstance(offer, str) else offer.target
            clause = bundle.clauses.get(cid)
            if clause is None:
                continue
            nid = f"{cid}@{target}" if target else cid
            nodes.append(Node("clause", f"{file.id}/{nid}", f"{clause.title} ({file.title})",
                              set(), _sets(clause.effects, target)))
    events = {n.id: n for n in nodes if n.kind == "event"}
    edges: list[tuple[str, str, str]] = []
    for node in nodes:
        for target, _, _ in node.follow_ups:
            if target in events:
                edges.append((node.key, events[target].key, "follow-up"))
        for other in events.values():
            if other is node:
                continue
            hits = _touches(node.sets, other.reads)
            if hits:
                edges.append((node.key, other.key, ", ".join(hits)))
    return Graph(nodes, edges)


def led_to_by(graph: Graph, key: str) -> list[tuple[str, str]]:
    """What leads to `key`: follow-ups first, then flags, operations and files set, then the
    gauges moved (many events move a gauge; few set a flag)."""
    rank = {True: 1, False: 2}
    found = [(a, why) for a, b, why in graph.edges if b == key]
    return sorted(found, key=lambda e: 0 if e[1] == "follow-up" else rank["." in e[1]])


MAX_LISTED = 12  # sources listed per node in the text form (dot and mermaid draw them all)


def to_text(graph: Graph) -> str:
    lines = []
    for node in graph.nodes:
        lines.append(f"{node.kind} {node.id}: {node.title}")
        if node.reads:
            lines.append(f"  reads: {', '.join(sorted(node.reads))}")
        if node.sets:
            lines.append(f"  sets: {', '.join(sorted(node.sets))}")
        for target, after, chance in node.follow_ups:
            lines.append(f"  follow-up: {target} after {after} month(s)"
                         + (f", chance {chance:.0%}" if chance < 1 else ""))
        by = led_to_by(graph, node.key)
        if by:
            shown = ", ".join(f"{a} ({why})" for a, why in by[:MAX_LISTED])
            more = f", and {len(by) - MAX_LISTED} more" if len(by) > MAX_LISTED else ""
            lines.append(f"  led to by: {shown}{more}")
        elif node.kind == "event":
            lines.append("  led to by: nothing in the scenario (drawn on its own condition)")
    return "\n".join(lines) + "\n"


def _dot_id(key: str) -> str:
    return '"' + key.replace('"', "'") + '"'


def to_dot(graph: Graph) -> str:
    shapes = {"event": "box", "clause": "note", "file": "folder"}
    lines = ["digraph scenario {", "  rankdir=LR;"]
    for n in graph.nodes:
        label = n.title.replace('"', "'")
        lines.append(f"  {_dot_id(n.key)} [shape={shapes[n.kind]}, label=\"{label}\"];")
    for a, b, why in graph.edges:
        style = "" if why == "follow-up" else ", style=dashed"
        lines.append(f"  {_dot_id(a)} -> {_dot_id(b)} [label=\"{why}\"{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mid(key: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in key)


def to_mermaid(graph: Graph) -> str:
    brackets = {"event": ("[", "]"), "clause": ("[/", "/]"), "file": ("[(", ")]")}
    lines = ["flowchart LR"]
    used = {a for a, _, _ in graph.edges} | {b for _, b, _ in graph.edges}
    for n in graph.nodes:
        if n.kind == "event" or n.key in used:
            left, right = brackets[n.kind]
            label = n.title.replace('"', "'")
            lines.append(f'  {_mid(n.key)}{left}"{label}"{right}')
    for a, b, why in graph.edges:
        arrow = "-->" if why == "follow-up" else "-.->"
        lines.append(f"  {_mid(a)} {arrow}|{why}| {_mid(b)}")
    return "\n".join(lines) + "\n"


FORMATS = {"text": to_text, "dot": to_dot, "mermaid": to_mermaid}
