"""The Searches page: the search record behind the response, judged search by search.

The table is the case's search record as the review holds it (plus any the
reviewer added).  Each row's columns can be corrected in place and a row can be
deleted (the audit trail keeps it).  For each search the reviewer says whether it
was adequate and, where it was not, what further search is needed; a search the
record lacks is added with the form below.  A passage the letter was read as
describing a search can be marked "not a search", so the checks stop counting it.
Everything is saved through the :class:`~workbench.service.ReviewSession` as it is
changed.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..errors import ReviewError
from ..parsing.model import Evidence
from ..review import SEARCH_RECORD_FIELDS, Review, SearchReview
from .check_hints import findings_for, hints_html
from .pages import YES_NO_OPTIONS, Page, named, yes_no_from_widget, yes_no_to_widget
from .text import escape

#: The record's columns as the table heads them.
COLUMN_TITLES = {
    "date": "Date",
    "who": "Who",
    "where": "Where",
    "terms": "Search terms",
    "date_range": "Date range",
    "results": "Results",
    "notes": "Notes",
}
COLUMNS = "6.5rem minmax(6rem, 1fr) minmax(8rem, 1.5fr) minmax(8rem, 1.5fr) 7rem 6rem 1.5fr"

#: Checks whose findings are about the searches.
SEARCH_CHECKS = ("searches-not-described",)


def summary_text(review: Review) -> str:
    """ "3 searches: 1 adequate, 1 not adequate, 1 not decided yet"."""
    searches = review.searches
    if not searches:
        return "No searches recorded yet."
    counts = {
        "adequate": sum(1 for s in searches if s.adequate is True),
        "not adequate": sum(1 for s in searches if s.adequate is False),
        "not decided yet": sum(1 for s in searches if s.adequate is None),
    }
    parts = [f"{n} {what}" for what, n in counts.items() if n]
    noun = "search" if len(searches) == 1 else "searches"
    return f"{len(searches)} {noun}: " + ", ".join(parts) + "."


def _cell(text: str, *classes: str) -> widgets.HTML:
    cell = widgets.HTML(f"<span>{escape(text)}</span>" if text else "<span>—</span>")
    cell.add_class("wb-cell")
    for name in classes:
        cell.add_class(name)
    return cell


def _grid(cells: list[widgets.Widget], *classes: str) -> widgets.GridBox:
    grid = widgets.GridBox(cells, layout=widgets.Layout(grid_template_columns=COLUMNS))
    for name in ("wb-row", *classes):
        grid.add_class(name)
    return grid


class SearchesPage(Page):
    """The search record as a table; adequacy and further searches; add a missing search."""

    title = "Searches"

    def shape(self) -> object:
        review = self.session.review
        # Not the status: the first answer moves a draft to in progress, and rebuilding then
        # would take the reviewer's place (and focus) on the page.
        return (review.version, review.is_frozen, len(review.searches), len(review.not_searches))

    def build(self) -> list[widgets.Widget]:
        review = self.session.review
        intro = widgets.HTML(
            "<h2>Searches</h2><p>The searches made for the original response. Mark each "
            "adequate or not and say what further search is needed; add any search that "
            "should have been made, or that was made but not recorded.</p>"
        )
        summary = self.show(widgets.HTML(), lambda r: f"<p>{escape(summary_text(r))}</p>")
        parts: list[widgets.Widget] = [intro, summary, *self._from_letter()]
        if review.searches:
            header = _grid(
                [widgets.HTML(f"<b>{escape(t)}</b>") for t in COLUMN_TITLES.values()],
                "wb-row-head",
            )
            table = widgets.VBox(
                [header, *(self._search_row(i, s) for i, s in enumerate(review.searches))]
            )
            table.add_class("wb-searches")
            parts.append(table)
        else:
            parts.append(
                widgets.HTML(
                    "<p>The case has no search record. Add the searches the response relied "
                    "on below (ask the team that answered the request for them).</p>"
                )
            )
        parts.append(self._add_form(frozen=review.is_frozen))
        return parts

    def _from_letter(self) -> list[widgets.Widget]:
        """What the response itself says about searching (each can be marked not a search)."""
        passages = self.session.extraction.searches
        parts: list[widgets.Widget] = []
        if passages:
            parts.append(widgets.HTML("<div class='wb-hint'>The response says:</div>"))
            parts += [self._passage(passage) for passage in passages]
        hints = hints_html(findings_for(self.session, SEARCH_CHECKS))
        if hints:
            parts.append(widgets.HTML(hints))
        return parts

    def _passage(self, passage: Evidence) -> widgets.Widget:
        """One passage read as a search, with the reviewer's "not a search" (and its undo)."""
        review = self.session.review
        dismissed = passage in review.not_searches
        quote = widgets.HTML(
            f"<span class='{'wb-struck' if dismissed else ''}'>“{escape(passage.quote)}”</span>"
            + (" <span class='wb-edited'>not a search</span>" if dismissed else ""),
            layout=widgets.Layout(flex="1 1 auto"),
        )
        toggle = self.button(
            "It is a search" if dismissed else "Not a search",
            lambda: self.session.mark_not_a_search(passage, not dismissed),
            disabled=review.is_frozen,
            layout=widgets.Layout(width="auto", flex="0 0 auto"),
            tooltip="The checks count only the passages that describe a search",
        )
        toggle.add_class("wb-not-a-search")
        row = widgets.HBox([quote, toggle], layout=widgets.Layout(align_items="center"))
        row.add_class("wb-read-search")
        return row

    def _search_row(self, index: int, search: SearchReview) -> widgets.VBox:
        cells = [self._column(index, name) for name in SEARCH_RECORD_FIELDS]
        record = _grid(cells, "wb-search-record")
        adequate = self.bind(
            widgets.Dropdown(
                options=YES_NO_OPTIONS,
                description="Adequate?",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="13rem", flex="0 0 auto"),
            ),
            f"searches.{index}.adequate",
            to_widget=yes_no_to_widget,
            from_widget=yes_no_from_widget,
        )
        further = self.bind(
            widgets.Textarea(
                placeholder="What further search is needed (where, which terms, which dates)",
                description="Further search needed",
                style={"description_width": "initial"},
                layout=widgets.Layout(flex="1 1 auto", height="3.5rem"),
            ),
            f"searches.{index}.further_search_needed",
        )
        origin = "Added by the reviewer" if search.added_by_reviewer else "From the search record"
        delete = self.button(
            "Delete",
            lambda: self.session.delete_search(index),
            icon="trash",
            disabled=self.session.review.is_frozen,
            tooltip="Delete this search row (the audit trail keeps it)",
            layout=widgets.Layout(width="auto", flex="0 0 auto"),
        )
        delete.add_class("wb-delete-search")
        judged = widgets.HBox(
            [
                widgets.HTML(
                    f"<small>Search {index + 1}<br>{escape(origin)}</small>",
                    layout=widgets.Layout(width="10rem", flex="0 0 auto"),
                ),
                adequate,
                further,
                delete,
            ],
            layout=widgets.Layout(align_items="center", width="100%"),
        )
        row = widgets.VBox([record, judged])
        row.add_class("wb-search")
        if search.added_by_reviewer:
            row.add_class("wb-search-added")
        return row

    def _column(self, index: int, name: str) -> widgets.Text:
        """One column of a search row, corrected in place (saved when the reviewer leaves it)."""
        box = widgets.Text(layout=widgets.Layout(width="100%"))
        box.add_class("wb-cell")
        box.add_class(f"wb-search-{name.replace('_', '-')}")
        named(box, f"Search {index + 1}: {COLUMN_TITLES[name].lower()}", visible=False)
        self.show(box, lambda review: getattr(review.searches[index], name))
        self.show(box, lambda review: review.is_frozen, trait="disabled")
        self.on_change(box, lambda value: self.session.edit_search(index, **{name: value}))
        return box

    def _add_form(self, frozen: bool) -> widgets.VBox:
        self.new_search = {
            name: widgets.Text(
                description=title,
                placeholder="YYYY-MM-DD or as recorded" if name == "date" else "",
                style={"description_width": "7rem"},
                layout=widgets.Layout(width="auto"),
                disabled=frozen,
            )
            for name, title in COLUMN_TITLES.items()
        }
        self.add_button = self.button("Add the search", self._add, icon="plus", disabled=frozen)
        fields = list(self.new_search.values())
        grid = widgets.GridBox(
            fields,
            layout=widgets.Layout(
                grid_template_columns="repeat(2, minmax(0, 1fr))", grid_gap="0.25rem 1rem"
            ),
        )
        form = widgets.VBox(
            [widgets.HTML("<h3>Add a missing search</h3>"), grid, widgets.HBox([self.add_button])]
        )
        form.add_class("wb-add-search")
        form.add_class("wb-section")
        return form

    def _add(self) -> None:
        values = {name: box.value.strip() for name, box in self.new_search.items()}
        if not (values["where"] or values["terms"]):
            raise ReviewError(
                "Say where the search was made or which terms were used before adding it.",
                case_id=self.session.case_id,
                field="searches",
            )
        self.session.add_search(**values)
