"""The Grounds tab: what the requester asked to be looked at again, and the finding on each.

The grounds reader's grounds are a proposal.  Each card shows one ground (its category,
summary, the requester's words, the provisions and points it is about, how sure the
reader was) and lets the reviewer correct it or restructure the list (move, split, merge,
delete, add); every change goes through the session (:mod:`workbench.review_grounds` holds
the rules) and is audited.  Then: what the ground is linked to in the review (points,
provisions, the search record, timeliness), the finding those findings propose (shown,
never applied until the reviewer says so), and the reviewer's finding, reasons and remedy.

Beside the cards, the review request itself (:class:`~workbench.dashboard.document_view.
DocumentView`) with every ground highlighted, the chosen one outlined; words selected
there become a ground's words, or a new ground.  A case without a review request gets a
form to upload it or paste the requester's email.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as widgets

from ..deadlines import Deadline
from ..errors import WorkbenchError
from ..ground_links import GroundLinks, Proposal
from ..parsing.model import Evidence
from ..review import GroundFinding, GroundReview, Remedy, Review
from ..review_grounds import RequestText, category_label, category_labels
from ..uploads import EXTENSIONS, Upload, pasted_upload
from .document_view import DocumentView
from .pages import Page, choice_options, empty_as_none, none_as_empty
from .text import escape

_Control = TypeVar("_Control", bound=widgets.DOMWidget)

#: What "linked to" says of each kind of link, with the finding on it.
NOT_DECIDED_YET = "no finding yet"


def ground_highlights(
    request: RequestText | None, grounds: list[GroundReview], current: str
) -> list[dict[str, Any]]:
    """Every ground's words marked in the review request; the chosen one as ``current``."""
    if request is None:
        return []
    marks = []
    for ground in grounds:
        span = request.span(ground)
        if span is None:
            continue
        kind = "current" if ground.id == current else ("unsure" if ground.unsure else "ground")
        marks.append(
            {
                "start": span[0],
                "end": span[1],
                "source": "review_request",
                "kind": kind,
                "title": f"Ground {ground.id}: {category_label(ground.category)}",
            }
        )
    return marks


def reading_html(ground: GroundReview) -> str:
    """Whether the ground is as read, corrected or added, and how sure the reader was."""
    if ground.read is None:
        status = "<span class='wb-edited'>added by the reviewer</span>"
    elif ground.corrected_values():
        was = ", ".join(ground.corrected_values())
        status = (
            "<span class='wb-edited'>corrected by the reviewer</span> "
            f"<span class='wb-muted'>(changed: {escape(was)}; read as "
            f"{escape(category_label(ground.read.category))})</span>"
        )
    else:
        status = "<span class='wb-muted'>as read from the review request</span>"
    if ground.confidence is None:
        return status
    if ground.unsure:
        return (
            f"{status} <span class='wb-badge wb-warning wb-check-this'>Check this</span> "
            f"<span class='wb-muted'>the reader was unsure (confidence "
            f"{ground.confidence:.2f})</span>"
        )
    return f"{status} <span class='wb-muted'>(reader's confidence {ground.confidence:.2f})</span>"


def words_html(ground: GroundReview) -> str:
    if ground.quote:
        return f"<blockquote class='wb-ground-quote'>{escape(ground.quote)}</blockquote>"
    return (
        "<div class='wb-muted'>No words of the requester's chosen yet: select them in the "
        f"review request and choose “Use as ground {escape(ground.id)}'s words”.</div>"
    )


