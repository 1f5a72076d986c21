"""Bad input of every kind is one PrecisError with a plain message and a hint; the CLI exits 1 with one line."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import desktop.importers as importers
from desktop.core.errors import PrecisError
from desktop.importers import docx as docx_importer
from desktop.importers import load_bytes, load_path, pdf
from tests.conftest import run_precis
from tests.importers import documents

TITLE, PARAGRAPHS = documents.sample_article()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _many_pages_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    words = "river bank flood camp road town rain field dam levee bridge farm lake mill ford weir".split()
    for number in range(pages):
        name = " ".join(words[(number // 16**k) % 16] for k in range(3))  # a different line on every page
        document.drawString(72, 720, f"The {name} section of a very long report.")
        document.showPage()
    document.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory, qapp) -> dict[str, tuple[Path, str]]:
    """Every kind of bad input, as files: name -> (path, words the message must contain)."""
    folder = tmp_path_factory.mktemp("bad")
    good_pdf = documents.reportlab_pdf(TITLE, PARAGRAPHS)
    good_docx = documents.docx_file(TITLE, PARAGRAPHS)
    contents: dict[str, tuple[str, bytes | None, str]] = {
        "encrypted": ("locked.pdf", documents.reportlab_pdf(TITLE, PARAGRAPHS, encrypt="secret"), "password"),
        "truncated-pdf": ("cut.pdf", good_pdf[:300], "damaged"),
        "corrupt-pdf": ("corrupt.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, "damaged"),
        "not-a-pdf": ("letter.pdf", b"Dear reader, this is text.", "not one"),
        "truncated-docx": ("cut.docx", good_docx[: len(good_docx) // 2], "damaged"),
        "docx-without-document": ("empty.docx", _zip({"[Content_Types].xml": b"<Types/>"}), "Word"),
        "corrupt-docx": ("broken.docx", _zip({"word/document.xml": b"<w:document", "[Content_Types].xml": b"<"}),
                         "damaged"),
        "zip-bomb": ("bomb.docx", documents.zip_bomb_docx(260), "expand"),
        "ratio-bomb": ("small-bomb.docx", documents.ratio_bomb_docx(), "ZIP bomb"),
        "odt": ("essay.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
                "OpenDocument"),
        "zip": ("files.zip", _zip({"a.txt": b"hello"}), "ZIP archive"),
        "png": ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        "program": ("tool", b"\x7fELF" + bytes(range(256)) * 4, "program"),
        "binary": ("noise.txt", bytes(range(256)) * 64, "binary"),
        "empty": ("nothing.txt", b"", "empty"),
        "no-text-html": ("blank.html", b"<html><body><script>var x = 1;</script><img src=a></body></html>",
                         "no article text"),
        "many-pages": ("long.pdf", _many_pages_pdf(pdf.MAX_PAGES + 1), "pages"),
        "scanned": ("scan.pdf", documents.scanned_pdf(folder / "scan-source.pdf"), "OCR"),
        "folder": ("a-folder", None, "folder"),
        "missing": ("absent.txt", None, "no file"),
    }
    files = {}
    for key, (name, data, words) in contents.items():
        path = folder / name
        if key == "folder":
            path.mkdir()
        elif data is not None:
            path.write_bytes(data)
        files[key] = (path, words)
    huge = folder / "huge.pdf"
    with open(huge, "wb") as file:
        file.truncate(importers.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    files["too-large"] = (huge, "limit")
    long_text = folder / "huge.txt"
    with open(long_text, "wb") as file:
        file.truncate(importers.MAX_TEXT_BYTES + 1)
    files["text-too-large"] = (long_text, "limit")
    fifo = folder / "pipe"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        files["fifo"] = (fifo, "not a regular file")
    if sys.platform.startswith("linux"):
        files["unreadable"] = (Path("/proc/self/mem"), "cannot be read")  # opens, then fails to read, even as root
    return files


CASES = [
    "encrypted", "truncated-pdf", "corrupt-pdf", "not-a-pdf", "truncated-docx", "docx-without-document",
    "corrupt-docx", "zip-bomb", "ratio-bomb", "odt", "zip", "png", "program", "binary", "empty", "no-text-html",
    "many-pages", "scanned", "folder", "missing", "too-large", "text-too-large", "fifo", "unreadable",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_precis_error_with_a_message_and_a_hint(bad_files, case):
    if case not in bad_files:
        pytest.skip("not possible on this platform")
    path, words = bad_files[case]
    with pytest.raises(PrecisError) as caught:
        load_path(path)
    error = caught.value
    assert words.lower() in str(error).lower(), str(error)
    assert error.hint and "\n" not in str(error)


def test_every_bad_input_exits_1_with_one_line_from_the_cli(bad_files):
    def run(case):
        path, words = bad_files[case]
        return case, words, run_precis("analyze", str(path), timeout=60)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, [case for case in CASES if case in bad_files]))
    for case, words, result in results:
        stderr = result.stderr.decode("utf-8")
        assert result.returncode == 1, (case, stderr)
        assert stderr.count("\n") == 1 and stderr.startswith("precis: error: "), (case, stderr)
        assert words.lower() in stderr.lower() and result.stdout == b"", (case, stderr)


def test_unreadable_file_says_permission_denied(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads every file; /proc/self/mem covers unreadable files here")
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    with pytest.raises(PrecisError, match="permission denied"):
        load_path(path)


def test_limits_are_read_at_call_time(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    with pytest.raises(PrecisError, match="more than the 1 Précis reads"):
        load_bytes(_many_pages_pdf(2), name="two.pdf")
    monkeypatch.setattr(docx_importer, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(PrecisError, match="expand"):
        load_bytes(documents.docx_file(TITLE, PARAGRAPHS), name="a.docx")


def test_a_pdf_of_two_thousand_pages_opens(tmp_path):
    source = load_bytes(_many_pages_pdf(pdf.MAX_PAGES), name="long.pdf")
    assert source.text.count("of a very long report") == pdf.MAX_PAGES


def test_a_pdf_decompression_bomb_is_refused_in_one_line_with_flat_memory(tmp_path):
    """Issue 16: a PDF whose page content inflates to gigabytes peaked at 2.2 GB inside PDFium."""
    import subprocess
    import sys

    from desktop.bench import hostile
    from desktop.importers import pdf_streams
    from tests.conftest import ROOT

    data, _ = hostile.pdf_bomb(0.16)  # 160 MB of spaces in a 160 KB file: past MAX_STREAM_BYTES
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(data)
    assert len(data) < 1024 * 1024
    # A small Python runs the command and reports its child's peak memory: a child forked from this test process
    # (spaCy loaded) would count the test's own memory in its ru_maxrss.
    wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
               "sys.stderr.buffer.write(r.stderr); "
               "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "desktop", "analyze", str(bomb)],
                            cwd=ROOT, capture_output=True, timeout=300)
    status, peak_kib = map(int, result.stdout.split())
    assert status == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "expands to more than 128 MB" in lines[0] and "internal error" not in lines[0]
    assert peak_kib < 400 * 1024, f"peak {peak_kib // 1024} MiB"  # before: the whole stream, 2.2 GB at 1 GB
    assert pdf_streams.check_inflated_size(hostile.make_pdf([b"<< /Length 0 >>\nstream\n\nendstream"]), "x") == 0


def test_a_page_nested_past_the_parsers_depth_says_so():
    """libxml2 drops text deeper than 255 elements: 'no article text' would be wrong, the nesting is the cause."""
    from desktop.core.errors import PrecisError
    from desktop.importers import load_bytes

    deep = b"<html><body>" + b"<div>" * 5000 + b"The council met on Monday." + b"</div>" * 5000 + b"</body></html>"
    with pytest.raises(PrecisError, match="nested too deeply"):
        load_bytes(deep, name="deep.html")
    shallow = b"<div>" * 200 + b"The council met on Monday." + b"</div>" * 200
    assert load_bytes(shallow, name="shallow.html").text == "The council met on Monday."
