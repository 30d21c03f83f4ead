"""How many grounds of real review requests the review can answer from findings already made.

A ground links to a point or provision finding when it names the request's points or the
provisions the response relied on (:mod:`workbench.ground_links`); the dashboard then
proposes its finding from the reviewer's findings there.  The corpus has the review
requests but not the responses, so each request is given a review holding the points and
the exemptions its annotation names (what the response under review would have decided),
a search record of one row, and every item decided; then:

* read grounds linked to a point or provision finding, and to any finding (also the search
  record, timeliness, advice and assistance, the refusal notice), each with a proposal;
* the same for the annotated grounds (what a reader that read every ground right would give);
* links agreeing with the annotation's: among the grounds the reader found (paired with an
  annotated ground as ``workbench.grounds.evaluate`` pairs them), how many link to exactly
  the points and provisions the annotated ground links to.

Without the responses this is a lower bound: a ground naming no provision ("the
exemption") links to a real review's only exemption, which these reviews lack when the
annotation names none; the figures are printed again with one exemption of the request's
regime held in that case (the common single-exemption refusal).  Never run on
``scoring``.  Run from the checkout::

    .venv/bin/python benchmarks/bench_ground_links.py [FOLDER ...]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from workbench import review_grounds
from workbench.catalogue import is_valid_id, load_catalogue
from workbench.evaluate import letter_pairs, letter_text
from workbench.ground_links import links_for, proposal_for
from workbench.grounds.evaluate import match_grounds
from workbench.review import GroundReview, PointReview, ProvisionReview, Review, SearchReview

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [
    ROOT / "tests" / "review_requests" / "dev",
    ROOT / "tests" / "review_requests" / "synthetic",
]
REGIMES = ("FOIA", "EIR", "FOISA", "EISR")
#: The one exemption a review holds when the annotation names none (``--one-exemption``).
SOME_EXEMPTION = {
    "FOIA": "s.43(2)",
    "EIR": "reg.12(5)(e)",
    "FOISA": "foisa.s.33(1)(b)",
    "EISR": "eisr.reg.10(5)(e)",
}


@dataclass
class Tally:
    requests: int = 0
    read: int = 0
    read_to_findings: int = 0
    read_to_anything: int = 0
    read_proposed: int = 0
    annotated: int = 0
    annotated_to_findings: int = 0
    annotated_to_anything: int = 0
    found: int = 0
    links_agree: int = 0


def decided_review(truth: dict, one_exemption: bool = False) -> Review:
    """A review holding what the annotation names, every item with a finding."""
    labels = list(dict.fromkeys(str(p) for g in truth["grounds"] for p in g.get("points") or []))
    catalogue = load_catalogue()
    held = [
        pid
        for g in truth["grounds"]
        for pid in g.get("provisions") or []
        if is_valid_id(pid) and catalogue.knows(pid)
    ]
    regime = truth.get("regime") if truth.get("regime") in REGIMES else None
    if one_exemption and not held:
        held = [SOME_EXEMPTION[regime or "FOIA"]]
    review = Review(
        case_id="BENCH",
        regime=regime,
        points=[PointReview(label=label, finding="incorrect") for label in labels],
        provisions=[
            ProvisionReview(provision_id=pid, finding="not_upheld") for pid in dict.fromkeys(held)
        ],
        searches=[SearchReview(where="Email", adequate=False)],
    )
    review.procedural.timeliness = "late"
    review.procedural.advice_and_assistance_adequate = False
    review.procedural.refusal_notice_adequate = False
    return review


def _linked(review: Review, ground: GroundReview) -> tuple[frozenset, frozenset]:
    links = links_for(review, ground)
    return (
        frozenset(p.label for p in links.points),
        frozenset(p.provision_id for p in links.provisions),
    )


def measure(folder: Path, one_exemption: bool = False) -> Tally:
    if folder.name == "scoring":
        raise SystemExit("The scoring part is only ever scored by the reader's own scorer.")
    tally = Tally()
    for _name, text_file, answer_file in letter_pairs(folder):
        truth = json.loads(answer_file.read_text(encoding="utf-8"))
        text = letter_text(text_file.read_text(encoding="utf-8"))
        review = decided_review(truth, one_exemption)
        request = review_grounds.RequestText(text, "review_request")
        read = review_grounds.read_grounds(review, request).requester_grounds
        tally.requests += 1
        annotated = [
            GroundReview(
                id=f"g{n}",
                category=g["category"],
                provisions=[p for p in g.get("provisions") or [] if is_valid_id(p)],
                points=[str(p) for p in g.get("points") or []],
            )
            for n, g in enumerate(truth["grounds"], start=1)
        ]
        for ground in read:
            links = links_for(review, ground)
            tally.read += 1
            tally.read_to_findings += links.to_findings
            tally.read_to_anything += not links.empty
            tally.read_proposed += proposal_for(review, ground) is not None
        for ground in annotated:
            links = links_for(review, ground)
            tally.annotated += 1
            tally.annotated_to_findings += links.to_findings
            tally.annotated_to_anything += not links.empty
        spans = []
        for g in truth["grounds"]:
            start = text.find(g.get("quote") or "\0")
            spans.append((start, start + len(g["quote"])) if start >= 0 else (0, 0))
        pairs = match_grounds(spans, [(g.start or 0, g.end or 0) for g in read])
        for truth_index, read_index in pairs.items():
            tally.found += 1
            want = _linked(review, annotated[truth_index])
            tally.links_agree += _linked(review, read[read_index]) == want
    return tally


def _share(part: int, whole: int) -> str:
    return f"{part:3d} of {whole:3d} ({part / whole:6.1%})" if whole else f"{part} of 0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    args = parser.parse_args()
    for folder, one in ((f, one) for f in args.folders for one in (False, True)):
        t = measure(folder, one)
        held = "; one exemption held where none is named" if one else ""
        print(f"{folder.name}: {t.requests} review requests{held}")
        print(f"  read grounds linked to a point or provision finding: "
              f"{_share(t.read_to_findings, t.read)}")  # fmt: skip
        print(f"  read grounds linked to any finding:                  "
              f"{_share(t.read_to_anything, t.read)}")  # fmt: skip
        print(f"  read grounds given a proposal (all items decided):   "
              f"{_share(t.read_proposed, t.read)}")  # fmt: skip
        print(f"  annotated grounds linked to a point or provision:    "
              f"{_share(t.annotated_to_findings, t.annotated)}")  # fmt: skip
        print(f"  annotated grounds linked to any finding:             "
              f"{_share(t.annotated_to_anything, t.annotated)}")  # fmt: skip
        print(f"  grounds found whose links agree with the annotation: "
              f"{_share(t.links_agree, t.found)}")  # fmt: skip


if __name__ == "__main__":
    main()
