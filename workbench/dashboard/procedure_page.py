"""The Procedure page: how the request was handled, apart from what was decided.

Three questions, each with the evidence beside it: was the response on time
(the statutory deadline worked out day by day, and the working days the
response took), was the advice and assistance adequate (FOIA s.16, EIR reg 9,
FOISA s.15), and did the refusal notice say what it must (FOIA s.17, EIR
reg 14, FOISA s.16).  The reviewer's answers are saved through the
:class:`~workbench.service.ReviewSession` as they are made.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..deadlines import Deadline
from ..errors import ReviewError
from ..review import Review, Timeliness
from .check_hints import findings_for, hints_html
from .pages import (
    YES_NO_OPTIONS,
    Page,
    choice_options,
    empty_as_none,
    named,
    none_as_empty,
    yes_no_from_widget,
    yes_no_to_widget,
)
from .text import date_text, escape

#: Where each regime sets out the duty, for the page's headings.
ADVICE_PROVISION = {
    "FOIA": "s.16",
    "EIR": "reg 9",
    "FOISA": "s.15",
    "EISR": "reg 9",
    "mixed": "s.16 / reg 9",
}
REFUSAL_PROVISION = {
    "FOIA": "s.17",
    "EIR": "reg 14",
    "FOISA": "s.16",
    "EISR": "reg 13",
    "mixed": "s.17 / reg 14",
}

#: Checks whose findings bear on each question.
TIMELINESS_CHECKS = ("response-timeliness", "extension-too-long")
ADVICE_CHECKS = ("cost-limit-advice-missing",)
REFUSAL_CHECKS = (
    "refusal-reasons-missing",
    "public-interest-missing",
    "prejudice-not-explained",
    "ncnd-provision-missing",
    "legitimate-interests-missing",
    "cost-limit-estimate-missing",
    "qualified-person-opinion-missing",
    "location-not-given",
    "adverse-effect-threshold",
    "review-rights-missing",
    "complaint-rights-missing",
)


def deadline_html(deadline: Deadline | None) -> str:
    """The response deadline and the response's working days, with the working listed."""
    if deadline is None:
        return (
            "<p>The deadline cannot be worked out: the date the request was received or the "
            "date of the response is not known (or the response is dated before the "
            "request). Correct the dates on the Overview page.</p>"
        )
    taken = deadline.working_days_taken
    if deadline.on_time:
        verdict = "<b class='wb-on-time'>on time</b>"
    else:
        late = deadline.days_late or 0
        verdict = f"<b class='wb-late'>late by {late} working day{'s' if late != 1 else ''}</b>"
    summary = (
        f"<p>Received {escape(date_text(deadline.start))}; due by "
        f"<b>{escape(date_text(deadline.due))}</b> (working day {deadline.working_days}). "
        f"The response was sent {escape(date_text(deadline.responded))}, on working day "
        f"{taken}: {verdict}.</p>"
    )
    steps = "".join(f"<li>{escape(line)}</li>" for line in deadline.working())
    return f"{summary}<details><summary>The working</summary><ul>{steps}</ul></details>"


def dates_say(deadline: Deadline | None) -> Timeliness | None:
    """What the dates alone say about timeliness (None without both dates)."""
    if deadline is None or deadline.on_time is None:
        return None
    return Timeliness.ON_TIME if deadline.on_time else Timeliness.LATE


