"""The Request points tab: one card per point of the request.

Each card shows what was asked and what the response decided (as read, with
the sentences it was read from, and correctable), then takes the reviewer's
finding, reasons, remedies and the date by which the remedy is due.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..errors import DateError
from ..parsing.model import DETERMINATION_LABELS
from ..review import PointFinding, PointReview, Remedy, Review
from .confidence import confidence_badge
from .overview_page import quote_html
from .pages import (
    Page,
    choice_options,
    date_from_text,
    empty_as_none,
    labelled,
    none_as_empty,
    text_or_empty,
)
from .text import escape

#: The determination dropdown: "as read" keeps the extracted one.
AS_READ = "— as read from the letter —"


def determination_html(point: PointReview) -> str:
    """What the response decided, and whether the reviewer corrected the reading."""
    read = (
        DETERMINATION_LABELS[point.original_determination]
        if point.original_determination
        else "Not found in the letter"
    )
    if point.determination_corrected:
        return (
            f"<b>{escape(point.determination_label)}</b> "
            f"<span class='wb-edited'>edited by the reviewer</span> "
            f"<span class='wb-muted'>(read from the letter: {escape(read)})</span>"
        )
    return f"<b>{escape(read)}</b> <span class='wb-muted'>as read</span>"


class PointsPage(Page):
    """One card per request point, with the reviewer's finding on each."""

    title = "Request points"

    def shape(self) -> object:
        review = self.session.review
        return (review.version, review.is_frozen, tuple(p.label for p in review.points))

    def build(self) -> list[widgets.Widget]:
        points = self.session.review.points
        if not points:
            return [widgets.HTML("<p>No request points were found in the letter.</p>")]
        return [self._card(index, point) for index, point in enumerate(points)]

    def _card(self, index: int, point: PointReview) -> widgets.Widget:
        path = f"points.{index}"
        evidence = self.session.point_evidence(point.label)
        quotes = "".join(quote_html(e) for e in evidence) or quote_html(None)
        provisions = ", ".join(point.provisions) if point.provisions else "none"
        asked = escape(point.request_text or "(no text)")
        request = widgets.HTML(
            f"<h3>Point {escape(point.label)}</h3>"
            f"<blockquote class='wb-request'>{asked}</blockquote>"
            f"<div class='wb-muted'>Provisions relied on: {escape(provisions)}</div>"
        )
        determination = self.show(
            widgets.HTML(), lambda review: determination_html(review.points[index])
        )
        correct = self.bind(
            widgets.Dropdown(
                options=[
                    (AS_READ, ""),
                    *((label, d.value) for d, label in DETERMINATION_LABELS.items()),
                ],
                layout=widgets.Layout(width="18rem"),
            ),
            f"{path}.corrected_determination",
            to_widget=none_as_empty,
            from_widget=empty_as_none,
        )
        finding = self.bind(
            widgets.Dropdown(
                options=choice_options(PointFinding.choices()),
                layout=widgets.Layout(width="18rem"),
            ),
            f"{path}.finding",
            to_widget=none_as_empty,
            from_widget=empty_as_none,
        )
        finding.add_class("wb-point-finding")
        reasons = self.bind(
            widgets.Textarea(
                placeholder="Why: what the response got right or wrong on this point",
                layout=widgets.Layout(width="100%", height="5rem"),
            ),
            f"{path}.reasons",
        )
        reasons.add_class("wb-point-reasons")
        remedies = widgets.GridBox([self._remedy_box(index, remedy) for remedy in Remedy])
        remedies.add_class("wb-remedies")
        remedy_date, date_note = self._remedy_date(index)
        card = widgets.VBox(
            [
                request,
                widgets.HTML("<b>The response decided</b>"),
                determination,
                widgets.HTML(confidence_badge(self.session.point_confidence(point.label)) + quotes),
                labelled("Correct the reading", correct),
                labelled("Your finding", finding),
                widgets.HTML("<b>Reasons</b>"),
                reasons,
                widgets.HTML("<b>Remedies</b>"),
                remedies,
                labelled("Remedy by", widgets.HBox([remedy_date, date_note])),
            ]
        )
        card.add_class("wb-card")
        card.add_class("wb-point")
        card.add_class(f"wb-point-{_css(point.label)}")
        return card

    def _remedy_box(self, index: int, remedy: Remedy) -> widgets.Checkbox:
        box = widgets.Checkbox(
            description=remedy.label, indent=False, layout=widgets.Layout(width="auto")
        )
        self.show(box, lambda review: remedy in review.points[index].remedies)

        def save(checked: bool) -> Review:
            current = list(self.session.review.points[index].remedies)
            chosen = [*current, remedy] if checked else [r for r in current if r is not remedy]
            return self.session.edit(f"points.{index}.remedies", chosen)

        self.on_change(box, save)
        self.show(box, lambda review: review.is_frozen, trait="disabled")
        return box

    def _remedy_date(self, index: int) -> tuple[widgets.Text, widgets.HTML]:
        """The remedy date as YYYY-MM-DD text; a wrong date is named beside the box too."""
        note = widgets.HTML()
        note.add_class("wb-field-note")
        read_date = date_from_text(
            f"Remedy date for point {self.session.review.points[index].label}"
        )
        field = widgets.Text(placeholder="YYYY-MM-DD", layout=widgets.Layout(width="10rem"))
        self.show(field, lambda review: text_or_empty(review.points[index].remedy_date))
        self.show(field, lambda review: review.is_frozen, trait="disabled")

        def save(text: str) -> Review:
            try:
                day = read_date(text)
            except DateError as exc:
                note.value = f"<span class='wb-error-text'>{escape(exc)}</span>"
                raise
            note.value = ""
            return self.session.edit(f"points.{index}.remedy_date", day)

        self.on_change(field, save)
        return field, note


def _css(label: str) -> str:
    """A point label as a CSS class fragment ("3a" -> "3a")."""
    return "".join(ch if ch.isalnum() else "-" for ch in label)
