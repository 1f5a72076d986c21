"""File › Export offers an annotated copy of the original PDF when the article came from one."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from desktop.bench.annotate import check, page_streams
from desktop.ui.main_window import ANNOTATED_COPY
from tests.exporters.paper_maker import agency_paper
from tests.ui.test_window import analysed, window  # noqa: F401  (the window fixture)

pytestmark = pytest.mark.model


def test_a_pdf_article_can_be_exported_as_its_own_annotated_copy(qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    source = tmp_path / "agencies.pdf"
    source.write_bytes(agency_paper())
    analysed(qtbot, window, lambda: window.open_path(str(source)))
    target = tmp_path / "agencies-annotated.pdf"
    offered = []

    def save_dialog(parent, caption, folder, filters):
        offered.extend(filters.split(";;"))
        return str(target), ANNOTATED_COPY

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.export_dialog()
    assert ANNOTATED_COPY in offered and "PDF (*.pdf)" in offered
    annotated = target.read_bytes()
    assert page_streams(annotated) == page_streams(source.read_bytes())
    result = check(source.read_bytes(), annotated, window.document)
    assert result.mentions and result.with_note == result.on_words == result.mentions
    assert "annotated copy" in window.statusBar().currentMessage()


def test_the_annotated_copy_is_not_offered_for_an_article_that_is_not_a_pdf(qtbot, window, monkeypatch):  # noqa: F811
    analysed(qtbot, window, lambda: window.analyse_text("The IMF met the WHO in Geneva on Monday. It agreed."))
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, caption, folder, filters: (offered.extend(filters.split(";;")), ("", ""))[1])
    window.export_dialog()
    assert offered and ANNOTATED_COPY not in offered


def test_an_edited_pdf_article_is_refused_with_a_message(qtbot, window, tmp_path):  # noqa: F811
    source = tmp_path / "agencies.pdf"
    source.write_bytes(agency_paper())
    analysed(qtbot, window, lambda: window.open_path(str(source)))
    analysed(qtbot, window, lambda: window.analyse_text("The IMF met the WHO. " + window.document.text,
                                                         origin=str(source)))
    target = tmp_path / "out.pdf"
    assert not window.export_annotated_copy(target)
    assert not target.exists()
    assert "no longer the text" in window.message_text()
    assert PdfReader(io.BytesIO(source.read_bytes())).pages  # the original is untouched
