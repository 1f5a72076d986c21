"""Summaries a reader would choose, on real text with the real spaCy model: whole sentences, no headlines or
fragments in any algorithm or length mode, editorials summarised by their argument, and honesty when the
length asked for covers the whole article."""

from pathlib import Path

import pytest

from desktop.core.contract import document_to_dict
from desktop.core.model import SummaryLength
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.core.summarize import ALGORITHMS
from tests.conftest import DATA, SEED

pytestmark = pytest.mark.model

FRAGMENTS_ARTICLE = DATA / "fragments-article.txt"
LENGTHS = [SummaryLength("sentences", 4), SummaryLength("ratio", 0.5), SummaryLength("words", 60)]
OPENERS, CLOSERS = "([{", ")]}"


def _options(**kwargs) -> AnalysisOptions:
    return AnalysisOptions(glossary=False, user_glossary=False, learn=False, **kwargs)


@pytest.fixture(scope="module")
def fragments_text() -> str:
    return FRAGMENTS_ARTICLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("length", LENGTHS, ids=lambda length: length.unit)
@pytest.mark.parametrize("algorithm", [a for a in ALGORITHMS if a != "lead"])
def test_no_fragment_headline_or_cut_bracket_is_ever_chosen(fragments_text, algorithm, length):
    document = analyze(fragments_text, _options(algorithm=algorithm, length=length))
    chosen = document.summary_texts()
    assert chosen
    for text in chosen:
        assert text != "Harbour council votes to rebuild the old sea wall", "the headline is never chosen"
        assert len(text.split()) >= 4, f"fragment chosen: {text!r}"
        assert any(ch.isalpha() for ch in text) and "|" not in text, f"separator or table row: {text!r}"
        assert not text.lstrip().startswith(("[", "*", "-", "<", "script>", "1]")), f"cut piece: {text!r}"
        for left, right in zip(OPENERS, CLOSERS):
            assert text.count(left) == text.count(right), f"cut bracket in {text!r}"
        assert text.count('"') % 2 == 0, f"cut quotation in {text!r}"


def test_the_cut_markup_and_footnote_are_whole_sentences(fragments_text):
    document = analyze(fragments_text, _options())
    texts = [document.sentence_text(i) for i in range(len(document.sentences))]
    assert any(t.startswith("The clerk's note read") and t.endswith("nothing else changed.") for t in texts)
    assert any(t.endswith("flooded the market square twice [1].") for t in texts)


def test_the_seed_editorial_is_summarised_by_its_argument():
    document = analyze(SEED.read_text(encoding="utf-8"), _options())
    assert document.summary.kind == "argument" and document.summary.kind_source == "detected"
    summary = " ".join(document.summary_texts())
    assert "National Action Plan" in summary or "NAP" in summary, summary
    assert "IS-K" in summary, summary
    assert not summary.startswith("date"), "the page's date is no summary sentence"


def test_the_user_can_override_the_kind():
    text = SEED.read_text(encoding="utf-8")
    as_news = analyze(text, _options(kind="news"))
    assert as_news.summary.kind == "news" and as_news.summary.kind_source == "chosen"
    assert as_news.summary.sentences != analyze(text, _options()).summary.sentences


def test_a_budget_that_covers_the_article_says_so(fragments_text):
    short = "City to plant trees\n\nThe city will plant 500 trees this spring. The work starts in March."
    whole = analyze(short, _options(length=SummaryLength("words", 100)))
    assert whole.summary.whole_article and document_to_dict(whole)["summary"]["whole_article"] is True
    assert "City to plant trees" not in whole.summary_texts()
    part = analyze(fragments_text, _options(length=SummaryLength("words", 60)))
    assert not part.summary.whole_article
