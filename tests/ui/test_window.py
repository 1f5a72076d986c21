"""The window in a real (offscreen) Qt session, driven as a user would: paste, open, hover, click, cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from desktop.core.model import SummaryLength
from desktop.ui.article_view import Utf16Positions
from desktop.ui.main_window import MainWindow
from tests.conftest import SAMPLE

pytestmark = pytest.mark.model

ARTICLE = (
    "Militants strike again\n\n"
    "Police in Peshawar said on Monday that the banned TTP had claimed the attack on a checkpoint. "
    "Officials in Khyber Pakhtunkhwa said IS-K fighters were also active in the area.\n\n"
    "The TTP has fought the state since 2007. Analysts in Islamabad said IS-K may now be the bigger threat. "
    "The government promised more money for the police and for schools in the province."
)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / "data"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.controller.cancel()
    window.controller.wait()
    # Qt's offscreen platform crashes at exit if the clipboard still holds data the test put there.
    QGuiApplication.clipboard().clear()


def analysed(qtbot, window, action, timeout=60_000):
    with qtbot.waitSignal(window.controller.finished, timeout=timeout,
                          check_params_cb=lambda job, result, s: result is not None and job == window._pending_job):
        action()


def test_the_window_shows_at_once_while_the_model_loads(window):
    assert window.isVisible()
    assert "Précis" in window.windowTitle()


def test_pasting_into_an_empty_window_analyses_the_clipboard(qtbot, window):
    QGuiApplication.clipboard().setText(ARTICLE)
    analysed(qtbot, window, window.paste_action.trigger)
    assert window.article.toPlainText().startswith("Militants strike again")
    assert window.summary.sentences.count() == 3
    terms = window.glossary.visible_terms()
    assert {"TTP", "IS-K"} <= set(terms)
    assert "words" in window.stats.text() and "min read" in window.stats.text()


def test_the_summary_copies_as_plain_and_rich_text(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    window.summary.copy_rich.click()
    mime = QGuiApplication.clipboard().mimeData()
    first = window.document.sentence_text(window.document.summary.sentences[0])
    assert mime.text().startswith(first) and "<li>" in mime.html()


def test_hovering_an_acronym_shows_its_meaning_and_source(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    index = window.document.text.index("TTP")
    tooltip = window.article.tooltip_at(index)
    assert "Tehreek-e-Taliban Pakistan" in tooltip and "Précis's built-in glossary" in tooltip
    assert window.article.anchor_at(index).startswith("gloss:")


def test_an_acronym_no_meaning_fits_is_offered_with_its_possible_meanings(qtbot, window):
    text = "Professor Jane Doe, director of the RAC Foundation, said motorists would welcome the ruling on fines."
    analysed(qtbot, window, lambda: window.analyse_text(text))
    tooltip = window.article.tooltip_at(window.document.text.index("RAC"))
    assert "no meaning fits this article for certain" in tooltip and "Possibly:" in tooltip
    assert "Found in this article" in tooltip and "Defined in this article" not in tooltip
    window.glossary.select_term("RAC")
    assert window.glossary.meanings.isVisible() and window.glossary.meanings.count() >= 1


def test_clicking_a_term_selects_its_entry_and_marks_every_mention(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    index = window.document.text.index("IS-K")
    point = window.article.viewport_point_of(index + 1)
    QTest.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.glossary.current_term() == "IS-K"
    assert window.article.marked_texts() == ["IS-K", "IS-K"]
    window.glossary.next.click()
    assert "Mention 2 of 2" in window.statusBar().currentMessage()


def test_glossary_filter_and_selection_mark_the_mentions(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    window.glossary.filter.setText("taliban")
    assert window.glossary.visible_terms() == ["TTP"]
    window.glossary.select_term("TTP")
    assert window.article.marked_texts() == ["TTP", "TTP"]


def test_clicking_a_summary_sentence_marks_it_in_the_article(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    item = window.summary.sentences.item(1)
    rect = window.summary.sentences.visualItemRect(item)
    QTest.mouseClick(window.summary.sentences.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    index = window.document.summary.sentences[1]
    assert window.article.marked_texts() == [window.document.sentence_text(index)]


def test_changing_the_length_resummarises_without_reanalysing(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    analysed(qtbot, window, lambda: window.summary.amount.setValue(2))
    assert window.summary.sentences.count() == 2
    analysed(qtbot, window, lambda: window.summary.algorithm.setCurrentIndex(window.summary.algorithm.findData("lexrank")))
    assert window.document.summary.algorithm == "lexrank"


def test_opening_a_file_and_a_bad_file(qtbot, window, tmp_path):
    analysed(qtbot, window, lambda: window.open_path(str(SAMPLE)))
    assert "River towns weigh the cost" in window.windowTitle()
    assert str(SAMPLE) in window.recent_files()
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with qtbot.waitSignal(window.controller.failed, timeout=30_000):
        window.open_path(str(bad))
    assert "PNG image" in window.message_text()
    assert "River towns" in window.article.toPlainText(), "a bad file loses nothing already shown"


def test_editing_the_article_reruns_the_analysis_after_a_pause(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    window.set_editing(True)
    cursor = window.article.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.article.setTextCursor(cursor)
    analysed(qtbot, window, lambda: QTest.keyClicks(window.article, " The NHS sent doctors to help."))
    assert any(e.term == "NHS" for e in window.document.glossary)


def test_a_long_document_can_be_cancelled_midway(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    paragraphs = SAMPLE.read_text(encoding="utf-8").split("\n\n")
    book = "\n\n".join(f"{p} (Part {i}.)" for i in range(200) for p in paragraphs)
    with qtbot.waitSignal(window.controller.cancelled, timeout=60_000):
        window.analyse_text(book)
        qtbot.waitUntil(lambda: window.progress.value() > 5, timeout=30_000)
        window.cancel_button.click()
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.article.toPlainText().startswith("Militants"), "the previous result stays"


def test_a_users_definition_applies_at_once_and_is_kept(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    analysed(qtbot, window, lambda: window.define_entry("TTP", "Test Term Provider", "A made-up meaning.", "acronym"))
    entry = next(e for e in window.document.glossary if e.term == "TTP")
    assert (entry.expansion, entry.source) == ("Test Term Provider", "user")
    assert "Your own glossary" in window.article.tooltip_at(window.document.text.index("TTP"))


def test_settings_are_restored_after_a_restart(qtbot, tmp_path):
    path = str(tmp_path / "settings.ini")
    first = MainWindow(QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.summary.set_options("lexrank", SummaryLength("words", 120))
    first.summary.options_changed.emit()
    first._legend_buttons["GPE"].setChecked(False)
    first.show()
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    second = MainWindow(QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert second.summary.options() == ("lexrank", SummaryLength("words", 120))
    assert "GPE" not in second.visible_types() and "ORG" in second.visible_types()
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    for window in (first, second):
        window.controller.wait()


def test_widgets_have_accessible_names(window):
    for widget in (window.article, window.summary.sentences, window.glossary.tree, window.glossary.filter,
                   window.summary.algorithm):
        assert widget.accessibleName()


def test_utf16_positions_count_astral_characters_twice():
    positions = Utf16Positions("a😀b𝔘c")
    assert [positions(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]


def test_export_saves_what_the_window_shows(qtbot, window, tmp_path):
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    analysed(qtbot, window, lambda: window.summary.amount.setValue(2))
    target = tmp_path / "article.html"
    assert window.export_to(target)
    page = target.read_text(encoding="utf-8")
    assert "Tehreek-e-Taliban Pakistan" in page
    import html as html_module

    assert len(window.document.summary.sentences) == 2
    for index in window.document.summary.sentences:
        assert html_module.escape(window.document.sentence_text(index), quote=False) in page
    assert "Exported to" in window.statusBar().currentMessage()
    assert not window.export_to(tmp_path / "missing-folder" / "x.pdf")
    assert window.message_text()


def test_dropping_a_file_opens_it(qtbot, window):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    analysed(qtbot, window, lambda: window.dropEvent(event))
    assert "River towns weigh the cost" in window.windowTitle()


def test_switching_to_a_dark_palette_recolours_the_article(qtbot, window):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtGui import QTextCursor

    from desktop.ui import colors

    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    index = window.document.text.index("Peshawar")

    def background():
        cursor = QTextCursor(window.article.document())
        cursor.setPosition(index + 1)
        return cursor.charFormat().background().color().name()

    assert background() == colors.ENTITY_COLOURS["GPE"][0]
    palette = QPalette(window.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    window.setPalette(palette)
    qtbot.waitUntil(lambda: background() == colors.ENTITY_COLOURS["GPE"][1], timeout=3000)
