"""Undoing what the glossary learned or what you defined, from the window (Edit menu and the panel's menu)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from desktop.ui.glossary_panel import forget_label
from desktop.ui.main_window import MainWindow
from tests.ui.test_window import analysed

pytestmark = pytest.mark.model

DEFINING = "Floods in Sindh\n\nThe Regional Flood Authority (RFA) in Sindh opened relief camps near Sukkur, Pakistan."
USING = "Relief in Sindh\n\nIn Karachi, Sindh officials said the RFA would open more camps near the flood zone in Pakistan."


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / "data"))
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.controller.cancel()
    window.controller.wait()
    QGuiApplication.clipboard().clear()


def _entry(window, term):
    return next(e for e in window.document.glossary if e.term == term)


def test_a_learned_meaning_says_where_it_came_from_and_the_edit_menu_forgets_it(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(DEFINING, title="Floods in Sindh"))
    analysed(qtbot, window, lambda: window.analyse_text(USING))
    entry = _entry(window, "RFA")
    assert (entry.expansion, entry.learned_from) == ("Regional Flood Authority", "Floods in Sindh")
    assert "Learned from Floods in Sindh" in window.article.tooltip_at(window.document.text.index("RFA"))
    window.glossary.select_term("RFA")
    assert forget_label(entry) == "Forget the learned meaning"
    analysed(qtbot, window, window.forget_action.trigger)
    entry = _entry(window, "RFA")
    assert entry.learned_from is None and entry.expansion != "Regional Flood Authority"


def test_forgetting_your_own_meaning_lets_the_article_decide_again(qtbot, window):
    analysed(qtbot, window, lambda: window.analyse_text(USING))
    analysed(qtbot, window, lambda: window.define_entry("RFA", "Rural Football Association", "", "acronym"))
    assert _entry(window, "RFA").source == "user"
    window.glossary.select_term("RFA")
    analysed(qtbot, window, window.glossary.request_forget)
    assert _entry(window, "RFA").expansion != "Rural Football Association"
