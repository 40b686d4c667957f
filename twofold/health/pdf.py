"""The summary for a health visit as a PDF: the page's figures and words (`words.py`), one child a page where
the period fits (a 14-day one does), made on the server by fpdf2 with no network request.

The text is set in DejaVu Sans when the machine has it (Debian's fonts-dejavu-core), so any name prints;
without it, in the PDF's own Helvetica, which has Western European letters only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import cast

from django.utils.dateformat import format as date_format
from fpdf import FPDF, FontFace
from fpdf.enums import Align, MethodReturnValue, TableBordersLayout, XPos, YPos

from twofold.health import words
from twofold.health.pages import ChildSummary, Line
from twofold.health.pdf_chart import draw_chart
from twofold.households.models import Household

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"))
MARGIN = 12.0
CHART_HEIGHT = 62.0
BODY, SMALL = 8.5, 7.0
DAY_WIDTHS = (20, 11, 18, 17, 10, 11, 20, 20, 17, 42)
GROWTH_WIDTHS = (24, 40, 34, 30, 32, 26)
HEADINGS = FontFace(emphasis="BOLD")


@lru_cache(maxsize=1)
def dejavu() -> tuple[Path, Path] | None:
    """The regular and bold DejaVu Sans files, if this machine has them."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def _document() -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=MARGIN)
    pdf.set_creator("Twofold")
    pdf.set_title(words.FROM_TWOFOLD)
    fonts = dejavu()
    if fonts:
        pdf.add_font("body", "", str(fonts[0]))
        pdf.add_font("body", "B", str(fonts[1]))
        pdf.set_font("body", size=BODY)
    else:
        pdf.set_font("helvetica", size=BODY)
    return pdf


def _safe(pdf: FPDF, text: str) -> str:
    """Helvetica has Latin-1 only: anything else becomes a question mark rather than an error."""
    if pdf.font_family == "body":
        return text
    plain = text.replace("–", "-").replace("’", "'").replace("“", '"').replace("”", '"')
    return plain.encode("latin-1", "replace").decode("latin-1")


def _say(
    pdf: FPDF, text: str, *, size: float = BODY, bold: bool = False, gap: float = 0.8, width: float = 0
) -> None:
    """A paragraph at the current x: the whole width, or `width` millimetres (a column; x stays put)."""
    pdf.set_font(style="B" if bold else "", size=size)
    after = XPos.LEFT if width else XPos.LMARGIN
    # Left-aligned: fpdf2 justifies by default, which stretched a wrapped line's spaces.
    pdf.multi_cell(width, size * 0.5, _safe(pdf, text), new_x=after, new_y=YPos.NEXT, align=Align.L)
    if width:
        pdf.set_xy(pdf.get_x(), pdf.get_y() + gap)  # set_y alone would send x back to the margin
    else:
        pdf.ln(gap)


def _table(
    pdf: FPDF,
    widths: Sequence[int],
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    words_first: int = 1,
) -> None:
    """Figures right-aligned; the first `words_first` columns, words, on the left."""
    pdf.set_font(style="", size=SMALL)
    align = (*("LEFT",) * words_first, *("RIGHT",) * (len(widths) - words_first))
    with pdf.table(
        col_widths=tuple(widths),
        text_align=align,
        line_height=3.6,
        headings_style=HEADINGS,
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        padding=0.6,
    ) as table:
        for cells in (headings, *rows):
            row = table.row()
            for cell in cells:
                row.cell(_safe(pdf, cell))
    pdf.ln(1.5)


# A list as paragraphs: (text, bold, gap after).
Paragraphs = list[tuple[str, bool, float]]


def _paragraphs(heading: str, lines: Sequence[Line], by: bool) -> Paragraphs:
    found: Paragraphs = [(heading, True, 0.3)]
    if not lines:
        found.append((words.NONE_LOGGED, False, 0.8))
    found += [(f"{line.when}: {line.text}" + (f" ({line.by})" if by else ""), False, 0.2) for line in lines]
    return found


def _height(pdf: FPDF, paragraphs: Paragraphs, width: float) -> float:
    total = 0.0
    for text, bold, gap in paragraphs:
        pdf.set_font(style="B" if bold else "", size=BODY)
        height = pdf.multi_cell(
            width, BODY * 0.5, _safe(pdf, text), dry_run=True, output=MethodReturnValue.HEIGHT
        )
        # fpdf2 types multi_cell's return as any of its outputs; asked for HEIGHT alone, it is the height.
        total += cast(float, height) + gap
    return total


