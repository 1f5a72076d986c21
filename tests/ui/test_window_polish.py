"""The window polished: glossary text never read as markup, the current mention marked, a readable glossary at
900x600, a banner that can be closed, roomy dialogs, wrapping legend and summary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui import colors
from desktop.ui.glossary_panel import DefineDialog
from desktop.ui.glossary_rows import MEANING_ROLE, TAG_ROLE
from tests.ui.test_window import ARTICLE, analysed, window  # noqa: F401 - the shared fixture

pytestmark = pytest.mark.model

HOSTILE_MEANING = '<img src="file:///usr/share/pixmaps/x.png"><a href="https://evil.example/">x</a>'
HOSTILE_DESCRIPTION = "<b>bold</b> and <i>more</i>"


def shown(text: str, text_format=Qt.TextFormat.AutoText) -> str:
    """What Qt puts on screen for `text`: rich text is rendered (as Qt would), then read back as plain text."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    assert "<img" not in document.toHtml() and "<a href" not in document.toHtml(), "markup was interpreted"
    return document.toPlainText()


def assert_literal(text: str, text_format=Qt.TextFormat.AutoText) -> None:
    on_screen = shown(text, text_format)
    assert HOSTILE_MEANING in on_screen and HOSTILE_DESCRIPTION in on_screen, on_screen


@pytest.fixture
def hostile(qtbot, window):  # noqa: F811 - pytest fixture
    from desktop.core.glossary.session import user_glossary

    user_glossary().define("ZQX", HOSTILE_MEANING, HOSTILE_DESCRIPTION, "acronym")
    text = ("The ZQX met in Lahore on Monday to discuss the flood levy. Officials said the ZQX would publish "
            "its plan next week. Residents asked the ZQX to hold a public meeting before the vote.")
    analysed(qtbot, window, lambda: window.analyse_text(text))
    return window


def test_a_definitions_markup_is_shown_literally_in_every_widget(qtbot, hostile):
    window = hostile
    entry = next(e for e in window.document.glossary if e.term == "ZQX")
    assert entry.expansion == HOSTILE_MEANING
    # The glossary row: painted with drawText (plain), its tooltip escaped.
    window.glossary.select_term("ZQX")
    item = window.glossary.tree.currentItem()
    assert item.data(0, MEANING_ROLE) == HOSTILE_MEANING
    assert_literal(item.toolTip(0))
    # The details pane under the list.
    assert_literal(window.glossary.details.text(), window.glossary.details.textFormat())
    # Hovering the term in the article.
    assert_literal(window.article.tooltip_at(window.document.text.index("ZQX")))
    # The Define… dialog shows the text in plain-text fields.
    dialog = DefineDialog(entry, window)
    assert dialog.expansion.text() == HOSTILE_MEANING
    assert dialog.description.toPlainText() == HOSTILE_DESCRIPTION
    # Every label and tooltip of the window that carries the text shows it literally.
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel) and "evil.example" in widget.text():
            assert_literal(widget.text(), widget.textFormat())
        if "evil.example" in widget.toolTip():
            assert_literal(widget.toolTip())


def test_a_message_with_markup_is_shown_literally_in_the_banner(window):  # noqa: F811
    window.show_message(HOSTILE_MEANING, HOSTILE_DESCRIPTION)
    on_screen = shown(window.banner_label.text(), window.banner_label.textFormat())
    assert HOSTILE_MEANING in on_screen and HOSTILE_DESCRIPTION in on_screen


def test_the_current_mention_is_marked_apart_from_the_others(qtbot, window):  # noqa: F811
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    window.glossary.select_term("IS-K")
    first, second = (m.start for m in window.document.glossary[window.glossary.current_index()].mentions)
    assert window.article.current_mark()[1] == "IS-K"
    position_before = window.article.current_mark()[0]
    window.step_mention(+1)
    position_after, text = window.article.current_mark()
    assert text == "IS-K" and position_after > position_before
    assert "Mention 2 of 2" in window.statusBar().currentMessage()
    formats = {s.cursor.selectionStart(): s.format.background().color() for s in window.article.extraSelections()}
    assert formats[position_after] == QColor(colors.CURRENT_LIGHT)
    assert formats[position_before] == QColor(colors.MARK_LIGHT)
    assert formats[position_after] != formats[position_before]


