"""Summaries on Documents built by hand: no spaCy model involved."""

import pytest

from desktop.core.model import Sentence, SummaryLength
from desktop.core.summarize import ALGORITHMS, choose, rate_sentences, summarize

TEXTS = [
    "The city council approved a new flood defence plan on Monday.",
    "The plan will raise the river banks along the old town.",
    "Engineers said the banks had been neglected for decades.",
    "Residents welcomed the decision but worried about the cost.",
    "The council will pay for the flood defences with a new levy.",
    "A public meeting about the levy is planned for next month.",
    "Some shop owners fear the levy will drive customers away.",
    "The mayor said the flood plan was the council's top priority.",
]


def _sentences(texts, paragraph_size=3):
    return [
        Sentence(0, 0, i // paragraph_size, tuple(w.strip(".,'").lower() for w in t.split()))
        for i, t in enumerate(texts)
    ]


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_returns_the_requested_count_in_document_order_with_scores(algorithm):
    summary = summarize(_sentences(TEXTS), TEXTS, algorithm, SummaryLength("sentences", 3))
    assert summary.algorithm == algorithm
    assert len(summary.sentences) == 3
    assert list(summary.sentences) == sorted(summary.sentences)
    assert len(summary.scores) == 3


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_repeated_identical_sentences_stay_distinct(algorithm):
    texts = TEXTS[:3] + [TEXTS[0]] * 3 + TEXTS[3:]
    sentences = _sentences(texts)
    scores = rate_sentences(sentences, texts, algorithm)
    assert len(scores) == len(texts)
    summary = summarize(sentences, texts, algorithm, SummaryLength("sentences", len(texts) - 1))
    assert len(summary.sentences) == len(texts) - 1 == len(set(summary.sentences))


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_one_sentence_is_its_own_summary(algorithm):
    summary = summarize(_sentences(TEXTS[:1]), TEXTS[:1], algorithm, SummaryLength("sentences", 3))
    assert summary.sentences == (0,)


def test_ratio_rounds_to_a_share_of_the_sentences():
    sentences = _sentences(TEXTS)
    assert len(choose([1.0] * 8, sentences, SummaryLength("ratio", 0.25))) == 2
    assert len(choose([1.0] * 8, sentences, SummaryLength("ratio", 0.01))) == 1


def test_word_budget_takes_best_sentences_that_fit_and_never_returns_nothing():
    sentences = _sentences(TEXTS)
    scores = [8, 7, 6, 5, 4, 3, 2, 1]
    chosen = choose(scores, sentences, SummaryLength("words", 25))
    assert sum(len(sentences[i].words) for i in chosen) <= 25
    assert chosen[:2] == [0, 1]
    assert choose(scores, sentences, SummaryLength("words", 1)) == [0]


def test_ties_go_to_the_earlier_sentence():
    assert choose([1.0, 2.0, 2.0, 2.0], _sentences(TEXTS[:4]), SummaryLength("sentences", 2)) == [1, 2]


def test_lead_takes_the_opening_sentences():
    summary = summarize(_sentences(TEXTS), TEXTS, "lead", SummaryLength("sentences", 3))
    assert summary.sentences == (0, 1, 2)


def test_edmundson_prefers_sentences_with_bonus_words_over_hedged_ones():
    texts = [
        "Perhaps the weather was somewhat nicer, arguably.",
        "Officials announced a major decision on the new plan.",
        "Perhaps it was possibly fine, presumably.",
    ]
    sentences = [Sentence(0, 0, 0, tuple(w.strip(".,").lower() for w in t.split())) for t in texts]
    summary = summarize(sentences, texts, "edmundson", SummaryLength("sentences", 1))
    assert summary.sentences == (1,)


@pytest.mark.parametrize("bad", [("sentences", 0), ("ratio", 0), ("ratio", 1.5), ("words", 2.5), ("pages", 1)])
def test_invalid_lengths_are_refused(bad):
    with pytest.raises(ValueError):
        SummaryLength(*bad)


def test_unknown_algorithm_is_refused():
    with pytest.raises(ValueError):
        rate_sentences(_sentences(TEXTS), TEXTS, "magic")


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_headings_are_never_chosen_while_sentences_remain(algorithm):
    texts = ["Flood plan approved"] + TEXTS + ["Published in the Valley Courier"]
    sentences = [Sentence(0, 0, 0, ("flood", "plan", "approved"), heading=True)]
    sentences += [Sentence(0, 0, 1 + i // 3, s.words) for i, s in enumerate(_sentences(TEXTS))]
    sentences += [Sentence(0, 0, 9, ("published", "in", "the", "valley", "courier"), heading=True)]
    summary = summarize(sentences, texts, algorithm, SummaryLength("sentences", len(TEXTS)), title="Flood plan approved")
    assert summary.sentences == tuple(range(1, len(TEXTS) + 1))


def test_a_text_of_only_short_lines_is_still_summarised():
    texts = ["First point", "Second point", "Third point"]
    sentences = [Sentence(0, 0, i, (t.lower(),), heading=True) for i, t in enumerate(texts)]
    assert summarize(sentences, texts, "lexrank", SummaryLength("sentences", 2)).sentences


def test_pairwise_methods_refuse_texts_too_long_for_them_with_a_hint(monkeypatch):
    from desktop.core import summarize as module
    from desktop.core.errors import PrecisError

    monkeypatch.setitem(module.ALGORITHMS, "lexrank", module.Algorithm("lexrank", "LexRank", "", max_sentences=5))
    with pytest.raises(PrecisError) as caught:
        rate_sentences(_sentences(TEXTS), TEXTS, "lexrank")
    assert "By article kind" in caught.value.hint