class ProcedurePage(Page):
    """Timeliness, advice and assistance, and the refusal notice."""

    title = "Procedure"

    def shape(self) -> object:
        # Not the status: the first answer moves a draft to in progress, and rebuilding
        # then would take the reviewer's place (and focus) on the page.
        review = self.session.review
        return (review.version, review.is_frozen, self.session.facts().regime)

    def build(self) -> list[widgets.Widget]:
        regime = self.session.facts().regime
        frozen = self.session.review.is_frozen
        return [
            widgets.HTML(
                "<h2>Procedure</h2><p>How the request was handled. These findings go into "
                "the letter but do not change the outcome by themselves (override the "
                "outcome, with a reason, where your scheme counts them).</p>"
            ),
            self._timeliness(frozen),
            self._yes_no_section(
                f"Advice and assistance ({ADVICE_PROVISION.get(regime, 's.16')})",
                "Was the advice and assistance given adequate (for example, how to narrow "
                "a request over the cost limit)?",
                "procedural.advice_and_assistance",
                ADVICE_CHECKS,
                self._advice_read_from_letter(),
            ),
            self._yes_no_section(
                f"The refusal notice ({REFUSAL_PROVISION.get(regime, 's.17')})",
                "Did the refusal notice say what it must: the provisions relied on, why they "
                "apply, the public interest where it applies, and the right to a review and "
                "to complain?",
                "procedural.refusal_notice",
                REFUSAL_CHECKS,
                "",
            ),
            self._section(
                "Other notes on the handling",
                named(
                    self.bind(
                        widgets.Textarea(layout=widgets.Layout(width="100%", height="4rem")),
                        "procedural.notes",
                    ),
                    "Other notes on the handling",
                    visible=False,
                ),
            ),
        ]

    def _section(self, heading: str, *children: widgets.Widget) -> widgets.VBox:
        box = widgets.VBox([widgets.HTML(f"<h3>{escape(heading)}</h3>"), *children])
        box.add_class("wb-section")
        return box

    def _timeliness(self, frozen: bool) -> widgets.VBox:
        working = self.show(
            widgets.HTML(), lambda _review: deadline_html(self.session.response_deadline())
        )
        working.add_class("wb-deadline")
        suggestion = self.show(widgets.HTML(), self._suggestion_html)
        answer = self.bind(
            widgets.Dropdown(
                options=choice_options(Timeliness.choices()),
                description="Your finding",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="20rem"),
            ),
            "procedural.timeliness",
            to_widget=none_as_empty,
            from_widget=empty_as_none,
        )
        use_dates = self.button(
            "Use what the dates say",
            self._use_dates,
            disabled=frozen,
            icon="check",
            layout=widgets.Layout(width="auto"),
        )
        notes = self.bind(
            widgets.Textarea(
                placeholder="Notes (an extension claimed, a clarification that restarted "
                "the clock...)",
                layout=widgets.Layout(width="100%", height="3.5rem"),
            ),
            "procedural.timeliness_notes",
        )
        named(notes, "Notes on timeliness", visible=False)
        hints = widgets.HTML(hints_html(findings_for(self.session, TIMELINESS_CHECKS)))
        return self._section(
            "Timeliness",
            working,
            hints,
            suggestion,
            widgets.HBox([answer, use_dates]),
            notes,
        )

    def _suggestion_html(self, _review: Review) -> str:
        said = dates_say(self.session.response_deadline())
        if said is None:
            return ""
        return f"<p>The dates say: <b>{escape(said.label)}</b>.</p>"

    def _use_dates(self) -> None:
        said = dates_say(self.session.response_deadline())
        if said is None:
            raise ReviewError(
                "The dates do not say whether the response was on time: correct the date "
                "received and the date of the response on the Overview page first.",
                field="procedural.timeliness",
            )
        self.session.edit("procedural.timeliness", said.value)

    def _advice_read_from_letter(self) -> str:
        offered = self.session.fact("advice_and_assistance").value
        words = {True: "offers", False: "does not appear to offer"}.get(offered)
        return (
            f"The response {words} advice and assistance (read from the letter)." if words else ""
        )

    def _yes_no_section(
        self, heading: str, question: str, prefix: str, checks: tuple[str, ...], note: str
    ) -> widgets.VBox:
        adequate = self.bind(
            widgets.Dropdown(
                options=YES_NO_OPTIONS,
                description="Adequate?",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="16rem"),
            ),
            f"{prefix}_adequate",
            to_widget=yes_no_to_widget,
            from_widget=yes_no_from_widget,
        )
        notes = self.bind(
            widgets.Textarea(
                placeholder="Why (this goes into the letter)",
                layout=widgets.Layout(width="100%", height="4rem"),
            ),
            f"{prefix}_notes",
        )
        named(notes, f"Why: {heading}", visible=False)
        evidence = f"<p>{escape(note)}</p>" if note else ""
        evidence += hints_html(findings_for(self.session, checks))
        return self._section(
            heading, widgets.HTML(f"<p>{escape(question)}</p>{evidence}"), adequate, notes
        )