def test_at_900_by_600_the_glossary_shows_whole_meanings_and_tags(qtbot, window):  # noqa: F811
    window.resize(900, 600)
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    qtbot.wait(50)
    tree = window.glossary.tree
    metrics = tree.fontMetrics()
    heights = set()
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        rect = tree.visualItemRect(item)
        heights.add(rect.height())
        if item.text(0) == "TTP":
            assert item.data(0, TAG_ROLE) == "built-in"
            assert metrics.horizontalAdvance(item.data(0, MEANING_ROLE)) < rect.width() - 12
    assert len(heights) == 1 and heights.pop() >= 2 * metrics.lineSpacing()
    assert tree.height() >= 3 * tree.visualItemRect(tree.topLevelItem(0)).height()


def test_legend_chips_are_never_elided_at_900_by_600(qtbot, window):  # noqa: F811
    window.resize(900, 600)
    window.show()
    qtbot.wait(50)
    for button in window.legend.buttons.values():
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.isVisible() and button.geometry().right() <= window.legend.width()


def test_summary_sentences_wrap_rather_than_being_cut(qtbot, window):  # noqa: F811
    window.resize(900, 600)
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    summary = window.summary.sentences
    assert summary.wordWrap()
    item = summary.item(0)
    width = summary.viewport().width()
    if summary.fontMetrics().horizontalAdvance(item.text()) > width:
        assert summary.visualItemRect(item).height() > 1.5 * summary.fontMetrics().lineSpacing()


def test_the_error_banner_closes_and_a_new_analysis_removes_it(qtbot, window):  # noqa: F811
    window.show_message("The web page could not be fetched.", "Check the address.")
    assert window.banner.isVisible()
    window.banner_close.click()
    assert not window.banner.isVisible()
    window.show_message("The web page could not be fetched.")
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    assert not window.banner.isVisible()


def test_define_dialog_has_room_for_its_title_and_whole_description(qtbot, window):  # noqa: F811
    analysed(qtbot, window, lambda: window.analyse_text(ARTICLE))
    entry = next(e for e in window.document.glossary if e.term == "TTP")
    dialog = DefineDialog(entry, window)
    qtbot.addWidget(dialog)
    dialog.show()
    title = f"{dialog.windowTitle()} — Précis"
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(title) + 120
    description = dialog.description
    lines = description.document().size().height()
    assert lines * description.fontMetrics().lineSpacing() <= description.viewport().height() + 4 or \
        description.document().lineCount() <= 3


def test_open_url_field_is_wide(qtbot, window):  # noqa: F811
    dialog = window.url_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.address.width() >= 420


def test_every_algorithm_explains_what_it_favours(window):  # noqa: F811
    combo = window.summary.algorithm
    for row in range(combo.count()):
        tip = combo.itemData(row, Qt.ItemDataRole.ToolTipRole)
        assert tip and len(tip.split()) >= 6, combo.itemText(row)
    assert combo.toolTip()


def test_about_shows_the_version_and_every_glossary_credit(qtbot, window):  # noqa: F811
    from desktop import __version__

    box = window.about()
    qtbot.addWidget(box)
    text = shown(box.text(), box.textFormat())
    assert f"Précis {__version__}" in text
    for credit in ("FOLDOC", "V.E.R.A.", "WordNet", "World Factbook", "NetBSD"):
        assert credit in text
    box.close()


def test_export_proposes_the_title_in_the_last_export_folder(qtbot, window, tmp_path):  # noqa: F811
    from desktop.ui import export_name

    text = "Flood wall: the plan?\n\n" + ARTICLE
    analysed(qtbot, window, lambda: window.analyse_text(text, title="Flood wall: the plan?", origin="the clipboard"))
    folder = tmp_path / "exports"
    folder.mkdir()
    assert window.export_to(folder / "first.html")
    proposed = export_name.proposed_path(window.document, window.origin, window.settings.value("export/folder"))
    assert proposed == str(folder / "Flood wall the plan.pdf")
    untitled = export_name.file_stem(window.document.__class__(**{**window.document.__dict__, "title": None}),
                                     "the clipboard")
    assert untitled == "article"


