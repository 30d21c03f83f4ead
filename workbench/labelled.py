"""Enums that carry the words a reader sees.

Why: the review stores short, stable values (``partly_correct``) while letters,
spreadsheets and the dashboard show plain English ("Partly correct").  Keeping
the label beside the value means every renderer uses the same words, and a
drop-down can be built from :meth:`LabelledEnum.choices` without a second table.

Usage::

    class Finding(LabelledEnum):
        CORRECT = "correct", "Correct"

    Finding("correct").label        # "Correct"
    Finding.choices()                # {"correct": "Correct"}
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members each have a human ``label``."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> dict[str, str]:
        """Every value with its label, in declaration order (for drop-downs and validation)."""
        return {member.value: member.label for member in cls}

    @classmethod
    def from_label(cls, text: str) -> LabelledEnum:
        """The member whose value or label is ``text`` (case-insensitive), for spreadsheet input.

        :raises ValueError: naming the allowed labels when nothing matches.
        """
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label.casefold()):
                return member
        allowed = ", ".join(repr(m.label) for m in cls)
        raise ValueError(f"{text!r} is not one of {allowed}")