def links_html(review: Review, links: GroundLinks, deadline: Deadline | None = None) -> str:
    """What the ground is linked to in the review, each with the finding made on it; for
    timeliness, the statutory count beside the reviewer's finding."""
    items = [
        f"Point {escape(p.label)}: {escape(p.finding.label if p.finding else NOT_DECIDED_YET)}"
        for p in links.points
    ]
    items += [
        f"{escape(p.provision_id)}: {escape(p.finding.label if p.finding else NOT_DECIDED_YET)}"
        for p in links.provisions
    ]
    proc = review.procedural
    if links.about_searches:
        if not links.searches:
            items.append("The search record: no searches recorded")
        else:
            bad = sum(1 for s in links.searches if s.adequate is False)
            assessed = sum(1 for s in links.searches if s.adequate is not None)
            items.append(
                f"The search record: {len(links.searches)} searches, {assessed} assessed, "
                f"{bad} found inadequate"
            )
    if links.timeliness:
        where = "" if proc.timeliness else " (record it on the Procedure tab)"
        count = ""
        if deadline is not None and deadline.on_time is not None:
            verdict = "on time" if deadline.on_time else f"{deadline.days_late} working days late"
            count = (
                f"; the statutory count: due {deadline.due:%d %B %Y}, answered on working day "
                f"{deadline.working_days_taken}, {verdict}"
            )
        items.append(f"Timeliness: {escape(proc.timeliness_label)}{where}{escape(count)}")
    if links.advice:
        items.append(
            "Advice and assistance adequate: "
            + {True: "Yes", False: "No", None: NOT_DECIDED_YET}[proc.advice_and_assistance_adequate]
        )
    if links.refusal_notice:
        items.append(
            "Refusal notice adequate: "
            + {True: "Yes", False: "No", None: NOT_DECIDED_YET}[proc.refusal_notice_adequate]
        )
    items += [f"<span class='wb-muted'>{escape(note)}</span>" for note in links.notes]
    if not items:
        return (
            "<div class='wb-muted'>Linked to nothing in the review: give it the points or "
            "provisions it is about, or answer it on its own.</div>"
        )
    return "<ul class='wb-ground-links'>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def proposal_html(proposal: Proposal | None) -> str:
    if proposal is None:
        return (
            "<div class='wb-muted'>Nothing you have found yet answers this ground: record "
            "your finding below.</div>"
        )
    return (
        "<div class='wb-ground-proposal'>Your findings propose: "
        f"<b>{escape(proposal.finding.label)}</b>, because {escape(_sentence(proposal))}</div>"
    )


def missing_html(ground: GroundReview) -> str:
    missing = ground.missing()
    if not missing:
        return "<div class='wb-muted'>Answered.</div>"
    return f"<div class='wb-warn'>Still needed: {escape('; '.join(missing))}.</div>"


