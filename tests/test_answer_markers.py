"""An answer headed with its question's label goes to that question, and to no other."""

from __future__ import annotations

import pytest

from workbench.parsing.answers import marker_keys


@pytest.mark.parametrize(
    ("line", "keys"),
    [
        ("Question 2: We hold this information.", ["2"]),
        ("Questions 4-6: These are refused.", ["4", "5", "6"]),
        ("Answer 3 - yes", ["3"]),
        ("Q2 & Q3 – attached", ["2", "3"]),
        ("Part 2 and Part 3", ["2", "3"]),
    ],
)
def test_a_label_word_is_never_read_as_a_run_of_lettered_labels(line, keys):
    # "Question" once read as "Qu" then the labels "e", "s", "t", "i", "o", "n": an answer to
    # question 2 was also an answer to any lettered point (e), (i), (n), (o), (s) or (t).
    assert marker_keys(line) == keys


@pytest.mark.parametrize(
    ("line", "keys"),
    [
        ("Questions 2, 3, and 4: we neither confirm nor deny.", ["2", "3", "4"]),
        ("Q2, Q3, & Q4 - refused", ["2", "3", "4"]),
    ],
)
def test_a_comma_before_and_still_joins_the_labels(line, keys):
    # "2, 3, and 4": the comma before "and" once ended the labels, and the line named none.
    assert marker_keys(line) == keys
