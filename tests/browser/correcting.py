"""Correcting a misread letter in the dashboard, step by step, counting what the reviewer does.

Replays the steps of ``tests/files/misread/<letter>/correction.json`` as a reviewer
would: clicks, dropdown choices, text typed, words selected in the letter beside the
points.  Each step waits until the store has the change (a change reaches the store
only after the browser sent it to the kernel) and the page shows it.  ``Effort``
counts every action, so the benchmark can report how much work a correction is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from correction_scripts import request_text
from steps import select_tab

from workbench.parsing.model import DETERMINATION_LABELS, Determination
from workbench.review import LetterKind
from workbench.store import Store

#: Keystroke-Level Model times (Card, Moran and Newell 1980), in seconds: mental
#: preparation, pointing with the mouse, a button press and release, moving a hand
#: between mouse and keyboard, one keystroke of an average typist.
KLM = {"M": 1.35, "P": 1.1, "BB": 0.2, "H": 0.4, "K": 0.28}


@dataclass
class Effort:
    """What a reviewer did: counted actions, characters typed, and the time taken."""

    clicks: int = 0
    choices: int = 0
    entries: int = 0
    selections: int = 0
    typed: int = 0
    #: Seconds the dashboard took to answer (from each action to the page showing it).
    waited: float = 0.0
    steps: list[str] = field(default_factory=list)

    @property
    def actions(self) -> int:
        return self.clicks + self.choices + self.entries + self.selections

    def reviewer_seconds(self) -> float:
        """An estimate of a reviewer's own time for these actions (Keystroke-Level Model)."""
        m, p, bb, h, k = (KLM[key] for key in ("M", "P", "BB", "H", "K"))
        click = m + p + bb
        choice = m + 2 * (p + bb)
        entry = m + p + bb + h + k  # point, click, hands to keys, Enter (plus the typing)
        selection = m + 2 * p + bb
        return (
            self.clicks * click
            + self.choices * choice
            + self.entries * entry
            + self.typed * k
            + self.selections * selection
        )


def css(label: str) -> str:
    """A point label as the class its card carries (``wb-point-3a``)."""
    return "wb-point-" + "".join(ch if ch.isalnum() else "-" for ch in label)