class GroundsPage(Page):
    """The grounds of the review request, a card per ground, the request beside them."""

    title = "Grounds"

    def __init__(self, session, guard, **options) -> None:
        request = session.review_request()
        self.document = DocumentView.for_review_request(
            request.text if request is not None else "", on_use=guard(self._use_selection)
        )
        self.document.add_class("wb-review-request-view")
        self.document.observe(guard(lambda _change: self._show_in_request()), names="current")
        super().__init__(session, guard, **options)

    def shape(self) -> object:
        review = self.session.review
        request = self.session.review_request()
        return (
            review.version,
            review.is_frozen,
            tuple(g.id for g in review.requester_grounds),
            None if request is None else (request.source, request.digest),
        )

    def build(self) -> list[widgets.Widget]:
        review = self.session.review
        request = self.session.review_request()
        self.document.review_request_text = request.text if request is not None else ""
        cards: list[widgets.Widget] = [self._intro(review, request)]
        if request is None or request.source == "grounds":
            cards.append(self._attach_form(replace=False))
        if not review.requester_grounds and not review.is_frozen and request is not None:
            cards.append(self._read_button(replace=False))
        cards += [
            self._card(index, ground) for index, ground in enumerate(review.requester_grounds)
        ]
        cards.append(self._add_form(review))
        if request is not None and request.source == "review_request":
            cards.append(self._replace_section(review))
        column = widgets.VBox(cards, layout=widgets.Layout(flex="3 1 0", min_width="0"))
        column.add_class("wb-grounds-column")
        ids = [g.id for g in review.requester_grounds]
        if ids and self.document.current not in ids:
            self.document.current = ids[0]
        self._show_in_request()
        if request is None:
            return [column]
        beside = widgets.VBox(
            [widgets.HTML("<b>The review request</b>"), self.document],
            layout=widgets.Layout(flex="2 1 0", min_width="0"),
        )
        beside.add_class("wb-letter-column")
        row = widgets.HBox([column, beside], layout=widgets.Layout(align_items="flex-start"))
        row.add_class("wb-side-by-side")
        return [row]

    def sync(self) -> None:
        super().sync()
        self._show_in_request()

    # -- the review request beside the cards -------------------------------------------------

    def _show_in_request(self) -> None:
        """Mark every ground's words in the review request, the chosen one outlined."""
        review = self.session.review
        ids = [g.id for g in review.requester_grounds]
        current = self.document.current if self.document.current in ids else ""
        marks = ground_highlights(self.session.review_request(), review.requester_grounds, current)
        self.document.points = ids
        if self.document.current != current:
            self.document.current = current
        self.document.highlights = marks

    def _use_selection(self, role: str, ground_id: str, span: Evidence) -> None:
        """The reviewer's selection in the review request: a ground's words, or a new ground."""
        if self.session.review.is_frozen:
            raise WorkbenchError("This review is completed; start a new version to change it")
        if role == "new":
            chosen = self.new_category.value or None
            action: Callable[[], Any] = lambda: self.session.add_ground_from_words(  # noqa: E731
                span, chosen
            )
        else:
            action = lambda: self.session.set_ground_quote(ground_id, span)  # noqa: E731
        self.attempt(action)

    def _in_request(self, ground_id: str) -> None:
        self.document.current = ground_id

    # -- what is at the top ------------------------------------------------------------------

    def _intro(self, review: Review, request: RequestText | None) -> widgets.Widget:
        html = (
            "<p class='wb-muted'>The grounds below are the review request as the workbench "
            "read it: a proposal. Read the request itself beside them, correct what the reader "
            "got wrong (split, merge, delete, add, the category, summary, points and "
            "provisions), then record a finding on every ground: the review cannot be "
            "completed until each has one, and the letter answers each in the order raised.</p>"
        )
        if self.session.grounds_problem:
            html += f"<p class='wb-warn'>{escape(self.session.grounds_problem)}</p>"
        if request is None:
            html += (
                "<p><b>This case has no review request yet.</b> Upload it or paste the "
                "requester's email below; its grounds are then read as a proposal.</p>"
            )
        elif request.source == "grounds":
            html += (
                "<p class='wb-hint'>The grounds are read from the requester's words typed on "
                "the Overview tab; the case has no review request document.</p>"
            )
        read = review.grounds_read
        if read is not None and request is not None and read.digest != request.digest:
            html += (
                "<p class='wb-hint'>The review request has changed since its grounds were "
                "read: check each ground's words, or read the grounds again.</p>"
            )
        return widgets.HTML(html)

    def _attach_form(self, *, replace: bool) -> widgets.Widget:
        """Upload the review request, or paste the requester's email."""
        frozen = self.session.review.is_frozen
        picker = widgets.FileUpload(
            accept=",".join(EXTENSIONS["review_request"]),
            multiple=False,
            description="Choose the review request",
            layout=widgets.Layout(width="18rem"),
            disabled=frozen,
        )
        picker.add_class("wb-review-request-upload")
        pasted = _described(
            widgets.Textarea, "Pasted text", "wb-review-request-pasted", height="6rem",
            placeholder="Or paste the requester's email asking for the review", disabled=frozen,
        )  # fmt: skip

        def save() -> Any:
            upload = Upload.from_widget_value(picker.value)
            typed = pasted_upload(pasted.value)
            if (upload is None) == (typed is None):
                raise WorkbenchError(
                    "Choose the review request's file or paste its text (one of the two)"
                )
            chosen = upload if upload is not None else typed
            assert chosen is not None
            return self.session.attach_review_request(chosen, replace=replace)

        label = "Replace the review request" if replace else "Save the review request"
        button = self.button(label, save, icon="upload", disabled=frozen)
        button.add_class("wb-save-review-request")
        form = widgets.VBox(
            [
                widgets.HTML(f"<h3>{escape(label)}</h3>"),
                picker,
                pasted,
                button,
            ]
        )
        form.add_class("wb-card")
        form.add_class("wb-attach-review-request")
        return form

    def _read_button(self, *, replace: bool) -> widgets.Widget:
        label = "Read the grounds again" if replace else "Read the grounds from the review request"
        button = self.button(
            label,
            lambda: self.session.read_grounds(replace=replace),
            icon="search",
            disabled=self.session.review.is_frozen,
            tooltip="Replaces the grounds listed, with their findings (the audit trail keeps them)"
            if replace
            else "The reader proposes the grounds; check each one",
        )
        button.add_class("wb-read-grounds")
        button.layout.width = "auto"
        return widgets.HBox([button])

    def _replace_section(self, review: Review) -> widgets.Widget:
        parts = [self._attach_form(replace=True)]
        if review.requester_grounds:
            parts.append(self._read_button(replace=True))
        box = widgets.VBox(parts)
        section = widgets.Accordion(children=[box], titles=("Replace the review request",))
        section.selected_index = None
        return section

    # -- one ground --------------------------------------------------------------------------

    def _card(self, index: int, ground: GroundReview) -> widgets.Widget:
        gid = ground.id
        head = self.show(
            widgets.HTML(),
            lambda review: (
                f"<h3>Ground {escape(gid)}: "
                f"{escape(category_label(review.requester_grounds[index].category))}</h3>"
            ),
        )
        status = self.show(
            widgets.HTML(), lambda review: reading_html(review.requester_grounds[index])
        )
        status.add_class("wb-ground-reading")
        card = widgets.VBox(
            [
                head,
                status,
                self._structure_row(index, gid),
                *self._reading_rows(index, gid),
                *self._answer_rows(index, gid),
            ]
        )
        card.add_class("wb-card")
        card.add_class("wb-ground")
        card.add_class(f"wb-ground-{gid}")
        return card

    def _structure_row(self, index: int, gid: str) -> widgets.Widget:
        """Move, split, merge, delete, and show this ground in the review request."""
        grounds = self.session.review.requester_grounds
        frozen = self.session.review.is_frozen
        small = widgets.Layout(width="auto")
        up = self.button(
            "Move up", lambda: self.session.move_ground(gid, index - 1), layout=small,
            icon="arrow-up", disabled=frozen or index == 0,
        )  # fmt: skip
        down = self.button(
            "Move down", lambda: self.session.move_ground(gid, index + 1), layout=small,
            icon="arrow-down", disabled=frozen or index == len(grounds) - 1,
        )  # fmt: skip
        split = self.button(
            "Split in two", lambda: self.session.split_ground(gid), layout=small,
            tooltip=f"Split into {gid}a and {gid}b, each a copy to correct", disabled=frozen,
        )  # fmt: skip
        split.add_class("wb-split-ground")
        others = [g.id for g in grounds if g.id != gid]
        partner = _described(
            widgets.Dropdown, "with", "wb-merge-ground-with", width="7.5rem",
            options=others, value=_neighbour(grounds, index), disabled=frozen or not others,
        )  # fmt: skip
        merge = self.button(
            "Merge", lambda: self.session.merge_grounds(gid, partner.value), layout=small,
            tooltip="Merge this ground with the one chosen (summaries and reasons joined)",
            disabled=frozen or not others,
        )  # fmt: skip
        merge.add_class("wb-merge-ground")
        delete = self.button(
            "Delete", lambda: self.session.delete_ground(gid), layout=small, icon="trash",
            tooltip="Not a ground after all (the audit trail keeps it)", disabled=frozen,
        )  # fmt: skip
        delete.add_class("wb-delete-ground")
        show = self.button(
            "Show in the request", lambda: self._in_request(gid), layout=small,
            tooltip="Outline this ground's words in the review request beside",
        )  # fmt: skip
        show.add_class("wb-show-in-request")
        row = widgets.HBox(
            [up, down, split, merge, partner, delete, show],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center", grid_gap="0.25rem"),
        )
        row.add_class("wb-point-tools")
        return row

    def _reading_rows(self, index: int, gid: str) -> list[widgets.Widget]:
        """Category, summary, the requester's words, the points and provisions."""
        category = self.control(
            _described(
                widgets.Dropdown,
                "Category",
                "wb-ground-category",
                width="24rem",
                options=[(label, value) for value, label in category_labels().items()],
            ),
            lambda review: review.requester_grounds[index].category,
            lambda value: self.session.set_ground_category(gid, value),
        )
        summary = self.control(
            _described(
                widgets.Text,
                "Summary",
                "wb-ground-summary",
                placeholder="What the requester objects to, in one line (the letter's heading)",
            ),
            lambda review: review.requester_grounds[index].summary,
            lambda value: self.session.set_ground_summary(gid, value),
            as_typed=True,
        )
        words = self.show(
            widgets.HTML(), lambda review: words_html(review.requester_grounds[index])
        )
        points = self.control(
            _described(
                widgets.Text,
                "Points of the request",
                "wb-ground-points",
                width="18rem",
                placeholder="none: e.g. 2, 3a",
            ),
            lambda review: ", ".join(review.requester_grounds[index].points),
            lambda value: self.session.set_ground_points(gid, value),
        )
        provisions = self.control(
            _described(
                widgets.Text,
                "Provisions",
                "wb-ground-provisions",
                width="18rem",
                placeholder="none: e.g. s.40(2)",
            ),
            lambda review: ", ".join(review.requester_grounds[index].provisions),
            lambda value: self.session.set_ground_provisions(gid, value),
        )
        return [
            category,
            summary,
            widgets.HTML("<b>In the requester's words</b>"),
            words,
            widgets.HBox(
                [
                    points,
                    provisions,
                    widgets.HTML("<span class='wb-muted'>comma-separated; Enter saves</span>"),
                ],
                layout=widgets.Layout(flex_flow="row wrap", grid_gap="0.5rem"),
            ),
        ]

    def _answer_rows(self, index: int, gid: str) -> list[widgets.Widget]:
        """What the ground is linked to, the proposal, and the reviewer's finding on it."""
        path = f"requester_grounds.{index}"
        links = self.show(
            widgets.HTML(),
            lambda review: links_html(
                review, self.session.ground_links(gid), self.session.response_deadline()
            ),
        )
        links.add_class("wb-ground-linked")
        proposal = self.show(
            widgets.HTML(), lambda _review: proposal_html(self.session.ground_proposal(gid))
        )
        proposal.add_class("wb-ground-proposal-text")
        use = self.button(
            "Use this proposal",
            lambda: self.session.accept_ground_proposal(gid),
            icon="check",
            tooltip="Record the finding your other findings propose (your reasons are kept)",
            layout=widgets.Layout(width="auto"),
        )
        use.add_class("wb-accept-proposal")
        self.show(
            use,
            lambda review: review.is_frozen or self.session.ground_proposal(gid) is None,
            trait="disabled",
        )
        finding = self.bind(
            _described(
                widgets.Dropdown,
                "Your finding",
                width="20rem",
                options=choice_options(GroundFinding.choices()),
            ),
            f"{path}.finding",
            to_widget=none_as_empty,
            from_widget=empty_as_none,
        )
        finding.add_class("wb-ground-finding")
        reasons = self.bind(
            _described(
                widgets.Textarea,
                "Reasons",
                height="5rem",
                placeholder="Why: what you found on this ground (it goes into the letter as "
                "you write it)",
            ),
            f"{path}.reasons",
        )
        reasons.add_class("wb-ground-reasons")
        remedies = widgets.GridBox([self._remedy_box(index, remedy) for remedy in Remedy])
        remedies.add_class("wb-remedies")
        remedy = self.bind(
            _described(
                widgets.Textarea,
                "What we will do",
                height="3.5rem",
                placeholder="Where it is upheld: what the authority will now do, in your words",
            ),
            f"{path}.remedy",
        )
        remedy.add_class("wb-ground-remedy")
        missing = self.show(
            widgets.HTML(), lambda review: missing_html(review.requester_grounds[index])
        )
        missing.add_class("wb-ground-missing")
        return [
            widgets.HTML("<b>Linked to</b>"),
            links,
            widgets.HBox([proposal, use], layout=widgets.Layout(align_items="center")),
            finding,
            reasons,
            widgets.HTML("<b>Remedies, where upheld</b>"),
            remedies,
            remedy,
            missing,
        ]

    def _remedy_box(self, index: int, remedy: Remedy) -> widgets.Checkbox:
        return self.member_box(
            remedy.label,
            remedy,
            lambda review: review.requester_grounds[index].remedies,
            f"requester_grounds.{index}.remedies",
        )

    # -- adding a ground ---------------------------------------------------------------------

    def _add_form(self, review: Review) -> widgets.Widget:
        """Add a ground the reader missed (or select its words in the request)."""
        frozen = review.is_frozen
        self.new_category = _described(
            widgets.Dropdown, "Category", "wb-new-ground-category", width="22rem",
            options=[(label, value) for value, label in category_labels().items()],
            value="other", disabled=frozen,
        )  # fmt: skip
        summary = _described(
            widgets.Text, "Summary", "wb-new-ground-summary",
            placeholder="What the requester objects to, in one line", disabled=frozen,
        )  # fmt: skip
        points = _described(
            widgets.Text, "Points", width="12rem", placeholder="e.g. 2", disabled=frozen
        )
        provisions = _described(
            widgets.Text, "Provisions", width="14rem", placeholder="e.g. s.40(2)", disabled=frozen
        )

        def add() -> Review:
            return self.session.add_ground(
                self.new_category.value, summary.value, points=points.value,
                provisions=provisions.value,
            )  # fmt: skip

        button = self.button("Add the ground", add, icon="plus", disabled=frozen)
        button.add_class("wb-add-ground")
        form = widgets.VBox(
            [
                widgets.HTML(
                    "<h3>Add a ground the reader missed</h3><p class='wb-muted'>Or select its "
                    "words in the review request and choose “Add as a new ground”: the reader "
                    "proposes its category from them (else the category chosen here).</p>"
                ),
                self.new_category,
                summary,
                widgets.HBox([points, provisions]),
                button,
            ]
        )
        form.add_class("wb-add-ground-form")
        form.add_class("wb-card")
        return form


def _sentence(proposal: Proposal) -> str:
    text = proposal.sentence.split(": ", 1)[-1]
    return text


def _neighbour(grounds: list[GroundReview], index: int) -> str | None:
    """The ground after ``index`` (else the one before): what "merge with" offers first."""
    if index + 1 < len(grounds):
        return grounds[index + 1].id
    return grounds[index - 1].id if index > 0 else None


def _described(
    control: type[_Control],
    description: str,
    css: str | None = None,
    *,
    width: str = "100%",
    height: str | None = None,
    **options: Any,
) -> _Control:
    """A control with its description shown in full beside it (ipywidgets cuts a long one
    short), ``width`` wide and carrying the CSS class ``css``."""
    widget = control(
        description=description,
        style={"description_width": "initial"},
        layout=widgets.Layout(width=width, height=height),
        **options,
    )
    if css is not None:
        widget.add_class(css)
    return widget
