"""Real documents the tests make themselves: text in several encodings, Markdown, web pages with boilerplate,
PDFs (reportlab and Qt), Word files (python-docx), and the bad ones (encrypted, scanned, bombs, truncated)."""

from __future__ import annotations

import html
import io
import textwrap
import zipfile
from pathlib import Path

from tests.conftest import SAMPLE


def sample_article() -> tuple[str, list[str]]:
    """The project's own sample article: (headline, paragraphs)."""
    blocks = [block.strip() for block in SAMPLE.read_text(encoding="utf-8").split("\n\n") if block.strip()]
    return blocks[0], blocks[1:]


def text_file(title: str, paragraphs: list[str], width: int | None = 72, newline: str = "\n") -> str:
    """Plain text as editors and mail programs write it: hard-wrapped at `width` columns."""
    body = [textwrap.fill(p, width) if width else p for p in paragraphs]
    return newline.join("\n\n".join([title, *body]).split("\n")) + newline


def markdown_file(title: str, paragraphs: list[str], author: str | None = None) -> str:
    front = f"---\ntitle: {title}\nauthor: {author}\ndate: 2024-03-05\n---\n" if author else ""
    body = [textwrap.fill(p, 80) for p in paragraphs]
    return front + f"# {title}\n\n" + "\n\n".join(body) + "\n"


def web_page(title: str, paragraphs: list[str], author: str = "Jane Doe", date: str = "2024-03-05",
             headings: dict[int, str] | None = None) -> str:
    """A news page: navigation, adverts, a cookie banner, scripts, related links, comments and a footer around
    the article."""
    headings = headings or {}
    article = []
    for index, paragraph in enumerate(paragraphs):
        if index in headings:
            article.append(f"<h2>{html.escape(headings[index])}</h2>")
        article.append(f"<p>{html.escape(paragraph)}</p>")
    nav = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(1, 25))
    related = "".join(
        f'<li><a href="/story/{n}">Another story about something else entirely, number {n}</a></li>'
        for n in range(1, 8)
    )
    comments = "".join(
        f'<div class="comment"><span class="user">reader{n}</span><p>Comment number {n}: I disagree with '
        f"the council about this, as I said last year.</p></div>"
        for n in range(1, 6)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | The Valley Courier</title>
<meta name="author" content="{html.escape(author)}">
<meta property="article:published_time" content="{date}T08:00:00Z">
<script>window.dataLayer = []; function track() {{ return "<p>not text</p>"; }}</script>
<style>.ad {{ display: block; }}</style>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header><div class="logo">The Valley Courier</div><nav><ul>{nav}</ul></nav></header>
<div class="ad">Advertisement: Buy cheap watches now! Limited offer, click here.</div>
<main><article>
<h1>{html.escape(title)}</h1>
<p class="byline">By {html.escape(author)}, {date}</p>
{"".join(article)}
</article>
<aside><h3>Related stories</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Comments</h3>{comments}</section>
</main>
<footer><p>© 2024 The Valley Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a>
<a href="/terms">Terms of use</a></footer>
</body></html>
"""


def reportlab_pdf(title: str, paragraphs: list[str], *, header: str | None = "Valley Courier — Flood Special",
                  page_numbers: bool = True, font_size: float = 10, author: str | None = "Jane Doe",
                  page_size=None, encrypt: str | None = None) -> bytes:
    """A PDF laid out by reportlab: a running header and "Page N" footer on every page."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("body", fontSize=font_size, leading=font_size * 1.25)
    page_size = page_size or A5

    def decorate(canvas, document):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if header:
            canvas.drawString(40, page_size[1] - 30, header)
        if page_numbers:
            canvas.drawCentredString(page_size[0] / 2, 20, f"Page {document.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    options = {"encrypt": encrypt} if encrypt else {}
    document = SimpleDocTemplate(buffer, pagesize=page_size, title=title, author=author or "",
                                 leftMargin=40, rightMargin=40, topMargin=50, bottomMargin=40, **options)
    story = [Paragraph(html.escape(title), styles["Title"])]
    for paragraph in paragraphs:
        story += [Paragraph(html.escape(paragraph), body), Spacer(1, 4)]
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def canvas_pdf(lines_per_page: list[list[str]], font_size: float = 11, producer: str | None = None) -> bytes:
    """A PDF whose lines are placed exactly as given, one list of lines a page; `producer` names the program
    that claims to have made it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if producer:
        pdf.setProducer(producer)
    for lines in lines_per_page:
        pdf.setFont("Helvetica", font_size)
        y = A4[1] - 72
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= font_size * 1.3
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def qt_pdf(title: str, paragraphs: list[str], path: Path) -> bytes:
    """A PDF printed by Qt (QTextDocument on a QPdfWriter), with Qt's page numbers at the foot of each page.

    Needs a QApplication (the `qapp` fixture of pytest-qt)."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    document.setHtml(f"<h1>{html.escape(title)}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setTitle(title)
    document.print_(writer)
    del writer  # finishes the file
    return path.read_bytes()


def scanned_pdf(path: Path) -> bytes:
    """A PDF whose page is only a picture of text, as a scanner makes (Qt draws an image, no text)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter

    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawText(20, 100, "This text is only pixels.")
    painter.end()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    painter.end()
    del writer
    return path.read_bytes()


def docx_file(title: str, paragraphs: list[str], *, table: list[list[str]] | None = None,
              table_after: int = 1, author: str | None = "Jane Doe", header: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author or ""
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.add_heading(title, level=1)
    for index, paragraph in enumerate(paragraphs):
        document.add_paragraph(paragraph)
        if table and index + 1 == table_after:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, values in zip(grid.rows, table):
                for cell, value in zip(row.cells, values):
                    cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb_docx(expanded_mb: int = 300) -> bytes:
    """A 'Word document' whose document.xml expands about a thousand times: a ZIP bomb in disguise."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(expanded_mb):
                member.write(chunk)
    return buffer.getvalue()


def ratio_bomb_docx() -> bytes:
    """A smaller bomb: 40 MB of one repeated byte, under the size limit but expanding ~1,000 times."""
    return zip_bomb_docx(expanded_mb=40)