class Corrector:
    """Drives one opened case's Request points and Overview tabs through the steps."""

    def __init__(self, page: Any, case_id: str, effort: Effort | None = None) -> None:
        self.page = page
        self.case_id = case_id
        self.effort = effort or Effort()

    # -- what the reviewer does --------------------------------------------------------------

    def click(self, selector: str) -> None:
        self.page.locator(selector).click()
        self.effort.clicks += 1

    def choose(self, selector: str, label: str) -> None:
        """Pick the option shown as ``label`` in a dropdown."""
        self.page.locator(f"{selector} select").select_option(label=label)
        self.effort.choices += 1

    def enter(self, selector: str, text: str) -> None:
        box = self.page.locator(f"{selector} input")
        box.fill(text)
        box.press("Enter")
        self.effort.entries += 1
        self.effort.typed += len(text)

    def select_in_letter(self, quote: str) -> None:
        """Select ``quote`` in the letter beside the points, as a drag over it would."""
        found = self.page.locator(".wb-docview-text").evaluate(
            """(text, quote) => {
                const body = text.textContent;
                const start = body.indexOf(quote);
                if (start < 0) return false;
                const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                let at = 0, range = document.createRange(), node, begun = false;
                while ((node = walker.nextNode())) {
                    const size = node.textContent.length;
                    if (!begun && start < at + size) {
                        range.setStart(node, start - at);
                        begun = true;
                    }
                    if (begun && start + quote.length <= at + size) {
                        range.setEnd(node, start + quote.length - at); break;
                    }
                    at += size;
                }
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return true;
            }""",
            quote,
        )
        assert found, f"{quote!r} is not in the letter shown"
        self.effort.selections += 1

    # -- steps ---------------------------------------------------------------------------------

    def apply(self, steps: list[dict[str, Any]]) -> Effort:
        for step in steps:
            self.step(step)
        return self.effort

    def step(self, step: dict[str, Any]) -> None:
        op = step["op"]
        started = time.perf_counter()
        audit_rows = self._audit_rows()
        card = f".{css(step['label'])}" if "label" in step else ""
        if op == "delete":
            self.click(f"{card} .wb-delete-point")
            self._gone(card)
        elif op == "relabel":
            self.enter(f"{card} .wb-point-label", step["to"])
            self._shown(f".{css(step['to'])}")
        elif op == "split":
            self.enter(f"{card} .wb-split-into", step["into"])
            self.click(f"{card} .wb-split")
            for part in step["into"].split(","):
                self._shown(f".{css(part.strip())}")
        elif op == "merge":
            first = f".{css(step['first'])}"
            self.choose(f"{first} .wb-merge-with", step["second"])
            self.click(f"{first} .wb-merge")
            self._gone(f".{css(step['second'])}")
            if step.get("label") and step["label"] != step["first"]:
                self._saved(audit_rows)
                audit_rows = self._audit_rows()
                self.enter(f"{first} .wb-point-label", step["label"])
                self._shown(f".{css(step['label'])}")
        elif op == "text":
            self.click(f"{card} .wb-show-in-letter")
            chosen = self.page.locator("select.wb-docview-point")
            self._wait(lambda: chosen.input_value() == step["label"])
            self.select_in_letter(step["quote"])
            self.click(".wb-docview-use-text")
            wanted = request_text(step["quote"])
            box = self.page.locator(f"{card} .wb-point-text textarea")
            self._wait(lambda: box.input_value() == wanted)
        elif op == "determination":
            words = DETERMINATION_LABELS[Determination(step["value"])]
            self.choose(f"{card} .wb-point-determination", words)
        elif op == "provisions":
            self.enter(f"{card} .wb-point-provisions", step["value"])
        elif op == "fact":
            self._overview()
            name = step["field"].replace("_", "-")
            if step["field"] == "kind":
                self.choose(f".wb-fact-input-{name}", LetterKind(step["value"]).label)
            elif step["field"] == "regime":
                self.choose(f".wb-fact-input-{name}", step["value"])
            else:
                self.enter(f".wb-fact-input-{name}", step["value"])
        else:
            raise ValueError(f"unknown step {op!r}")
        self._saved(audit_rows)
        if op != "fact":
            self.effort.steps.append(op)
        else:
            self.effort.steps.append(f"fact {step['field']}")
        self.effort.waited += time.perf_counter() - started

    def open_points(self) -> None:
        self._tab("Request points")
        self.page.locator(".wb-point").first.wait_for()

    # -- waiting -------------------------------------------------------------------------------

    def _tab(self, title: str) -> None:
        tab = self.page.locator(".wb-tabs").get_by_role("tab", name=title, exact=True)
        if tab.get_attribute("aria-selected") != "true":
            self.effort.clicks += 1
        select_tab(self.page, title)

    def _overview(self) -> None:
        self._tab("Overview")
        self.page.locator(".wb-fact").first.wait_for()

    def _audit_rows(self) -> int:
        with Store() as store:
            return len(store.audit(self.case_id))

    def _saved(self, before: int, timeout: float = 60) -> None:
        self._wait(lambda: self._audit_rows() > before, timeout)

    def _gone(self, selector: str) -> None:
        self.page.locator(selector).first.wait_for(state="detached")

    def _shown(self, selector: str) -> None:
        try:
            self.page.locator(selector).first.wait_for()
        except Exception as exc:  # noqa: BLE001 - Playwright's timeout, said with what was seen
            raise AssertionError(f"{selector} never shown; {self._seen()}") from exc

    def _seen(self) -> str:
        """The point cards on the page and the dashboard's messages, for a failure's report."""
        return self.page.evaluate(
            """() => {
                const cards = [...document.querySelectorAll('.wb-point')].map((card) =>
                    [...card.classList].filter((c) => c.startsWith('wb-point-')).join(' '));
                const said = [...document.querySelectorAll('.wb-messages')].map(
                    (box) => box.innerText.trim()).filter(Boolean);
                const listed = cards.join(', ') || 'none';
                return `cards: ${listed}; messages: ${said.join(' | ') || 'none'}`;
            }"""
        )

    @staticmethod
    def _wait(ready: Callable[[], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > deadline:
                raise AssertionError("the dashboard did not show the change in time")
            time.sleep(0.1)
