"""The Overview tab: who reviews, the facts of the case, the deadline, the checks.

Everything here is either the reviewer's own record (name, role, route, grounds)
or a fact of the case (authority, requester, kind of letter, reference, regime,
dates) as read from the case record or the letter, shown "as read" beside the
value in force, with the sentence it was read from.  Correcting a fact saves it
as the reviewer's correction (:meth:`ReviewSession.set_fact`); the letter and
spreadsheet then state the corrected value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as widgets

from ..checks.base import Finding
from ..parsing.model import Evidence
from ..review import LetterKind, Review, Route
from ..service import REGIMES, Fact
from .confidence import confidence_badge
from .pages import (
    YES_NO_OPTIONS,
    Page,
    choice_options,
    css_slug,
    empty_as_none,
    first_control,
    named,
    none_as_empty,
    text_or_empty,
    yes_no_from_widget,
    yes_no_to_widget,
)
from .text import MISSING, escape, plain

#: Grid columns of a labelled row: the labelled input, what it means.
ROW_COLUMNS = "minmax(24rem, 32rem) minmax(0, 1fr)"
#: The width of a row's label, inside the input's box.
LABEL_WIDTH = "13rem"

SEVERITY_LABELS = {"issue": "Issue", "warning": "Warning", "info": "Note"}


def _row(label: str, field: widgets.Widget, note: widgets.Widget | None = None) -> widgets.GridBox:
    """A labelled input (the label is the input's own) and, beside it, what it means."""
    control = first_control(field)
    if isinstance(control, widgets.Checkbox):
        control.description = label  # a checkbox's label stands beside the box
    elif control is not None:
        named(control, label, width=LABEL_WIDTH)
        control.add_class("wb-caption")
    row = widgets.GridBox(
        [field, note or widgets.HTML()],
        layout=widgets.Layout(grid_template_columns=ROW_COLUMNS),
    )
    row.add_class("wb-field-row")
    return row


def _name_note(session) -> str:
    """What the Reviewer box is for: the recorded name, or (signed in) only the letter's."""
    user = session.permissions.user
    if user is None:
        return "Recorded with every change you make"
    return f"The name the letter gives; your changes are recorded as {user} (signed in)"


def _input_layout() -> widgets.Layout:
    return widgets.Layout(width="100%")


def quote_html(evidence: Evidence | None) -> str:
    """The sentence a value was read from, escaped, or a note that there is none."""
    if evidence is None:
        return "<div class='wb-evidence wb-muted'>Not found in the letter.</div>"
    return f"<blockquote class='wb-evidence'>{escape(evidence.quote)}</blockquote>"


#: Facts shown in "The review" rather than among the facts read (the reviewer's own record).
OWN_RECORD_FACTS = ("review_requested",)


def fact_text(fact: Fact, value: Any) -> str:
    """A fact's value as a reader writes it (dates in words, yes/no for flags)."""
    if fact.field.kind == "yes_no":
        return {True: "Yes", False: "No"}.get(value, MISSING)
    if fact.field.kind == "kind" and value:
        try:
            return LetterKind(value).label
        except ValueError:
            return str(value)
    return plain(value)


def fact_status_html(fact: Fact) -> str:
    """The value in force, and beside it what was read (marked when the reviewer changed it)."""
    shown = escape(fact_text(fact, fact.value))
    was = escape(fact_text(fact, fact.extracted))
    if fact.corrected:
        return (
            f"<span class='wb-value'>{shown}</span> "
            f"<span class='wb-edited'>edited by the reviewer</span> "
            f"<span class='wb-as-read wb-muted'>(as read: {was})</span>"
        )
    return f"<span class='wb-value'>{shown}</span> <span class='wb-as-read wb-muted'>as read</span>"


def _fact_widget_value(fact: Fact) -> str:
    value = fact.value
    if fact.field.kind == "yes_no":
        return {True: "yes", False: "no"}.get(value, "")
    if isinstance(value, dt.date):
        return value.isoformat()
    if fact.field.kind == "kind":
        return getattr(value, "value", value) or ""
    return text_or_empty(value)


def decision_html(review: Review, finding: Finding) -> str:
    decision = review.check_decisions.get(finding.id)
    if decision is None:
        return "<span class='wb-muted'>Not decided yet</span>"
    if decision.accepted:
        return "<span class='wb-accepted'>Accepted</span>"
    return f"<span class='wb-dismissed'>Dismissed</span>: {escape(decision.reason)}"


#: The reviewer's own confirmation of independence: "" not confirmed, "no" not involved.
INVOLVEMENT_OPTIONS = [
    ("— not confirmed —", ""),
    ("No, I was not involved", "no"),
    ("Yes, I was involved", "yes"),
]


class OverviewPage(Page):
    """Reviewer details, the facts read from the letter, the response deadline, the checks."""

    title = "Overview"

    def shape(self) -> object:
        """Rebuilt when the checks' findings change (they follow the corrected reading)."""
        review = self.session.review
        return (review.version, review.is_frozen, tuple(f.id for f in self.session.checks()))

    def build(self) -> list[widgets.Widget]:
        parts: list[widgets.Widget] = [widgets.HTML("<h3>The review</h3>")]
        parts += self._review_fields()
        parts.append(widgets.HTML("<h3>The case, as read and as corrected</h3>"))
        if self.session.extraction_problem:
            parts.append(
                widgets.HTML(f"<p class='wb-warn'>{escape(self.session.extraction_problem)}</p>")
            )
        parts += [
            self._fact_block(fact.name)
            for fact in self.session.all_facts()
            if fact.name not in OWN_RECORD_FACTS
        ]
        parts.append(widgets.HTML("<h3>Response deadline</h3>"))
        parts.append(self.show(widgets.HTML(), lambda _review: self._deadline_html()))
        parts.append(widgets.HTML("<h3>Automated checks</h3>"))
        parts += self._checks()
        return parts

    # -- the reviewer's own record ---------------------------------------------------------

    def _review_fields(self) -> list[widgets.Widget]:
        name = self.bind(
            widgets.Text(placeholder="Your name", layout=_input_layout()), "reviewer.name"
        )
        role = self.bind(
            widgets.Text(placeholder="Your role", layout=_input_layout()), "reviewer.role"
        )
        involved = self.bind(
            widgets.Dropdown(options=INVOLVEMENT_OPTIONS, layout=_input_layout()),
            "reviewer.involved_in_original",
            to_widget=yes_no_to_widget,
            from_widget=yes_no_from_widget,
        )
        involved.add_class("wb-reviewer-involved")
        why_involved = self.bind(
            widgets.Text(
                placeholder="If you were involved: why no one else could review it",
                layout=_input_layout(),
            ),
            "reviewer.independence_note",
        )
        requested = self.date_field(
            "Review requested",
            lambda review: review.review_requested,
            lambda day: self.session.set_fact("review_requested", day),
        )
        route = self.bind(
            widgets.Dropdown(options=choice_options(Route.choices()), layout=_input_layout()),
            "route",
            to_widget=none_as_empty,
            from_widget=empty_as_none,
        )
        exceptional = self.bind(
            widgets.Checkbox(indent=False, layout=widgets.Layout(width="auto")),
            "exceptional",
        )
        grounds = self.bind(
            widgets.Textarea(
                placeholder="The requester's grounds in their own words, when the case has no "
                "review request document (the Grounds tab reads them one by one)",
                layout=widgets.Layout(width="100%", height="6rem"),
            ),
            "grounds",
        )
        named(grounds, "The requester's grounds", visible=False)
        name.add_class("wb-reviewer-name")
        requested.children[0].add_class("wb-review-requested")
        grounds.add_class("wb-grounds")
        due = self.show(
            widgets.HTML(),
            lambda review: (
                _review_due_html(review)
                + "<br>"
                + fact_status_html(self.session.fact("review_requested"))
            ),
        )
        return [
            _row(
                "Reviewer",
                name,
                widgets.HTML(f"<span class='wb-muted'>{escape(_name_note(self.session))}</span>"),
            ),
            _row("Role", role),
            _row(
                "Involved in the original request?",
                involved,
                widgets.HTML(
                    "<span class='wb-muted'>The letter says you were not involved only if you "
                    "confirm it (s.45 Code: someone not involved, where possible)</span>"
                ),
            ),
            _row("Why", why_involved),
            _row("Review requested", requested, due),
            _row("How it was asked for", route),
            _row(
                "Exceptional case",
                exceptional,
                widgets.HTML("<span class='wb-muted'>FOIA only: 40 working days, not 20</span>"),
            ),
            widgets.HTML("<b>The requester's grounds, in their own words</b>"),
            grounds,
        ]

    def _requested_html(self, review: Review) -> str:
        """The review's due date, and the request date as read when the reviewer changed it."""
        fact = self.session.fact("review_requested")
        if not fact.corrected:
            return _review_due_html(review)
        return f"{_review_due_html(review)}<br>{fact_status_html(fact)}"

    # -- the facts of the case -------------------------------------------------------------

    def _fact_block(self, name: str) -> widgets.Widget:
        fact = self.session.fact(name)
        kind = fact.field.kind
        if kind == "regime":
            options = [("— not known —", ""), *((r, r) for r in REGIMES)]
            field: widgets.Widget = widgets.Dropdown(options=options, layout=_input_layout())
        elif kind == "kind":
            field = widgets.Dropdown(
                options=[("— not known —", ""), *choice_options(LetterKind.choices())[1:]],
                layout=_input_layout(),
            )
        elif kind == "yes_no":
            field = widgets.Dropdown(options=YES_NO_OPTIONS, layout=_input_layout())
        elif kind == "date":
            field = self.date_field(
                fact.label,
                lambda _review: self.session.fact(name).value,
                lambda day: self.session.set_fact(name, day),
            )
        else:
            field = widgets.Text(layout=_input_layout())
        if kind != "date":
            self.show(field, lambda _review: _fact_widget_value(self.session.fact(name)))
            self.show(field, lambda review: review.is_frozen, trait="disabled")
            self.on_change(field, lambda value: self.session.set_fact(name, value))
        first_control(field).add_class(f"wb-fact-input-{name.replace('_', '-')}")
        status = self.show(
            widgets.HTML(), lambda _review: fact_status_html(self.session.fact(name))
        )
        block = widgets.VBox(
            [
                _row(fact.label, field, status),
                self.show(
                    widgets.HTML(), lambda _: confidence_badge(self.session.fact(name).confidence)
                ),
                widgets.HTML(quote_html(fact.evidence)),
            ]
        )
        block.add_class("wb-fact")
        block.add_class(f"wb-fact-{name.replace('_', '-')}")
        return block

    def _deadline_html(self) -> str:
        deadline = self.session.response_deadline()
        if deadline is None:
            facts = self.session.facts()
            if facts.received is None or facts.responded is None:
                why = "the date the request was received and the date of the response are needed"
            else:
                why = "the response is dated before the request was received; check both dates"
            return f"<p class='wb-muted'>Cannot work out the deadline: {escape(why)}.</p>"
        steps = "".join(f"<li>{escape(line)}</li>" for line in deadline.working())
        return f"<ol class='wb-working'>{steps}</ol>"

    # -- automated checks ------------------------------------------------------------------

    def _checks(self) -> list[widgets.Widget]:
        findings = self.session.checks()
        if not findings:
            return [widgets.HTML("<p>No automated check found anything to look at.</p>")]
        return [self._check_card(finding) for finding in findings]

    def _check_card(self, finding: Finding) -> widgets.Widget:
        severity = finding.severity.value
        quotes = "".join(quote_html(e) for e in finding.evidence)
        head = widgets.HTML(
            f"<div><span class='wb-badge wb-{severity}'>{SEVERITY_LABELS[severity]}</span> "
            f"<b>{escape(finding.title)}</b></div>"
            f"<div>{escape(finding.explanation)}</div>{quotes}"
        )
        decision = self.show(widgets.HTML(), lambda review: decision_html(review, finding))
        # What the reviewer types here is only a draft until Dismiss saves it.
        reason = widgets.Text(
            value=_saved_reason(self.session.review, finding.id),
            placeholder="Why dismiss it (required to dismiss)",
            layout=widgets.Layout(width="24rem"),
        )
        accept = self.button(
            "Accept",
            lambda: self.session.decide_check(finding.id, accepted=True),
            tooltip="The check is right: the letter has this problem",
        )
        dismiss = self.button(
            "Dismiss",
            lambda: self.session.decide_check(finding.id, accepted=False, reason=reason.value),
            tooltip="The check is wrong here; give the reason",
        )
        named(reason, f"Why dismiss “{finding.title}”", visible=False)
        for control in (accept, dismiss, reason):
            self.show(control, lambda review: review.is_frozen, trait="disabled")
        controls = widgets.HBox(
            [accept, reason, dismiss], layout=widgets.Layout(flex_flow="row wrap")
        )
        card = widgets.VBox([head, decision, controls])
        card.add_class("wb-card")
        card.add_class("wb-check")
        card.add_class(f"wb-check-{css_slug(finding.id)}")
        return card


def _saved_reason(review: Review, check_id: str) -> str:
    decision = review.check_decisions.get(check_id)
    return decision.reason if decision is not None else ""


def _review_due_html(review: Review) -> str:
    deadline = review.deadline()
    if deadline is None:
        return "<span class='wb-muted'>The review's due date follows from this date</span>"
    return f"Review due <b>{escape(plain(deadline.due))}</b> ({deadline.working_days} working days)"