def _column(pdf: FPDF, paragraphs: Paragraphs, width: float) -> None:
    for text, bold, gap in paragraphs:
        _say(pdf, text, bold=bold, gap=gap, width=width)


def _side_by_side(pdf: FPDF, page: ChildSummary) -> None:
    """Temperatures on the left, medicines on the right: the page's lists, in half the height. Columns never
    run over a page (the right one would start again at the top of the left's, on the next page): they go
    to the next page together, or, longer than a page, one after the other at the whole width."""
    half = pdf.epw / 2 - 2
    left = _paragraphs("Temperatures", page.temperatures, by=False)
    right = _paragraphs("Medicines given", page.medicines, by=True)
    needed = max(_height(pdf, left, half), _height(pdf, right, half))
    if needed > pdf.eph:
        _column(pdf, left, 0)
        _column(pdf, right, 0)
        return
    if pdf.will_page_break(needed):
        pdf.add_page()
    top = pdf.get_y()
    _column(pdf, left, half)
    left_end = pdf.get_y()
    pdf.set_xy(MARGIN + pdf.epw / 2 + 2, top)
    _column(pdf, right, half)
    pdf.set_xy(MARGIN, max(left_end, pdf.get_y()))
    pdf.ln(0.8)


def _growth(pdf: FPDF, page: ChildSummary, last: dt.date) -> None:
    growth, name = page.growth, page.child.name
    _say(pdf, words.GROWTH_HEADING, bold=True, gap=0.3)
    if growth.measurements:
        rows = [
            [m.row.on, m.row.age, m.kind_name, m.row.value, m.row.centile or "–", m.row.sds or "–"]
            for m in growth.measurements
        ]
        _table(pdf, GROWTH_WIDTHS, words.GROWTH_HEADINGS, rows, words_first=3)
    else:
        _say(pdf, words.NO_MEASUREMENT)
    if growth.needs_sex:
        _say(pdf, words.NEEDS_SEX.format(name=name), size=SMALL)
    weight = growth.weight
    if growth.chart_shown and weight.drawing is not None:
        _say(pdf, f"Reference: {weight.reference_name}. {words.CENTILE_IS}", size=SMALL)
        if pdf.will_page_break(CHART_HEIGHT):
            pdf.add_page()
        top = pdf.get_y()
        draw_chart(pdf, weight.drawing, x=MARGIN, y=top, width=pdf.epw, height=CHART_HEIGHT)
        pdf.set_y(top + CHART_HEIGHT + 1)
        _say(pdf, words.CHART_SHOWS.format(last=date_format(last, "j F Y")), size=SMALL)
    if weight.crossed:
        _say(pdf, weight.crossed)
    if weight.corrected:
        _say(pdf, weight.corrected, size=SMALL)


def _child_page(
    pdf: FPDF, page: ChildSummary, household: Household, first: dt.date, last: dt.date, added: str
) -> None:
    child = page.child
    _say(pdf, words.FROM_TWOFOLD, size=SMALL, gap=0.3)
    _say(pdf, f"{child.name}, {page.age} (born {date_format(child.birth_date, 'j F Y')})", size=13, bold=True)
    period = f"{date_format(first, 'j F Y')} to {date_format(last, 'j F Y')}"
    _say(pdf, f"{period}, from the log kept in Twofold by {household.name}. {words.DAY_IS}")
    if page.has_log:
        _table(pdf, DAY_WIDTHS, words.DAY_HEADINGS, [(r.day, *r.cells) for r in page.day_rows])
        source = str(page.days[0].norm.source) if page.days[0].norm else ""
        _say(pdf, words.TYPICAL_CRYING.format(source=source), size=SMALL)
    else:
        _say(pdf, words.NOTHING_LOGGED.format(name=child.name))
    _growth(pdf, page, last)
    _side_by_side(pdf, page)
    if page.notes:
        _column(pdf, _paragraphs("Notes", page.notes, by=False), 0)
    if added:
        _say(pdf, words.ADDED, bold=True, gap=0.3)
        _say(pdf, added)


def summary_pdf(
    *, pages: Sequence[ChildSummary], household: Household, first: dt.date, last: dt.date, added: str
) -> bytes:
    """The summary of each child in `pages`, each child from a new page."""
    pdf = _document()
    for page in pages:
        pdf.add_page()
        _child_page(pdf, page, household, first, last, added)
    return bytes(pdf.output())
