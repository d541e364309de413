"""The debrief: the ending, the scores and their parts, the decisive votes, the gauges over the
game with what moved them each month, and the real cases and recommendations it touched.

It reads the public view, and the debrief's queries (`play.queries`): once the game is over,
they unseal every player's objectives, deals and messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from councilgame.play import LEGITIMACY, OUTCOMES, PublicView
from councilgame.play import queries as views
from councilgame.play.views import VoteView
from councilgame.tui.screens.vote import verdict
from councilgame.tui.widgets.gauges import GaugePanel
from councilgame.tui.widgets.tutorial import TutorialNote

if TYPE_CHECKING:
    from councilgame.tui.app import CouncilApp


def short_month(name: str) -> str:
    """'September 2026' -> 'Sep 2026', for a table's first column."""
    month, _, year = name.partition(" ")
    return f"{month[:3]} {year}".strip()


def result_cell(v: VoteView) -> str:
    """The result in a few words: 'adopted 14-0-1', 'vetoed (RUS) 11-1-3', 'failed 6-1-8'."""
    count = f"{v.yes}-{v.no}-{v.abstain}"
    if v.result == "vetoed":
        return f"vetoed ({', '.join(v.vetoed_by)}) {count}"
    return f"{v.result} {count}"


class DebriefScreen(Screen):
    if TYPE_CHECKING:
        app: CouncilApp

    BINDINGS = [
        Binding("e", "export", "Export .md"),
        Binding("g", "grading", "Grading", tooltip="Write the negotiation record (Markdown and "
                "JSON) and a handout per player beside the saves, for grading"),
        Binding("w", "what_if", "What if…", tooltip="What if… (selected month): reopen the game at "
                "the month selected under Gauges & causes, as a new game"),
        Binding("f1", "app.help", "Help"),
        Binding("q", "app.quit_game", "Quit"),
    ]

    @property
    def view(self) -> PublicView:
        """The room's view of the ended game (built once: nothing changes after the end)."""
        if not hasattr(self, "_view"):
            self._view = self.app.session.view()
        return self._view

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent():
            with TabPane("Ending & scores", id="tab-ending"), VerticalScroll():
                yield Static(self._ending(), id="ending")
                yield Static(self._scores(), id="scores")
            with TabPane("Votes", id="tab-votes"), Vertical():
                yield DataTable(id="votes", cursor_type="row", zebra_stripes=True)
                yield Static(id="vote-detail")
            with TabPane("Gauges & causes", id="tab-gauges"), Horizontal():
                with Vertical(id="debrief-gauges"):
                    yield GaugePanel(self.view.gauges, id="gauges", classes="box")
                    yield DataTable(id="months", cursor_type="row")
                yield Static(id="causes", classes="box")
            with TabPane("Cases & lessons", id="tab-cases"), VerticalScroll():
                yield Static(self._cases(), id="cases")
        yield TutorialNote("debrief")
        yield Footer()

    def on_mount(self) -> None:
        session = self.app.session
        view = self.view
        votes = self.query_one("#votes", DataTable)
        # three short columns, so the table fits at 80 columns; the highlighted vote's verdict
        # and clauses are worded in full below it
        self.drafts = [v for v in view.votes if v.kind == "draft"]  # not the amendments
        results = [result_cell(v) for v in self.drafts]
        wide = max([len(r) for r in results] + [6])
        votes.add_column("Month")
        # the draft's title wraps in a column of what the screen leaves it
        votes.add_column("Draft", width=max(20, self.app.size.width - wide - 26))
        votes.add_column("Result")
        for i, v in enumerate(self.drafts):
            votes.add_row(short_month(session.month_name(v.month)), Text(v.title), Text(results[i]),
                          key=f"v{i}", height=None)
        self._vote_detail(0)
        self.query_one(GaugePanel).show(view.gauges)
        months = self.query_one("#months", DataTable)
        months.add_columns("Month", "Events")
        for month in view.timeline:
            months.add_row(month.name, str(len(month.events)), key=str(month.month))
        self.query_one("#causes").border_title = "What moved each gauge"
        self._causes(1)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "months" and event.row_key is not None:
            self._causes(int(str(event.row_key.value)))
        elif event.data_table.id == "votes":
            self._vote_detail(event.cursor_row)

    def _vote_detail(self, row: int) -> None:
        if not 0 <= row < len(self.drafts):
            return
        v = self.drafts[row]
        names = {s.code: s.name for s in self.view.seats}
        t = Text(f"{v.title}\n", style="bold")
        t.append(verdict(v, names) + "\n")
        t.append("Clauses: ", style="bold")
        t.append("; ".join(v.clause_titles) or "none")
        self.query_one("#vote-detail", Static).update(t)

    def _causes(self, month: int) -> None:
        session = self.app.session
        t = Text(f"{session.month_name(month)}\n", style="bold")
        for g in self.view.gauges:
            var, label, good = g.var, g.label, g.good
            rows = views.causes_of(session.game, month, var)
            if not rows:
                continue
            total = sum(r[2] for r in rows)
            t.append(f"{label} {total:+.1f}\n", style="bold")
            for kind, why, delta in rows[:4]:
                better = (delta > 0) == (good == "high") if good in ("high", "low") else None
                style = "" if better is None else "green" if better else "red"
                t.append(f"  {delta:+5.1f} {why} ({kind})\n", style=style)
        self.query_one("#causes", Static).update(t)

    def _ending(self) -> Text:
        game = self.app.session.game
        end = views.ending(game)
        t = Text(f"{end.title}\n" if end else "The game ended.\n", style="bold")
        if end:
            t.append(end.text.strip() + "\n")
        origin = self.app.session.origin
        if origin:
            t.append(f"\nThis game is a branch of {origin.branch_of}, reopened at month "
                     f"{origin.at_month}.\n", style="italic")
        return t

    def _scores(self) -> Text:
        session = self.app.session
        scores = self.view.scores
        t = Text("\nLegitimacy ", style="bold")
        t.append(f"{scores['legitimacy']:.0f}\n", style="bold")
        for k in LEGITIMACY:
            t.append(f"  {k:<22}{scores[k]:5.0f}\n")
        t.append("Outcomes ", style="bold")
        t.append(f"{scores['outcomes']:.0f}\n", style="bold")
        for k in OUTCOMES:
            t.append(f"  {k.replace('_', ' '):<22}{scores[k]:5.0f}\n")
        game = session.game
        if session.hotseat:
            t.append("\nRanking of the players (share of their objectives met)\n", style="bold")
            for rank, (code, score) in enumerate(views.ranking(game, session.humans), 1):
                t.append(f"  {rank}. {session.name_of(code)} ({session.players_of(code)}): "
                         f"{score:.0f}%\n")
        for code in session.humans:
            who = session.name_of(code) + (f" ({session.players_of(code)})" if session.hotseat else "")
            t.append(f"\nObjectives of {who}\n", style="bold")
            for text, met in views.objective_status(game, code):
                t.append(f"  {'✔' if met else '✘'} {text}\n", style="green" if met else "red")
        deals, messages = views.unsealed_deals(game), views.unsealed_messages(game)
        if deals or messages:
            t.append("\nDeals and messages, unsealed\n", style="bold")
            for text in deals:
                t.append(f"  {text}\n")
            for month, seat, target, text in messages:
                t.append(f"  {session.month_name(month)}, {seat} to {target}: {text}\n")
        return t

    def _cases(self) -> Text:
        from councilgame.play.debrief import real_record, real_words

        t = Text()
        record = real_record(self.app.session.game)
        if record:
            t.append("What the Council really did\n", style="bold underline")
            for entry in record:
                head, mine = real_words(entry, self.app.session.month_name)
                t.append(head, style="bold")
                t.append(f" ({mine}). ", style="italic")
                t.append(entry["real"].text.strip() + " ")
                t.append(f"({entry['real'].source})\n\n", style="dim")
        items = views.debrief_items(self.app.session.game)
        for kind, heading in (("cases", "Real cases this game resembles"),
                              ("recommendations", "What the paper recommends")):
            t.append(heading + "\n", style="bold underline")
            for _, title, text, source in (i for i in items if i[0] == kind):
                t.append(f"{title}. ", style="bold")
                t.append(text.strip() + " ")
                t.append(f"({source})\n\n", style="dim")
        return t

    def action_what_if(self) -> None:
        table = self.query_one("#months", DataTable)
        month = table.cursor_row + 1 if table.row_count else 1
        self.app.what_if(month)

    def action_grading(self) -> None:
        paths = self._write("The grading record", self.app.export_grading, self.action_grading)
        if paths is not None:
            self.notify(f"Grading record and {len(paths) - 2} handout(s) written to "
                        f"{self.app.store.folder}")

    def action_export(self) -> None:
        path = self._write("The debrief", self.app.export_debrief, self.action_export)
        if path is not None:
            self.notify(f"Debrief written to {path}")

    def _write(self, what: str, write, retry):
        """Run a writer of files beside the saves; if the folder refuses, say so and offer
        another folder (None then)."""
        try:
            return write()
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
            self.app.saves_failed(f"{what} could not be written in {self.app.store.folder} "
                                  f"({reason}).", retry=retry)
            return None