def test_pasting_html_alone_analyses_the_article(qtbot, window):  # noqa: F811
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    sentence = ("The council agreed on Monday to widen the river wall after three wet winters, and residents "
                "asked the Regional Flood Authority to publish its plan. ")
    fragment = f"<article><h2>Wall plan</h2><p>{sentence * 3}</p><p>{sentence * 2}</p><p>{sentence}</p></article>"
    assert 130 <= len((sentence * 6).split()) <= 160  # about 140 words, as a browser copies them
    mime = QMimeData()
    mime.setHtml(fragment)
    QGuiApplication.clipboard().setMimeData(mime)
    assert not QGuiApplication.clipboard().mimeData().hasText()
    analysed(qtbot, window, window.paste_action.trigger)
    assert window.document.title == "Wall plan"
    assert "Regional Flood Authority" in window.article.toPlainText()
    assert not window.message_text()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_pasting_html_offered_under_another_name_or_in_utf16(qtbot, window, encoding):  # noqa: F811
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    sentence = "The mayor said on Monday that the river wall would be widened before the winter storms. "
    fragment = f"<article><h2>River wall</h2><p>{sentence * 4}</p><p>{sentence * 3}</p></article>"
    mime = QMimeData()
    mime.setData("text/html;charset=utf-16" if encoding == "utf-16" else "text/html;charset=utf-8",
                 fragment.encode(encoding))  # Python's utf-16 codec writes the byte-order mark
    QGuiApplication.clipboard().setMimeData(mime)
    analysed(qtbot, window, window.paste_action.trigger)
    assert window.document.title == "River wall"
    assert "winter storms" in window.article.toPlainText()


def test_dark_theme_greys_disabled_buttons(window):  # noqa: F811
    from PySide6.QtGui import QPalette

    from desktop.ui.app import dark_palette

    palette = dark_palette()
    window.glossary.setPalette(palette)
    assert not window.glossary.previous.isEnabled()  # nothing selected
    role = QPalette.ColorRole.ButtonText
    enabled = palette.color(QPalette.ColorGroup.Active, role)
    disabled = palette.color(QPalette.ColorGroup.Disabled, role)
    background = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button)
    assert enabled.lightness() - disabled.lightness() >= 80
    assert disabled.lightness() - background.lightness() < enabled.lightness() - background.lightness()
    assert window.glossary.previous.palette().color(QPalette.ColorGroup.Disabled, role) == disabled


def test_summary_tint_and_organisation_colour_are_far_apart_and_acronyms_match_the_pdf(window):  # noqa: F811
    from PySide6.QtGui import QTextCursor

    from desktop.exporters import palette

    summary, organisation = QColor(colors.SUMMARY_LIGHT), QColor(colors.ENTITY_COLOURS["ORG"][0])
    hue_gap = abs(summary.hslHue() - organisation.hslHue())
    assert min(hue_gap, 360 - hue_gap) >= 90
    from tests.exporters.conftest import make_document

    document = make_document(["The council met the RFA on Monday. The RFA said it would pay."],
                             glossary=[{"term": "RFA", "expansion": "Regional Flood Authority"}])
    window.show_document(document)  # an acronym that is no entity: the PDF's Acronym colour, in the window too
    cursor = QTextCursor(window.article.document())
    cursor.setPosition(document.text.index("RFA") + 1)
    assert cursor.charFormat().background().color() == QColor(palette.ACRONYM.colour)
    assert window.legend.buttons["ACRONYM"].text() == "Acronyms"


def test_an_organisation_explained_by_the_article_is_not_called_unknown(qtbot, window):  # noqa: F811
    text = ("The list also included drone maker Zentrovia Aerial Systems, according to the document. Officials said "
            "Zentrovia Aerial Systems would appeal. Dawn could not reach Zentrovia Aerial Systems for comment.")
    analysed(qtbot, window, lambda: window.analyse_text(text))
    window.glossary.select_term("Zentrovia Aerial Systems")
    details = shown(window.glossary.details.text(), window.glossary.details.textFormat())
    assert "drone maker" in details.lower() and "unknown" not in details and "no glossary knows it" not in details
    window.glossary.select_term("Dawn")
    details = shown(window.glossary.details.text(), window.glossary.details.textFormat())
    assert "Dawn — Dawn" not in details and "newspaper" in details
