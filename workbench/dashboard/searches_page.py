"""The Searches page: the search record behind the response, judged search by search.

The table is the case's search record as the review holds it (plus any the
reviewer added).  For each search the reviewer says whether it was adequate
and, where it was not, what further search is needed; a search the record
lacks is added with the form below.  Everything is saved through the
:class:`~workbench.service.ReviewSession` as it is changed.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..errors import ReviewError
from ..review import SEARCH_RECORD_FIELDS, Review, SearchReview
from .check_hints import findings_for, hints_html
from .pages import YES_NO_OPTIONS, Page, yes_no_from_widget, yes_no_to_widget
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
        return (review.version, review.is_frozen, len(review.searches))

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
        """What the response itself says about searching, and the check on it."""
        quotes = [e.quote for e in self.session.extraction.searches]
        html = ""
        if quotes:
            items = "".join(f"<li>“{escape(q)}”</li>" for q in quotes)
            html += f"<div class='wb-hint'>The response says:<ul>{items}</ul></div>"
        html += hints_html(findings_for(self.session, SEARCH_CHECKS))
        return [widgets.HTML(html)] if html else []

    def _search_row(self, index: int, search: SearchReview) -> widgets.VBox:
        cells = [_cell(getattr(search, name)) for name in SEARCH_RECORD_FIELDS]
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
        judged = widgets.HBox(
            [
                widgets.HTML(
                    f"<small>Search {index + 1}<br>{escape(origin)}</small>",
                    layout=widgets.Layout(width="10rem", flex="0 0 auto"),
                ),
                adequate,
                further,
            ],
            layout=widgets.Layout(align_items="center", width="100%"),
        )
        row = widgets.VBox([record, judged])
        row.add_class("wb-search")
        if search.added_by_reviewer:
            row.add_class("wb-search-added")
        return row

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
