"""The HTML letter: requester text escaped, the right regulator for the regime."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from export_fixtures import decided_seed_review, make_case

from workbench.cases import load_case
from workbench.export import export_case


class _Tags(HTMLParser):
    """Every start tag in a document, and the text inside <body>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _value in attrs]

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_requester_text_with_a_script_comes_out_as_text(seed_case, tmp_path):
    request = seed_case / "request.txt"
    request.write_text("<script>alert('request')</script> " + request.read_text())
    case = load_case(seed_case)
    review = decided_seed_review(case)  # its grounds contain <script>alert(1)</script>
    (path,) = export_case(case, tmp_path, formats=["html"], review=review)
    html = path.read_text(encoding="utf-8")

    parsed = _parse(html)
    assert "script" not in parsed.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#39;request&#39;)&lt;/script&gt;" in html
    shown = "".join(parsed.text)
    assert "<script>alert(1)</script>" in shown  # the reader sees what the requester wrote
    assert 'HYPERLINK("http://x","y")' in shown


def test_the_html_letter_names_the_ico_for_a_foia_case(seed_case, tmp_path):
    case = load_case(seed_case)
    (path,) = export_case(case, tmp_path, formats=["html"], review=decided_seed_review(case))
    shown = "".join(_parse(path.read_text(encoding="utf-8")).text)
    assert "complain to the Information Commissioner's Office (ICO)" in shown
    assert "https://ico.org.uk/make-a-complaint/" in shown


def test_a_foisa_case_names_the_scottish_information_commissioner(isolated_data, tmp_path):
    case = make_case(isolated_data / "cases", "FOISA-2024-001", regime="FOISA")
    review = decided_seed_review(case)
    review.regime = "FOISA"
    (path,) = export_case(case, tmp_path, formats=["html"], review=review)
    shown = " ".join("".join(_parse(path.read_text(encoding="utf-8")).text).split())
    assert "apply to the Scottish Information Commissioner" in shown
    assert "section 47(1) of the Freedom of Information (Scotland) Act 2002" in shown
    assert "within six months of receiving this review decision" in shown
    assert "https://www.foi.scot/appeal" in shown
    assert "ico.org.uk/make-a-complaint" not in shown
    assert "the Freedom of Information (Scotland) Act 2002 (FOISA)" in shown


def test_the_letter_sections_follow_the_points_of_the_request(seed_case, tmp_path):
    case = load_case(seed_case)
    (path,) = export_case(case, tmp_path, formats=["html"], review=decided_seed_review(case))
    html = path.read_text(encoding="utf-8")
    headings = [line for line in html.splitlines() if line.startswith("<h3>Point ")]
    assert headings == [
        "<h3>Point 1</h3>",
        "<h3>Point 2</h3>",
        "<h3>Point 3a</h3>",
        "<h3>Point 3b</h3>",
    ]


def test_the_html_letter_forbids_scripts_and_loads_by_its_own_policy(seed_case, tmp_path):
    case = load_case(seed_case)
    review = decided_seed_review(case)
    review.grounds += ' <img src="http://evil.example/x.png" onerror="alert(1)"><iframe src=x>'
    (path,) = export_case(case, tmp_path, formats=["html"], review=review)
    html = path.read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy and policy.group(1).startswith("default-src 'none'")  # no script, image, frame
    parsed = _parse(html)
    assert not {"img", "iframe", "script", "object", "embed", "form"} & set(parsed.tags)
    assert not [a for a in parsed.attributes if a.startswith("on")]
