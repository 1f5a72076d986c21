"""The summary panel says which kind of article it assumed, and the user can say otherwise (offscreen Qt)."""

from __future__ import annotations

import pytest

from desktop.core.model import SummaryLength
from tests.conftest import SEED
from tests.ui.test_window import analysed, window  # noqa: F401 (the fixture)

pytestmark = pytest.mark.model


def test_the_seed_editorial_is_read_as_an_editorial_and_the_user_can_override_it(qtbot, window):  # noqa: F811
    analysed(qtbot, window, lambda: window.analyse_text(SEED.read_text(encoding="utf-8")))
    assert "editorial or opinion" in window.summary.kind_note.text()
    assert "recognised" in window.summary.kind_note.text()
    as_argument = list(window.document.summary.sentences)
    shown = [window.summary.sentences.item(i).text() for i in range(window.summary.sentences.count())]
    assert any("National Action Plan" in text for text in shown) and any("IS-K" in text for text in shown)

    news = window.summary.kind_choice.findData("news")
    analysed(qtbot, window, lambda: window.summary.kind_choice.setCurrentIndex(news))
    assert window.document.summary.kind == "news" and window.document.summary.kind_source == "chosen"
    assert "news report (as you chose)" in window.summary.kind_note.text()
    assert list(window.document.summary.sentences) != as_argument

    analysed(qtbot, window, lambda: window.summary.amount.setValue(2))
    assert window.document.summary.kind == "news", "the user's choice holds when the length changes"


def test_a_length_that_covers_the_whole_article_says_so(qtbot, window):  # noqa: F811
    window.summary.set_options("news", SummaryLength("words", 100))
    analysed(qtbot, window, lambda: window.analyse_text("The city will plant 500 trees this spring. Work starts in March."))
    assert window.document.summary.whole_article
    assert window.summary.sentences.count() == 1
    assert "read it in full" in window.summary.sentences.item(0).text()
