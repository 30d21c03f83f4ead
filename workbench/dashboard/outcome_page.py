"""The Outcome and letter page: the outcome, the letter, the files, and the sign-off.

* The outcome the findings add up to (``Review.derived_outcome``), in neutral
  words and in the words of the organisation's reporting scheme; the reviewer
  may override it, and must say why.
* The reasons for a change, as the categories analysts count.
* A live preview of the outcome letter: the HTML letter the exporter writes
  (which escapes everything a requester wrote), shown in a sandboxed frame so
  that neither its styles nor anything in it can touch the dashboard.
* Buttons that write the Word letter, the web-page letter and the findings
  spreadsheet into the output folder and offer each as a download link (a
  link to the server, not a data URI, so large files download too).
* Complete and sign off, which freezes the review; a new version can be
  started from a completed one.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import ipywidgets as widgets

from ..errors import ReviewError
from ..outcomes import CHANGED_OUTCOMES, ChangeReason, Outcome, outcome_label
from ..review import Needed, Review
from ..service import ReviewSession
from ..uploads import size_text
from .pages import Guard, Page, named
from .text import date_text, escape

#: The export buttons: (format, button text).
EXPORTS = (
    ("docx", "Word letter (.docx)"),
    ("html", "Web page letter (.html)"),
    ("xlsx", "Findings spreadsheet (.xlsx)"),
)

#: Shown in the override dropdown for "no override".
KEEP_DERIVED = "— the outcome the findings add up to —"


class OutcomePage(Page):
    """The outcome with its override, change reasons, the letter preview, exports, sign-off."""

    title = "Outcome and letter"

    def __init__(
        self, session: ReviewSession, guard: Guard, *, today: dt.date | None = None
    ) -> None:
        self._today = today
        self.downloads: list[tuple[str, str, int]] = []
        super().__init__(session, guard)

    def shape(self) -> object:
        review = self.session.review
        override = review.outcome_override
        # Not the status (a draft becomes in progress at the first answer, and rebuilding
        # would lose the reviewer's place); the override is built into the form's values.
        return (review.version, review.is_frozen, override.model_dump() if override else None)

    # -- building --------------------------------------------------------------------------

    def build(self) -> list[widgets.Widget]:
        review = self.session.review
        frozen = review.is_frozen
        return [
            widgets.HTML("<h2>Outcome and letter</h2>"),
            self._status_banner(),
            self._outcome_section(review, frozen),
            self._reasons_section(frozen),
            self._conclusion_section(),
            self._letter_section(),
            self._export_section(),
            self._sign_off_section(review),
        ]

    def _section(self, heading: str, *children: widgets.Widget) -> widgets.VBox:
        box = widgets.VBox([widgets.HTML(f"<h3>{escape(heading)}</h3>"), *children])
        box.add_class("wb-section")
        return box

    def _status_banner(self) -> widgets.HTML:
        banner = self.show(widgets.HTML(), status_html)
        banner.add_class("wb-status-banner")
        return banner

    def _outcome_section(self, review: Review, frozen: bool) -> widgets.VBox:
        outcome = self.show(widgets.HTML(), self._outcome_html)
        outcome.add_class("wb-outcome")
        override = review.outcome_override
        self.override_choice = widgets.Dropdown(
            options=[(KEEP_DERIVED, ""), *((label, value) for value, label in _choices())],
            value=override.outcome.value if override else "",
            description="Override",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="32rem"),
            disabled=frozen,
        )
        self.override_reason = widgets.Textarea(
            value=override.reason if override else "",
            placeholder="Why the outcome differs from what the findings add up to (required)",
            layout=widgets.Layout(width="100%", height="3.5rem"),
            disabled=frozen,
        )
        named(self.override_reason, "Why the outcome is overridden", visible=False)
        self.override_button = self.button(
            "Save the override",
            self._save_override,
            disabled=frozen,
            layout=widgets.Layout(width="auto"),
        )
        return self._section(
            "Outcome",
            outcome,
            widgets.HTML(
                "<p>Override the outcome only where the findings do not capture it (for "
                "example, a review withdrawn, or a procedural failure your scheme counts). "
                "A reason is required.</p>"
            ),
            self.override_choice,
            self.override_reason,
            widgets.HBox([self.override_button]),
        )

    def _outcome_html(self, review: Review) -> str:
        scheme = self._scheme()
        derived = review.derived_outcome
        if derived is None:
            text = "<p>The findings do not add up to an outcome yet: record findings on the "
            text += "Request points and Provisions pages.</p>"
        else:
            words = outcome_label(derived, scheme, no_original_decision=review.no_original_decision)
            text = (
                f"<p>The findings add up to: <b>{escape(derived.label)}</b> "
                f"({escape(_scheme_title(scheme))}: <b>{escape(words)}</b>).</p>"
            )
        undecided = [f"point {p.label}" for p in review.points if p.finding is None]
        undecided += [f"provision {p.provision_id}" for p in review.provisions if p.finding is None]
        if derived is not None and undecided:
            text += (
                "<p class='wb-hint'>Provisional: no finding yet for "
                f"{escape(', '.join(undecided))}.</p>"
            )
        if review.outcome_override is not None:
            override = review.outcome_override
            text += (
                f"<p>Overridden by the reviewer: <b>{escape(override.outcome.label)}</b> "
                f"({escape(_scheme_title(scheme))}: "
                f"<b>{escape(review.outcome_label(scheme))}</b>), because: "
                f"{escape(override.reason)}</p>"
            )
        return text

    def _reasons_section(self, frozen: bool) -> widgets.VBox:
        self.reason_boxes: dict[ChangeReason, widgets.Checkbox] = {}
        for reason in ChangeReason:
            box = widgets.Checkbox(
                indent=False, layout=widgets.Layout(width="auto"), disabled=frozen
            )
            self.show(box, lambda review, reason=reason: reason in review.change_reasons)
            self.show(
                box,
                lambda review, reason=reason: _reason_label(reason, review),
                trait="description",
            )
            self.on_change(box, lambda checked, reason=reason: self._set_reason(reason, checked))
            self.reason_boxes[reason] = box
        note = self.show(widgets.HTML(), _reasons_note)
        return self._section("Why the decision changed", note, *self.reason_boxes.values())

    def _conclusion_section(self) -> widgets.VBox:
        conclusion = self.bind(
            widgets.Textarea(
                placeholder="Your overall conclusion, in your words (it goes into the letter "
                "as you write it)",
                layout=widgets.Layout(width="100%", height="5rem"),
            ),
            "conclusion",
        )
        named(conclusion, "Conclusion", visible=False)
        return self._section("Conclusion", conclusion)

    def _letter_section(self) -> widgets.VBox:
        self.preview = self.show(widgets.HTML(), self._preview_html)
        self.preview.add_class("wb-letter-preview")
        self.voice = self.show(widgets.HTML(), self._voice_html)
        self.voice.add_class("wb-letter-voice")
        return self._section(
            "The letter",
            widgets.HTML(
                "<p>A preview of the outcome letter as it stands; it follows every change "
                "you save.</p>"
            ),
            self.voice,
            self.preview,
        )

    def _voice_html(self, review: Review) -> str:
        """A warning for each note the letter quotes that speaks of the requester, not to them."""
        from ..letter_voice import third_person_passages

        found = third_person_passages(review, self.session.facts().requester)
        if not found:
            return ""
        items = "".join(
            f"<li><b>{escape(item.where)}</b>: “{escape(item.sentence)}”</li>" for item in found
        )
        return (
            "<div class='wb-message wb-warning-box' role='status'><p><b>Check before the letter "
            "goes out.</b> The letter is addressed to the requester, and these words go into "
            f"it as you wrote them, but they speak of the requester as someone else: "
            f"{escape(found[0].why)}.</p><ul>{items}</ul></div>"
        )

    def _export_section(self) -> widgets.VBox:
        buttons = [
            self.button(label, lambda fmt=fmt: self.export([fmt]), icon="download")
            for fmt, label in EXPORTS
        ]
        for button, (fmt, _label) in zip(buttons, EXPORTS, strict=True):
            button.add_class(f"wb-export-{fmt}")
            button.layout.width = "auto"
        all_button = self.button(
            "All three", lambda: self.export([fmt for fmt, _ in EXPORTS]), icon="download"
        )
        self.links = widgets.HTML(self._links_html())
        self.links.add_class("wb-downloads")
        return self._section(
            "Files",
            widgets.HTML(
                "<p>Write the files of the review as saved; each appears below as a link "
                "to download.</p>"
            ),
            widgets.HBox([*buttons, all_button]),
            self.links,
        )

    def _sign_off_section(self, review: Review) -> widgets.VBox:
        if review.is_frozen:
            self.new_version_button = self.button(
                "Start a new version", self.session.new_version, icon="copy"
            )
            return self._section(
                "Sign-off",
                widgets.HTML(
                    "<p>This version is frozen. To change the review, start a new version: "
                    "the signed-off version is kept as it is.</p>"
                ),
                widgets.HBox([self.new_version_button]),
            )
        missing = self.show(widgets.HTML(), _missing_html)
        self.signed_by = widgets.Text(
            value=review.reviewer.name,
            placeholder="Your full name",
            description="Signed off by",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="28rem"),
        )
        self.signed_by.add_class("wb-signed-by")
        self.signed_by.add_class("wb-outcome-signed-by")
        self.complete_button = self.button(
            "Complete and sign off",
            self._complete,
            button_style="success",
            icon="check",
            layout=widgets.Layout(width="auto"),
        )
        self.complete_button.add_class("wb-complete")
        return self._section(
            "Sign-off",
            missing,
            widgets.HBox([self.signed_by, self.complete_button]),
        )

    # -- actions ---------------------------------------------------------------------------

    def _save_override(self) -> None:
        chosen = self.override_choice.value
        if not chosen:
            self.session.clear_override()
            return
        if not self.override_reason.value.strip():
            raise ReviewError(
                "Give a reason for overriding the outcome (it is kept with the review).",
                case_id=self.session.case_id,
                field="outcome_override",
            )
        self.session.override_outcome(chosen, self.override_reason.value)

    def _set_reason(self, reason: ChangeReason, checked: bool) -> None:
        current = list(self.session.review.change_reasons)
        if checked and reason not in current:
            current.append(reason)
        if not checked and reason in current:
            current.remove(reason)
        self.session.edit("change_reasons", [r.value for r in current])

    def _complete(self) -> None:
        name = self.signed_by.value.strip()
        if not name:
            raise ReviewError(
                "Type your name in 'Signed off by' to complete the review.",
                case_id=self.session.case_id,
                field="sign_off",
            )
        # Asked here too, so an untouched draft gets the list, not a status error.
        self.session.review.check_completable(name)
        self.session.complete(name)

    def export(self, formats: list[str]) -> list[Path]:
        """Write ``formats`` of the saved review and add their download links."""
        paths = self.session.export(formats)
        for path in paths:
            entry = (path.name, self.session.download_url(path), path.stat().st_size)
            self.downloads = [d for d in self.downloads if d[0] != path.name] + [entry]
        self.links.value = self._links_html()
        return paths

    # -- rendering ---------------------------------------------------------------------------

    def _links_html(self) -> str:
        if not self.downloads:
            return "<p class='wb-hint'>No files written yet.</p>"
        items = "".join(
            f"<li><a href='{escape(url)}' download='{escape(name)}' target='_blank' "
            f"rel='noopener'>Download {escape(name)}</a> ({escape(size_text(size))})</li>"
            for name, url, size in self.downloads
        )
        return f"<ul>{items}</ul>"

    def _scheme(self) -> str:
        from ..organisation import load_organisation

        return load_organisation().outcome_scheme

    def _preview_html(self, review: Review) -> str:
        """The letter in a sandboxed frame: no scripts, and its styles stay inside."""
        letter_html = self.letter_html(review)
        return (
            "<iframe class='wb-letter' sandbox='' title='Preview of the outcome letter' "
            f"srcdoc='{html.escape(letter_html, quote=True)}' "
            "style='width: 100%; height: 36rem; border: 1px solid #e0e0e0; "
            "background: white;'></iframe>"
        )

    def letter_html(self, review: Review | None = None) -> str:
        """The outcome letter as the exporter renders it (requester text escaped there)."""
        from ..export import build_letter, render_html

        letter = build_letter(
            review or self.session.review,
            self.session.case,
            extraction=self.session.extraction,
            today=self._today,
        )
        return render_html(letter)


def _choices() -> list[tuple[str, str]]:
    return list(Outcome.choices().items())


def _scheme_title(scheme: str) -> str:
    from ..outcomes import load_outcome_schemes

    found = load_outcome_schemes().get(scheme)
    return found.title if found else scheme


def _reason_label(reason: ChangeReason, review: Review) -> str:
    suggested = reason in review.suggested_change_reasons()
    return reason.label + (" (suggested by your findings)" if suggested else "")


def _reasons_note(review: Review) -> str:
    if review.working_outcome in CHANGED_OUTCOMES:
        return (
            "<p>The outcome changes the original decision, so tick at least one reason "
            "before signing off.</p>"
        )
    return "<p>Needed only when the outcome changes the original decision.</p>"


def _missing_html(review: Review) -> str:
    needed = review.needed_for_completion("signed")
    if not needed:
        return "<p>Everything needed is recorded: type your name and sign off.</p>"
    items = "".join(f"<li>{escape(_needed_text(item))}</li>" for item in needed)
    return f"<p>Still needed before you can sign off:</p><ul class='wb-missing'>{items}</ul>"


#: Where this page has a box to tick for a field, said instead of the values it may take.
_WHERE_TO_TICK = {"change_reasons": "tick one under “Why the decision changed”"}


def _needed_text(item: Needed) -> str:
    """One thing sign-off needs, pointing to this page's boxes where it has them."""
    where = _WHERE_TO_TICK.get(item.field)
    return f"{item.message}: {where}" if where else str(item)


def status_html(review: Review) -> str:
    """Whether the review is open or signed off (and so frozen)."""
    if review.sign_off is not None:
        sign_off = review.sign_off
        return (
            f"<div class='wb-message wb-info'><b>Completed.</b> Version {review.version} was "
            f"signed off by {escape(sign_off.name)} on {escape(date_text(sign_off.date))} "
            f"with the outcome “{escape(sign_off.outcome.label)}”. It is frozen: nothing "
            "can be changed in this version.</div>"
        )
    return (
        f"<p>Version {review.version}, {escape(review.status_label.lower())}. "
        "Everything is saved as you go.</p>"
    )
