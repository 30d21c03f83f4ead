"""The Provisions tab: each exemption or exception the response relied on.

For each provision the reviewer says whether it is engaged and answers the
catalogue's questions for it.  Only the questions that still apply after the
earlier answers are shown (``Catalogue.applicable_questions``); an answer that
hides a later question never deletes that question's answer, which stays in
the review and shows again if the question comes back.  Where the provision
carries a public interest test, both sides, the balance and its result are
recorded too.

Provisions follow the points: a provision is here because a point relies on it
(set on the Request points page).  One the letter cites but no point relies on is
marked so, and can be set aside; one no point relies on any more is listed as set
aside, its answers kept for when a point relies on it again.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..catalogue import Provision, Question
from ..errors import CitationError
from ..review import Engaged, ProvisionFinding, ProvisionReview, PublicInterestFavours, Review
from .pages import (
    NOT_DECIDED,
    Page,
    choice_options,
    empty_as_none,
    labelled,
    named,
    none_as_empty,
)
from .text import escape

#: Public interest fields, in the order a reviewer weighs them.
PUBLIC_INTEREST_TEXTS = (
    ("for_disclosure", "For disclosure"),
    ("for_withholding", "For maintaining the exemption"),
    ("balance", "The balance"),
)


def answer_label(answer: str) -> str:
    """``third_party`` -> ``Third party``."""
    return answer.replace("_", " ").capitalize()


class ProvisionsPage(Page):
    """A card per provision relied on: engaged, the catalogue's questions, PIT, finding."""

    title = "Provisions"

    def shape(self) -> object:
        """Rebuilt when the provisions, or the questions that apply to them, change."""
        review = self.session.review
        questions = tuple(
            (p.provision_id, tuple(q.id for q in self._questions(p))) for p in review.provisions
        )
        aside = tuple(p.provision_id for p in review.set_aside)
        tied = tuple(tuple(p.points) for p in review.provisions)
        return (review.version, review.is_frozen, questions, aside, tied)

    def build(self) -> list[widgets.Widget]:
        review = self.session.review
        provisions = review.provisions
        parts: list[widgets.Widget] = []
        if not provisions:
            parts.append(widgets.HTML("<p>The response relied on no exemption or exception.</p>"))
        parts += [self._card(index, provision) for index, provision in enumerate(provisions)]
        if review.set_aside:
            listed = ", ".join(p.provision_id for p in review.set_aside)
            note = widgets.HTML(
                f"<p class='wb-hint'>Set aside, as no point relies on them: <b>{escape(listed)}"
                "</b>. Their answers are kept: add one to a point on the Request points page "
                "and it comes back with them.</p>"
            )
            note.add_class("wb-set-aside")
            parts.append(note)
        return parts

    # -- the catalogue ---------------------------------------------------------------------

    def _entry(self, provision_id: str) -> Provision | None:
        try:
            return self.session.catalogue.resolve(provision_id)
        except CitationError:
            return None

    def _questions(self, provision: ProvisionReview) -> list[Question]:
        try:
            return self.session.catalogue.applicable_questions(
                provision.provision_id, provision.answers
            )
        except CitationError:
            return []

    # -- one provision ---------------------------------------------------------------------

    def _card(self, index: int, provision: ProvisionReview) -> widgets.Widget:
        path = f"provisions.{index}"
        entry = self._entry(provision.provision_id)
        title = entry.title if entry else "Not in the provisions catalogue"
        points = (
            ", ".join(provision.points)
            if provision.points
            else "none: the letter cites it, but no point relies on it"
        )
        head = widgets.HTML(
            f"<h3>{escape(provision.provision_id)}: {escape(title)}</h3>"
            f"<div class='wb-muted'>Applied to point(s): {escape(points)}</div>"
        )
        if not provision.points:
            set_aside = self.button(
                "Set it aside",
                lambda pid=provision.provision_id: self.session.set_aside_provision(pid),
                disabled=self.session.review.is_frozen,
                tooltip="No point relies on it; its answers are kept",
            )
            set_aside.add_class("wb-set-aside-provision")
            head = widgets.VBox([head, set_aside])
        engaged = self.bind(
            _dropdown(choice_options(Engaged.choices())),
            f"{path}.engaged",
            to_widget=none_as_empty,
            from_widget=empty_as_none,
        )
        engaged.add_class("wb-provision-engaged")
        parts: list[widgets.Widget] = [head, labelled("Engaged", engaged)]
        parts.append(widgets.HTML("<b>Questions</b>"))
        questions = self._questions(provision)
        if not questions:
            parts.append(
                widgets.HTML("<p class='wb-muted'>The catalogue has no questions for it.</p>")
            )
        parts += [self._question(index, question) for question in questions]
        parts += self._public_interest(index, entry)
        finding = self.bind(
            _dropdown(choice_options(ProvisionFinding.choices())),
            f"{path}.finding",
            to_widget=none_as_empty,
            from_widget=empty_as_none,
        )
        finding.add_class("wb-provision-finding")
        reasons = self.bind(
            widgets.Textarea(
                placeholder="Why the provision does or does not apply",
                layout=widgets.Layout(width="100%", height="5rem"),
            ),
            f"{path}.reasons",
        )
        named(reasons, f"Reasons for your finding on {provision.provision_id}", visible=False)
        parts += [labelled("Your finding", finding), widgets.HTML("<b>Reasons</b>"), reasons]
        card = widgets.VBox(parts)
        card.add_class("wb-card")
        card.add_class("wb-provision")
        return card

    def _question(self, index: int, question: Question) -> widgets.Widget:
        options = [(NOT_DECIDED, ""), *((answer_label(a), a) for a in question.answers)]
        saved = _answer(self.session.review, index, question.id)
        if saved not in question.answers and saved:
            options.append((saved, saved))  # the reviewer's own words, kept as written
        known = {value for _, value in options}
        answer = named(_dropdown(options), question.text, visible=False)
        self.show(answer, lambda review: _answer(review, index, question.id, known))
        self.show(answer, lambda review: review.is_frozen, trait="disabled")
        self.on_change(answer, lambda value: self._save_answer(index, question.id, value))
        text = widgets.HTML(
            f"<div class='wb-question-text'>{escape(question.text)}</div>"
            f"<div class='wb-muted'>{escape(question.help)}</div>"
        )
        row = widgets.GridBox(
            [text, answer],
            layout=widgets.Layout(grid_template_columns="minmax(0, 1fr) 14rem", grid_gap="1rem"),
        )
        row.add_class("wb-question")
        row.add_class(f"wb-question-{question.id.replace('_', '-')}")
        return row

    def _save_answer(self, index: int, question_id: str, value: str) -> Review:
        """Set or clear one answer; every other answer (shown or hidden) is kept."""
        answers = dict(self.session.review.provisions[index].answers)
        if value:
            answers[question_id] = value
        else:
            answers.pop(question_id, None)
        return self.session.edit(f"provisions.{index}.answers", answers)

    # -- the public interest test ----------------------------------------------------------

    def _public_interest(self, index: int, entry: Provision | None) -> list[widgets.Widget]:
        if entry is None:
            return []
        if not entry.public_interest_test:
            return [
                widgets.HTML(
                    f"<p class='wb-muted'>No public interest test: {escape(entry.id)} is not "
                    "subject to one.</p>"
                )
            ]
        parts: list[widgets.Widget] = [widgets.HTML("<b>The public interest test</b>")]
        for field, label in PUBLIC_INTEREST_TEXTS:
            box = widgets.Textarea(layout=widgets.Layout(width="100%", height="4rem"))
            self.show(box, lambda review, field=field: _pit_value(review, index, field) or "")
            self.show(box, lambda review: review.is_frozen, trait="disabled")
            self.on_change(
                box, lambda value, field=field: self._save_pit(index, field, value), as_typed=True
            )
            box.add_class(f"wb-pit-{field.replace('_', '-')}")
            named(box, f"The public interest: {label.lower()}", visible=False)
            parts += [widgets.HTML(escape(label)), box]
        favours = _dropdown(choice_options(PublicInterestFavours.choices()))
        favours.add_class("wb-pit-favours")
        self.show(favours, lambda review: none_as_empty(_pit_value(review, index, "favours")))
        self.show(favours, lambda review: review.is_frozen, trait="disabled")
        self.on_change(
            favours, lambda value: self._save_pit(index, "favours", empty_as_none(value))
        )
        parts.append(labelled("The balance favours", favours))
        return parts

    def _save_pit(self, index: int, field: str, value: Any) -> Review:
        """Save one part of the test, creating the test's record on its first part."""
        path = f"provisions.{index}.public_interest"
        current = self.session.review.provisions[index].public_interest
        if current is None:
            return self.session.edit(path, {field: value})
        return self.session.edit(f"{path}.{field}", value)


def _answer(review: Review, index: int, question_id: str, known: set[str] | None = None) -> str:
    """The saved answer ("" for none, or for one the dropdown cannot show)."""
    value = review.provisions[index].answers.get(question_id, "")
    return value if known is None or value in known else ""


def _pit_value(review: Review, index: int, field: str) -> Any:
    test = review.provisions[index].public_interest
    value = getattr(test, field) if test is not None else None
    return value.value if hasattr(value, "value") else value


def _dropdown(options: list[tuple[str, str]]) -> widgets.Dropdown:
    return widgets.Dropdown(options=options, layout=widgets.Layout(width="14rem"))
