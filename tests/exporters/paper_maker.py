"""Two-column papers laid out line by line with reportlab, so a test knows where every line breaks.

A paragraph is a list of words; `BREAK` ends the line there, `PAGE` goes on at the top of the next page, and a
word written "Organi-|zation" is hyphenated at the end of its line. Each page has a running header and a page
number in its footer, as journals do; the first page has a link, a bookmark and a form field, which the
annotated copy must keep.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

BREAK, PAGE = "\n", "\f"
FONT, SIZE, LEADING = "Times-Roman", 10, 12.5
MARGIN, GAP = 54, 24
HEADER = "Journal of Imaginary Public Health · Vol. 7"


def make_paper(paragraphs: list[list[str]], title: str = "A Study of Agencies", *, producer: str = "pdfTeX-1.40.25",
               extras: bool = True, encrypt=None, right_column_first: bool = False) -> bytes:
    """The PDF's bytes. With `right_column_first`, each page's right column is drawn before its left one: the
    content order (which PDFium and the importer follow) is then not the reading order."""
    buffer = io.BytesIO()
    canvas = rl_canvas.Canvas(buffer, pagesize=letter, invariant=1,
                              encrypt=encrypt)
    canvas.setTitle(title)
    canvas.setAuthor("A. Tester")
    canvas.setCreator("LaTeX with hyperref")
    canvas.setProducer(producer)
    width, height = letter
    column_width = (width - 2 * MARGIN - GAP) / 2
    state = {"page": 1, "column": 0, "y": height - MARGIN - 30}
    pending: list[tuple[int, object]] = []  # (column, text object) of the page, drawn when it ends

    def flush() -> None:
        for _, text in sorted(pending, key=lambda item: -item[0]) if right_column_first else pending:
            canvas.drawText(text)
        pending.clear()

    def decorate() -> None:
        canvas.setFont("Times-Italic", 8)
        canvas.drawString(MARGIN, height - MARGIN + 10, HEADER)
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(width / 2, MARGIN - 24, str(state["page"]))

    def next_column(new_page: bool = False) -> None:
        if state["column"] == 0 and not new_page:
            state["column"] = 1
        else:
            flush()
            canvas.showPage()
            state["page"] += 1
            state["column"] = 0
            decorate()
        state["y"] = height - MARGIN - 10

    def emit(words: list[str], justify: bool = True) -> None:
        """One line; all but a paragraph's last are justified, as typesetters do."""
        if state["y"] < MARGIN:
            next_column()
        x = MARGIN + state["column"] * (column_width + GAP)
        text = canvas.beginText(x, state["y"])
        text.setFont(FONT, SIZE)
        natural = stringWidth(" ".join(words), FONT, SIZE)
        if justify and len(words) > 1:
            text.setWordSpace((column_width - natural) / (len(words) - 1))
        text.textOut(" ".join(words))
        pending.append((state["column"], text))
        state["y"] -= LEADING

    decorate()
    canvas.setFont("Times-Bold", 16)
    canvas.drawString(MARGIN, height - MARGIN - 8, title)
    if extras:
        canvas.bookmarkPage("top")
        canvas.addOutlineEntry(title, "top", level=0)
        canvas.linkURL("https://example.org/", (MARGIN, height - MARGIN - 12, MARGIN + 120, height - MARGIN + 6))
        canvas.acroForm.textfield(name="reviewer", x=width - MARGIN - 120, y=MARGIN - 40, width=110, height=14)
    for paragraph in paragraphs:
        line: list[str] = []
        words = list(paragraph)
        while words:
            word = words.pop(0)
            if word == BREAK:
                emit(line)
                line = []
                continue
            if word == PAGE:
                if line:
                    emit(line)
                line = []
                next_column(new_page=True)
                continue
            head, _, tail = word.partition("|")
            candidate = " ".join(line + [head])
            if line and stringWidth(candidate, FONT, SIZE) > column_width:
                emit(line)
                line = []
            line.append(head)
            if tail:
                emit(line)
                line = [tail]
        if line:
            emit(line, justify=False)
        state["y"] -= LEADING / 2
    flush()
    canvas.save()
    return buffer.getvalue()


_FILLER = (
    "Regional offices collected the reports from clinics every week and checked them against the records of "
    "the ministries. Field teams visited remote districts where the roads were closed for much of the season. "
    "The surveys counted vaccinated children, trained nurses and working refrigerators in each district. "
    "Budgets were reviewed by independent auditors who published their findings in the annual report."
)


def words(text: str) -> list[str]:
    return text.split()


def agency_paper(**options) -> bytes:
    """Four pages in two columns; IMF's long form crosses a line break, WHO's a page break and a hyphen."""
    opening = words(
        "The International Monetary Fund (IMF) and the World Health Organization (WHO) agreed in March to "
        "measure the cost of vaccination campaigns in twelve countries. This paper reports what the "
        "agencies found, and why the IMF changed its lending rules as a result. Amina Okafor led the survey in "
        "Kenya and Ghana from the offices in Nairobi."
    )
    across_line = words("Officials of the") + ["International", "Monetary", BREAK] + words(
        "Fund argued that the money spent on vaccines returns several times its value within a decade. "
        "The WHO disagreed about the size of the return but not about its direction."
    )
    paragraphs = [opening, across_line]
    for number in range(8):
        paragraphs.append(words(_FILLER) + words(f"The IMF reviewed the figures of district {number + 1} again."))
    # The long form of WHO runs from the foot of the last column of a page onto the next page.
    paragraphs.append(words("In the final round the World Health") + [PAGE] + ["Organization"] + words(
        "published the combined figures, and NATO offered transport for the vaccines to remote areas."))
    paragraphs.append(words(_FILLER) + words("The World Health Organi-|zation") + words(
        "thanked the ministries and the International Monetary Fund for their support of the work."))
    for number in range(3):
        paragraphs.append(words(_FILLER) + words(f"The WHO kept the records of district {number + 6}."))
    paragraphs.append(words("The IMF and the WHO will repeat the study in three years, with UNICEF as a partner."))
    return make_paper(paragraphs, **options)
