"""The saves of a folder as a player or an instructor reads them: grouped by game (its manual
saves and autosaves, newest first), then the files that cannot be read, each with its reason.
The Load screen and `councilgame saves list` both show this."""

from __future__ import annotations

from dataclasses import dataclass, field

from councilgame.saves.store import Entry


@dataclass
class GameSaves:
    """One game: every readable save that carries its identity, newest first."""

    game_id: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def latest(self) -> Entry:
        return self.entries[0]

    def name(self) -> str:
        """What the players called the game (its newest named save), else its scenario."""
        named = next((e.save.name for e in self.entries if e.save and e.save.name), "")
        return named or (self.latest.save.scenario if self.latest.save else "")

    def title(self) -> str:
        s = self.latest.save
        assert s is not None
        players = ", ".join(s.summary.players) or "AI only"
        state = (f"ended, month {s.summary.month}" if s.summary.finished
                 else f"in play, month {s.summary.month}")
        return f"{s.summary.scenario_title or s.scenario} · {players} · {state}"


@dataclass
class Listing:
    games: list[GameSaves]
    unreadable: list[Entry]


def group(entries: list[Entry]) -> Listing:
    """Entries (newest first, as `SaveStore.entries` gives them) grouped by game; a game is
    placed by its newest save."""
    games: dict[str, GameSaves] = {}
    unreadable = []
    for e in entries:
        if e.save is None:
            unreadable.append(e)
            continue
        games.setdefault(e.save.game_id, GameSaves(e.save.game_id)).entries.append(e)
    return Listing(list(games.values()), unreadable)


def entry_json(e: Entry) -> dict:
    if e.save is None:
        return {"file": e.path.name, "reason": e.error}
    s = e.save
    return {"file": e.path.name, "kind": s.kind, "name": s.name, "month": s.summary.month,
            "finished": s.summary.finished, "ending": s.summary.ending, "saved": s.summary.date,
            "origin": s.origin.model_dump() if s.origin else None}


def listing_json(listing: Listing, folder: str) -> dict:
    games = []
    for g in listing.games:
        s = g.latest.save
        assert s is not None
        games.append({"game_id": g.game_id, "scenario": s.scenario,
                      "scenario_title": s.summary.scenario_title, "players": s.summary.players,
                      "seed": s.seed, "month": s.summary.month, "finished": s.summary.finished,
                      "ending": s.summary.ending, "saves": [entry_json(e) for e in g.entries]})
    return {"folder": folder, "games": games,
            "unreadable": [entry_json(e) for e in listing.unreadable]}


def save_label(e: Entry) -> str:
    """How one save reads in a list: its name, or 'autosave, month 4'."""
    s = e.save
    assert s is not None
    if s.kind == "autosave":
        return f"autosave, month {s.summary.month}"
    return s.name or e.path.stem


def row_labels(game: GameSaves) -> list[str]:
    """A game's rows in a list: the first names the game, the others hang under it."""
    labels = []
    for k, e in enumerate(game.entries):
        own = save_label(e)
        if k:
            labels.append(f"└ {own}")
        else:
            labels.append(game.name() if own == game.name() else f"{game.name()}: {own}")
    return labels


def listing_text(listing: Listing, folder: str) -> str:
    if not listing.games and not listing.unreadable:
        return f"No saves in {folder}."
    lines = [f"Saves in {folder}: {len(listing.games)} game(s)"]
    for g in listing.games:
        lines.append(f"\n{g.title()}  [game {g.game_id}]")
        for e in g.entries:
            s = e.save
            assert s is not None
            when = s.summary.date[:16].replace("T", " ")
            lines.append(f"  {save_label(e):<28} {when}  {e.path.name}")
    if listing.unreadable:
        lines.append(f"\nUnreadable ({len(listing.unreadable)}):")
        lines += [f"  {e.path.name}: {e.error}" for e in listing.unreadable]
    return "\n".join(lines)
