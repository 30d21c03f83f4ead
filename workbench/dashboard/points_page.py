"""The Request points tab: the reading of the request, corrected, then judged point by point.

The extractor's points are a proposal.  Each card shows what was read for the point and
lets the reviewer correct it (label, request text, determination, provisions) or
restructure the list (move, split, merge, delete, add); every change goes through the
session (:mod:`workbench.reading` holds the rules) and is audited.  Then come the
reviewer's finding, reasons, remedies and the date by which the remedy is due.

Beside the cards, the letter itself (:class:`~workbench.dashboard.document_view.
DocumentView`) shows the chosen point's answer highlighted; words selected there become
that point's request text or answer with one click.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..errors import WorkbenchError
from ..parsing.model import DETERMINATION_LABELS, Evidence
from ..reading import point_provisions
from ..review import PointFinding, PointReview, Remedy, Review
from .confidence import confidence_badge
from .document_view import DocumentView, highlights_for
from .overview_page import quote_html
from .pages import (
    Page,
    choice_options,
    empty_as_none,
    labelled,
    named,
    none_as_empty,
)
from .text import escape

#: The determination dropdown's first choice: back to what the letter was read as saying.
AS_READ = "— as read from the letter —"
#: The determinations, in the corpus's vocabulary, as the dropdown offers them.
DETERMINATION_OPTIONS = [(label, d.value) for d, label in DETERMINATION_LABELS.items()]


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


def reading_html(review: Review, point: PointReview) -> str:
    """One line saying what was read for the point and what the reviewer changed."""
    if point.read is None:
        return "<span class='wb-edited'>added by the reviewer</span>"
    changed = point.corrected_values()
    if not changed:
        return "<span class='wb-muted'>as read from the letter</span>"
    read = point.read
    was = []
    if "label" in changed:
        was.append(f"label {escape(read.label)}")
    if "text" in changed:
        was.append(f"text “{escape(_short(read.text) or '(none)')}”")
    if "determination" in changed:
        words = DETERMINATION_LABELS[read.determination] if read.determination else "not found"
        was.append(f"determination {escape(words)}")
    if "provisions" in changed:
        was.append(f"provisions {escape(', '.join(read.provisions) or 'none')}")
    return (
        "<span class='wb-edited'>corrected by the reviewer</span> "
        f"<span class='wb-muted'>(read as: {'; '.join(was)})</span>"
    )


class PointsPage(Page):
    """The corrected reading of the request, a card per point, and the letter beside them."""

    title = "Request points"

    def __init__(self, session, guard, **options) -> None:
        request = session.case.request() if session.case.meta.documents.request else None
        self.letter = DocumentView(
            session.case.response().text,
            request.text if request is not None else "",
            on_use=guard(self._use_selection),
        )
        self.letter.add_class("wb-letter-view")
        self.letter.observe(guard(lambda _change: self._show_in_letter()), names="current")
        super().__init__(session, guard, **options)

    def shape(self) -> object:
        review = self.session.review
        return (review.version, review.is_frozen, tuple(p.label for p in review.points))

    def build(self) -> list[widgets.Widget]:
        review = self.session.review
        cards: list[widgets.Widget] = [self._intro(review)]
        if not review.points:
            cards.append(
                widgets.HTML(
                    "<p>No request points were found in the letter. Add each point the request "
                    "makes below: select its words in the letter to take them as its text.</p>"
                )
            )
        cards += [self._card(index, point) for index, point in enumerate(review.points)]
        cards.append(self._add_form(review))
        column = widgets.VBox(cards, layout=widgets.Layout(flex="3 1 0", min_width="0"))
        column.add_class("wb-points-column")
        beside = widgets.VBox(
            [widgets.HTML("<b>The letter</b>"), self.letter],
            layout=widgets.Layout(flex="2 1 0", min_width="0"),
        )
        beside.add_class("wb-letter-column")
        labels = [p.label for p in review.points]
        if labels and self.letter.current not in labels:
            self.letter.current = labels[0]
        self._show_in_letter()
        row = widgets.HBox([column, beside], layout=widgets.Layout(align_items="flex-start"))
        row.add_class("wb-side-by-side")
        return [row]

    def sync(self) -> None:
        super().sync()
        self._show_in_letter()

    # -- the letter beside the cards ---------------------------------------------------------

    def _show_in_letter(self) -> None:
        """Highlight the chosen point's answer (and request text) in the letter."""
        review = self.session.review
        labels = [p.label for p in review.points]
        label = self.letter.current if self.letter.current in labels else ""
        point = _point(review, label) if label else None
        marks = []
        if point is not None:
            marks = highlights_for(self.session.point_evidence(label), point.text_source)
        self.letter.show_point(label, marks, labels)

    def _use_selection(self, role: str, label: str, span: Evidence) -> None:
        """The reviewer's selection in the letter, as a point's request text or answer."""
        if self.session.review.is_frozen:
            raise WorkbenchError("This review is completed; start a new version to change it")
        if role == "text":
            words = " ".join(span.quote.split())  # the letter's line breaks are its layout
            action: Callable[[], Any] = lambda: self.session.set_point_text(  # noqa: E731
                label, words, source=span
            )
        else:
            action = lambda: self.session.set_point_answer(label, [span])  # noqa: E731
        self.attempt(action)

    def _point_in_letter(self, label: str) -> None:
        self.letter.current = label

    # -- one point ---------------------------------------------------------------------------

    def _intro(self, review: Review) -> widgets.Widget:
        html = (
            "<p class='wb-muted'>The points below are the letter as the workbench read it: a "
            "proposal. Correct anything it got wrong (split, merge, delete, relabel, the "
            "determination and provisions) before judging each point; everything else, the "
            "checks and the letter, follows your reading.</p>"
        )
        loose = [p.provision_id for p in review.provisions if not p.points]
        if loose:
            html += (
                "<p class='wb-hint'>Cited in the letter but relied on by no point: "
                f"<b>{escape(', '.join(loose))}</b>. Add it to the point that relies on it, "
                "or set it aside on the Provisions page.</p>"
            )
        return widgets.HTML(html)

    def _card(self, index: int, point: PointReview) -> widgets.Widget:
        label = point.label
        frozen = self.session.review.is_frozen
        head = widgets.HTML(f"<h3>Point {escape(label)}</h3>")
        status = self.show(
            widgets.HTML(), lambda review: reading_html(review, review.points[index])
        )
        status.add_class("wb-point-reading")
        parts: list[widgets.Widget] = [
            head,
            status,
            self._structure_row(index, label, frozen),
            *self._reading_rows(index, label),
        ]
        evidence = self.session.point_evidence(label)
        quotes = "".join(quote_html(e) for e in evidence) or quote_html(None)
        parts += [
            self.show(
                widgets.HTML(), lambda _: confidence_badge(self.session.point_confidence(label))
            ),
            widgets.HTML(f"<b>Where the letter answers it</b>{quotes}"),
            *self._finding_rows(index),
        ]
        card = widgets.VBox(parts)
        card.add_class("wb-card")
        card.add_class("wb-point")
        card.add_class(f"wb-point-{_css(label)}")
        return card

    def _structure_row(self, index: int, label: str, frozen: bool) -> widgets.Widget:
        """Relabel, move, split, merge, delete, and show this point in the letter."""
        points = self.session.review.points
        small = widgets.Layout(width="auto")
        relabel = widgets.Text(
            value=label, placeholder="label", layout=widgets.Layout(width="5rem"), disabled=frozen
        )
        relabel.add_class("wb-point-label")
        named(relabel, "Label", width="3rem")
        self.on_change(relabel, lambda value: self.session.relabel_point(label, value))
        up = self.button(
            "↑ Up", lambda: self.session.move_point(label, index - 1), layout=small,
            tooltip=f"Move point {label} up", disabled=frozen or index == 0,
        )  # fmt: skip
        down = self.button(
            "↓ Down", lambda: self.session.move_point(label, index + 1), layout=small,
            tooltip=f"Move point {label} down", disabled=frozen or index == len(points) - 1,
        )  # fmt: skip
        parts = widgets.Text(
            placeholder=f"{label}a, {label}b", layout=widgets.Layout(width="7rem"), disabled=frozen
        )
        parts.add_class("wb-split-into")
        named(parts, f"Labels of the parts to split point {label} into", visible=False)
        split = self.button(
            "Split", lambda: self.session.split_point(label, parts.value), layout=small,
            tooltip="Split this point into parts with these labels", disabled=frozen,
        )  # fmt: skip
        split.add_class("wb-split")
        others = [p.label for p in points if p.label != label]
        partner = widgets.Dropdown(
            options=others,
            value=_next_label(points, index),
            layout=widgets.Layout(width="5.5rem"),
            disabled=frozen or not others,
        )
        partner.add_class("wb-merge-with")
        named(partner, f"The point to merge point {label} with", visible=False)
        merge = self.button(
            "Merge with", lambda: self.session.merge_points(label, partner.value), layout=small,
            tooltip="Merge this point with the one chosen (texts and reasons are joined)",
            disabled=frozen or not others,
        )  # fmt: skip
        merge.add_class("wb-merge")
        delete = self.button(
            "Delete", lambda: self.session.delete_point(label), layout=small, icon="trash",
            tooltip="Delete this point (the audit trail keeps it)", disabled=frozen,
        )  # fmt: skip
        delete.add_class("wb-delete-point")
        show = self.button(
            "Show in the letter", lambda: self._point_in_letter(label), layout=small,
            tooltip="Highlight this point's answer in the letter beside",
        )  # fmt: skip
        show.add_class("wb-show-in-letter")
        row = widgets.HBox(
            [relabel, up, down, parts, split, merge, partner, delete, show],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center", grid_gap="0.25rem"),
        )
        row.add_class("wb-point-tools")
        return row

    def _reading_rows(self, index: int, label: str) -> list[widgets.Widget]:
        """The request text, the determination and the provisions, each correctable."""
        text = widgets.Textarea(
            placeholder="What the requester asked for in this point (or select it in the letter)",
            layout=widgets.Layout(width="100%", height="4.5rem"),
        )
        text.add_class("wb-point-text")
        named(text, f"What was asked in point {label}", visible=False)
        self.control(
            text,
            lambda review: review.points[index].request_text,
            lambda value: self.session.set_point_text(label, value),
            as_typed=True,
        )
        decided = widgets.Dropdown(
            options=[(AS_READ, ""), *DETERMINATION_OPTIONS], layout=widgets.Layout(width="18rem")
        )
        decided.add_class("wb-point-determination")
        self.control(
            decided,
            lambda review: _determination_value(review.points[index]),
            lambda value: self.session.set_point_determination(label, value or None),
        )
        determination = self.show(
            widgets.HTML(), lambda review: determination_html(review.points[index])
        )
        provisions = widgets.Text(
            placeholder="none: e.g. s.40(2), section 43(2)", layout=widgets.Layout(width="18rem")
        )
        provisions.add_class("wb-point-provisions")
        self.control(
            provisions,
            lambda review: ", ".join(point_provisions(review, review.points[index])),
            lambda value: self.session.set_point_provisions(label, value),
        )
        return [
            widgets.HTML("<b>What was asked</b>"),
            text,
            labelled("The response decided", widgets.HBox([decided, determination])),
            labelled(
                "Provisions relied on",
                widgets.HBox(
                    [
                        provisions,
                        widgets.HTML(
                            "<span class='wb-muted'>comma-separated; press Enter to save</span>"
                        ),
                    ]
                ),
            ),
        ]

    def _finding_rows(self, index: int) -> list[widgets.Widget]:
        path = f"points.{index}"
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
        named(
            reasons,
            f"Reasons for your finding on point {self.session.review.points[index].label}",
            visible=False,
        )
        remedies = widgets.GridBox([self._remedy_box(index, remedy) for remedy in Remedy])
        remedies.add_class("wb-remedies")
        remedy_date = self.date_field(
            f"Remedy date for point {self.session.review.points[index].label}",
            lambda review: review.points[index].remedy_date,
            lambda day: self.session.edit(f"{path}.remedy_date", day),
        )
        remedy_date.children[0].add_class("wb-remedy-date")
        return [
            labelled("Your finding", finding),
            widgets.HTML("<b>Reasons</b>"),
            reasons,
            widgets.HTML("<b>Remedies</b>"),
            remedies,
            labelled("Remedy by", remedy_date),
        ]

    def _add_form(self, review: Review) -> widgets.Widget:
        """Add a point the reading missed."""
        frozen = review.is_frozen
        label = widgets.Text(
            placeholder="label, e.g. 4", layout=widgets.Layout(width="8rem"), disabled=frozen
        )
        label.add_class("wb-new-point-label")
        named(label, "Label", width="3rem")
        text = widgets.Textarea(
            placeholder="What the requester asked for (or add the point, then select its words "
            "in the letter)",
            layout=widgets.Layout(width="100%", height="3.5rem"),
            disabled=frozen,
        )
        text.add_class("wb-new-point-text")
        named(text, "What was asked in the new point", visible=False)
        decided = widgets.Dropdown(
            options=[("— not known —", ""), *DETERMINATION_OPTIONS],
            layout=widgets.Layout(width="16rem"),
            disabled=frozen,
        )
        named(decided, "The response decided", visible=False)
        provisions = widgets.Text(
            placeholder="e.g. s.40(2)",
            layout=widgets.Layout(width="10rem"),
            disabled=frozen,
        )
        named(provisions, "Provisions", width="5.5rem")

        def add() -> Review:
            added = self.session.add_point(
                label.value, text.value, decided.value or None, provisions.value
            )
            self._point_in_letter(label.value.strip())
            return added

        button = self.button("Add the point", add, icon="plus", disabled=frozen)
        button.add_class("wb-add-point")
        form = widgets.VBox(
            [
                widgets.HTML("<h3>Add a point the reading missed</h3>"),
                widgets.HBox([label, decided, provisions]),
                text,
                button,
            ]
        )
        form.add_class("wb-add-point-form")
        form.add_class("wb-card")
        return form

    def _remedy_box(self, index: int, remedy: Remedy) -> widgets.Checkbox:
        return self.member_box(
            remedy.label,
            remedy,
            lambda review: review.points[index].remedies,
            f"points.{index}.remedies",
        )


def _point(review: Review, label: str) -> PointReview | None:
    return next((p for p in review.points if p.label == label), None)


def _next_label(points: list[PointReview], index: int) -> str | None:
    """The point after ``index`` (else the one before): what "merge with" offers first."""
    if index + 1 < len(points):
        return points[index + 1].label
    return points[index - 1].label if index > 0 else None


def _determination_value(point: PointReview) -> str:
    return point.determination.value if point.determination else ""


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _css(label: str) -> str:
    """A point label as a CSS class fragment ("3a" -> "3a")."""
    return "".join(ch if ch.isalnum() else "-" for ch in label)
