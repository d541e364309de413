"""Cycles of follow-ups: events that schedule each other round a loop. With one-off events the
loop stops once each has fired, so it is only a warning; with recurring ones it can repeat for
the rest of the game. Iterative (a pack may hold 100,000 events): no recursion."""

from __future__ import annotations

from collections import deque
from typing import cast

from councilgame.model import Event
from councilgame.packs.loader import Item

Path_ = tuple[str | int, ...]


def edges(ev: Event) -> list[tuple[str, Path_]]:
    """(target event, path of the follow_up entry) for every follow-up an event can schedule."""
    out: list[tuple[str, Path_]] = [(fu.event, ("follow_up", j, "event"))
                                    for j, fu in enumerate(ev.follow_up)]
    for k, opt in enumerate(ev.choice.options if ev.choice else []):
        out += [(fu.event, ("choice", "options", k, "follow_up", j, "event"))
                for j, fu in enumerate(opt.follow_up)]
    return out


def components(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan's algorithm, with an explicit stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        comp.append(top)
                        if top == node:
                            break
                    out.append(comp)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(graph.get(child, []))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return out


def loop_through(start: str, graph: dict[str, list[str]], members: set[str]) -> list[str]:
    """The shortest loop from `start` back to it, inside one component."""
    came: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in graph[node]:
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if child in members and child not in came:
                came[child] = node
                queue.append(child)
    return [start]


def cycles(items: list[Item]) -> list[tuple[Item, Path_, str]]:
    """(item, path in it, message) for each cycle, at the follow-up of its first event (in the
    order of the files) that starts the loop."""
    events = {cast(Event, i.model).id: cast(Event, i.model) for i in items}
    by_id = {cast(Event, i.model).id: i for i in items}
    graph = {eid: [t for t, _ in edges(ev) if t in events] for eid, ev in events.items()}
    order = {eid: n for n, eid in enumerate(events)}
    found = []
    for comp in components(graph):
        members = set(comp)
        if len(comp) == 1 and comp[0] not in graph[comp[0]]:
            continue
        start = min(comp, key=order.__getitem__)
        loop = loop_through(start, graph, members)
        item = by_id[start]
        path = next(p for t, p in edges(events[start]) if t == loop[1])
        recurring = not any(events[e].once for e in members)
        tail = "; none of them is once-only, so it can go on all game" if recurring else ""
        found.append((item, item.path + path, f"follow-ups form a cycle: {' -> '.join(loop)}{tail}"))
    return found
