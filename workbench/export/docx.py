"""The outcome letter as a Word document (python-docx).

Laid out from the same :class:`~workbench.export.letter.LetterContext` as the
HTML and Markdown letters, with Word's own styles so the document navigates and
prints properly: ``Heading 1`` for the title, ``Heading 2`` for each section,
``Heading 3`` for each ground of the review request answered, each point ("Point
3a", the request's own label) and each exemption; ``Quote`` for the requester's
words; a ``Table Grid`` table of the points with the original determination, the
finding and the remedy, whose header row repeats on every page it runs onto.  The
page is A4 with 2.5 cm margins and "Page N of M" at the foot, as a UK letter is
printed; the Word and web-page letters say the same things
(``tests/test_export_letter_same_content``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from .letter import GroundSection, LetterContext, PointSection, ProvisionSection
from .sanitise import xml_safe
from .templating import long_date

POINTS_TABLE_HEADERS = ("Point", "Our original response", "Finding on review", "What we will do")
SEARCH_TABLE_HEADERS = (
    "Where we searched",
    "Search terms",
    "Who searched",
    "Adequate",
    "Further search needed",
)


def render_docx(letter: LetterContext) -> bytes:
    """The letter as the bytes of a ``.docx`` file."""
    doc = Document()
    _base_style(doc)
    _a4_page(doc)
    _page_header(doc, letter)
    _page_numbers(doc)
    _letterhead(doc, letter)
    _request(doc, letter)
    _original_response(doc, letter)
    _grounds(doc, letter)
    _ground_answers(doc, letter)
    _section(doc, "Who carried out this review", letter.independence)
    _section(doc, "How we handled your request", letter.handling)
    _searches(doc, letter)
    _heading(doc, "My findings on each point of your request", 2)
    for point in letter.points:
        _point(doc, point)
    if letter.provisions:
        _heading(doc, f"The {letter.provision_word} we relied on", 2)
        for provision in letter.provisions:
            _provision(doc, provision)
    _outcome(doc, letter)
    _section(doc, "Your right to complain", letter.complaint)
    _signature(doc, letter)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# -- building blocks --------------------------------------------------------------------------


def _base_style(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)


def _a4_page(doc: DocxDocument) -> None:
    """A4 paper with 2.5 cm margins (python-docx starts from US Letter)."""
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))


def _page_numbers(doc: DocxDocument) -> None:
    """ "Page N of M" centred at the foot of every page, as Word fields."""
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _field(paragraph, code: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) that Word fills in when it lays the page out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", f" {code} "), ("separate", None), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            placeholder = OxmlElement("w:t")
            placeholder.text = "1"
            run._r.append(placeholder)


def _heading(doc: DocxDocument, text: str, level: int) -> None:
    doc.add_heading(xml_safe(text), level=level)


def _paragraphs(doc: DocxDocument, paragraphs: Iterable[str], style: str | None = None) -> None:
    for text in paragraphs:
        doc.add_paragraph(xml_safe(text), style=style)


def _section(doc: DocxDocument, title: str, paragraphs: Sequence[str]) -> None:
    _heading(doc, title, 2)
    _paragraphs(doc, paragraphs)


def _labelled(doc: DocxDocument, pairs: Iterable[tuple[str, str]]) -> None:
    """One paragraph of "Label: value" lines with the labels in bold."""
    paragraph = doc.add_paragraph()
    for index, (label, value) in enumerate(pairs):
        if index:
            paragraph.add_run().add_break()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(xml_safe(value))


def _table(doc: DocxDocument, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_as_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = xml_safe(text)
    doc.add_paragraph()


def _repeat_as_header(row) -> None:
    """Mark a table row to repeat at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


# -- sections ---------------------------------------------------------------------------------


def _page_header(doc: DocxDocument, letter: LetterContext) -> None:
    header = doc.sections[0].header.paragraphs[0]
    header.text = xml_safe(f"Our reference: {letter.reference}")
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _letterhead(doc: DocxDocument, letter: LetterContext) -> None:
    org = letter.organisation
    block = doc.add_paragraph()
    block.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    block.add_run(xml_safe(org.name)).bold = True
    for line in [org.team, *org.address, org.contact_email]:
        block.add_run().add_break()
        block.add_run(xml_safe(line))
    if letter.draft:
        banner = doc.add_paragraph()
        run = banner.add_run(
            f"DRAFT (review version {letter.version}, {letter.status.lower()}): not yet signed off."
        )
        run.bold = True
    doc.add_paragraph(long_date(letter.dates.review_reply))
    doc.add_paragraph(xml_safe(f"Our reference: {letter.reference}"))
    doc.add_paragraph(xml_safe(f"Dear {letter.requester or 'Sir or Madam'},"))
    _heading(doc, f"Internal review of your request {letter.reference}", 1)


def _request(doc: DocxDocument, letter: LetterContext) -> None:
    _heading(doc, "Your request", 2)
    doc.add_paragraph(f"We received your request on {long_date(letter.dates.request)}. You asked:")
    _paragraphs(doc, letter.request_paragraphs, style="Quote")
    doc.add_paragraph(f"We handled your request under {letter.regime_name}.")


