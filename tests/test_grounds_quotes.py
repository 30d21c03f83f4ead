"""Every ground points at the requester's own words: an exact substring, in reading order."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.evaluate import letter_text
from workbench.grounds import CATEGORIES, grounds_to_json, read_grounds

ROOT = Path(__file__).parent / "review_requests"
REQUESTS = sorted((ROOT / "dev").glob("*.txt")) + sorted((ROOT / "synthetic").glob("*.txt"))


@pytest.mark.parametrize("path", REQUESTS, ids=[p.stem for p in REQUESTS])
def test_quotes_are_the_text_at_their_offsets_in_reading_order(path):
    text = letter_text(path.read_text(encoding="utf-8"))
    grounds = read_grounds(text)
    for ground in grounds:
        assert text[ground.start : ground.end] == ground.quote
        assert ground.quote.strip() == ground.quote and ground.quote
        assert ground.category in CATEGORIES
        assert 0.0 < ground.confidence <= 1.0
        assert ground.summary and "\n" not in ground.summary
    starts = [g.start for g in grounds]
    assert starts == sorted(starts)
    ends_before_next = [a.end <= b.start for a, b in zip(grounds, grounds[1:], strict=False)]
    assert all(ends_before_next), "grounds overlap"


def test_the_json_shape_part_b_builds_on():
    text = letter_text((ROOT / "dev" / "rr-003.txt").read_text(encoding="utf-8"))
    data = grounds_to_json(read_grounds(text, "FOISA"))
    assert [g["id"] for g in data] == ["g1", "g2", "g3", "g4"]
    assert set(data[0]) >= {
        "id",
        "category",
        "provisions",
        "points",
        "quote",
        "start",
        "end",
        "summary",
        "confidence",
    }
    assert data[0]["category"] == "incomplete"
    assert data[0]["quote"].startswith("• The response appears incomplete")