def _original_response(doc: DocxDocument, letter: LetterContext) -> None:
    _heading(doc, "Our original response", 2)
    doc.add_paragraph(
        f"We responded on {long_date(letter.dates.response)}. The table shows what we decided "
        "for each point of your request, and what I found on review."
    )
    _table(doc, POINTS_TABLE_HEADERS, [_point_row(point) for point in letter.points])


def _point_row(point: PointSection) -> tuple[str, str, str, str]:
    original = point.original
    if point.original_provisions:
        original += f" ({', '.join(point.original_provisions)})"
    remedy = "; ".join(point.remedies) or "-"
    if point.remedies and point.remedy_date:
        remedy += f" by {long_date(point.remedy_date)}"
    return point.label, original, point.finding, remedy


def _grounds(doc: DocxDocument, letter: LetterContext) -> None:
    _heading(doc, "Your request for a review", 2)
    said = " You said:" if letter.grounds else ""
    doc.add_paragraph(
        f"You asked for a review on {long_date(letter.dates.review_requested)}.{said}"
    )
    _paragraphs(doc, letter.grounds, style="Quote")
    _paragraphs(doc, letter.grounds_answered)


def _ground_answers(doc: DocxDocument, letter: LetterContext) -> None:
    if not letter.ground_answers:
        return
    _heading(doc, "What you asked us to look at again", 2)
    for ground in letter.ground_answers:
        _ground(doc, ground)


def _ground(doc: DocxDocument, ground: GroundSection) -> None:
    _heading(doc, f"{ground.number}. {ground.heading}", 3)
    if ground.quote:
        doc.add_paragraph("You said:")
        doc.add_paragraph(xml_safe(ground.quote), style="Quote")
    _labelled(doc, [("My finding", ground.finding)])
    _paragraphs(doc, ground.paragraphs)
    if ground.reasons:
        doc.add_paragraph().add_run("My reasons").bold = True
        _paragraphs(doc, ground.reasons)
    if ground.remedy:
        doc.add_paragraph().add_run("What we will do").bold = True
        _paragraphs(doc, ground.remedy)


def _searches(doc: DocxDocument, letter: LetterContext) -> None:
    _section(doc, "Our searches", letter.search_paragraphs)
    if letter.searches:
        rows = [(s.where, s.terms, s.who, s.adequate, s.further or "-") for s in letter.searches]
        _table(doc, SEARCH_TABLE_HEADERS, rows)


def _point(doc: DocxDocument, point: PointSection) -> None:
    _heading(doc, point.heading, 3)
    if point.request_text:
        doc.add_paragraph("You asked:")
        doc.add_paragraph(xml_safe(point.request_text), style="Quote")
    original = point.original
    if point.original_provisions:
        original += f" ({', '.join(point.original_provisions)})"
    _labelled(doc, [("Our original response", original), ("Finding on review", point.finding)])
    _paragraphs(doc, point.paragraphs)
    if point.reasons:
        doc.add_paragraph().add_run("My reasons").bold = True
        _paragraphs(doc, point.reasons)


def _provision(doc: DocxDocument, provision: ProvisionSection) -> None:
    _heading(doc, provision.heading, 3)
    facts = [("Engaged", provision.engaged), ("Finding on review", provision.finding)]
    if provision.points:
        plural = "s" if len(provision.points) > 1 else ""
        facts.insert(0, (f"Applied to point{plural}", ", ".join(provision.points)))
    _labelled(doc, facts)
    _paragraphs(doc, provision.paragraphs)
    for answer in provision.answers:
        item = doc.add_paragraph(xml_safe(f"{answer.question} "), style="List Bullet")
        item.add_run(xml_safe(answer.answer)).bold = True
    test = provision.public_interest
    if test is not None:
        doc.add_paragraph().add_run(f"The public interest test ({test.favours})").bold = True
        for label, paragraphs in (
            ("For disclosure", test.for_disclosure),
            ("For withholding", test.for_withholding),
            ("The balance", test.balance),
        ):
            for index, text in enumerate(paragraphs):
                paragraph = doc.add_paragraph()
                if index == 0:
                    paragraph.add_run(f"{label}: ").italic = True
                paragraph.add_run(xml_safe(text))
    if provision.reasons:
        doc.add_paragraph().add_run("My reasons").bold = True
        _paragraphs(doc, provision.reasons)


def _outcome(doc: DocxDocument, letter: LetterContext) -> None:
    _heading(doc, "Outcome", 2)
    _labelled(doc, [("Outcome of this review", letter.outcome)])
    _paragraphs(doc, letter.outcome_paragraphs)
    _paragraphs(doc, letter.conclusion)
    if letter.releases:
        doc.add_paragraph("What we will now do:")
        for release in letter.releases:
            when = f", by {long_date(release.when)}" if release.when else ""
            text = f"Point {release.point}: {'; '.join(release.what)}{when}"
            doc.add_paragraph(xml_safe(text), style="List Bullet")


def _signature(doc: DocxDocument, letter: LetterContext) -> None:
    signature = letter.organisation.signature
    doc.add_paragraph(xml_safe(signature.sign_off))
    block = doc.add_paragraph(xml_safe(letter.signed_by))
    for line in [letter.reviewer_role, *signature.lines]:
        if line:
            block.add_run().add_break()
            block.add_run(xml_safe(line))
