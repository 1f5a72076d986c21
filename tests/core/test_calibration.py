"""Calibrated confidence: a built-in meaning is asserted only when the article's evidence makes it likely."""

import pytest

from desktop.core.glossary import calibration
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.evaluation.glossary import GlossaryScore, reliability_table, same_expansion
from tests.conftest import ROOT, SEED

OPTIONS = AnalysisOptions(algorithm="lead", user_glossary=False, learn=False)


def _entry(document, term):
    return next(e for e in document.glossary if e.term == term)


def test_a_supported_news_meaning_is_asserted_with_high_confidence():
    text = (
        "Militants of the TTP attacked a checkpoint near Peshawar in Khyber Pakhtunkhwa on Monday. "
        "Pakistan's interior minister said the TTP would be pursued. Officials in Islamabad met later."
    )
    entry = _entry(analyze(text, OPTIONS), "TTP")
    assert entry.expansion == "Tehreek-e-Taliban Pakistan"
    assert entry.confidence >= 0.8


def test_an_unsupported_jargon_sense_is_only_a_possible_meaning():
    # Nothing in a story about a garden fete speaks for any sense of "DICE" or "ANT": possible meanings only.
    text = (
        "The village fete raised money for the church roof. Volunteers from ANT ran the cake stall, and the "
        "DICE committee thanked everyone who baked. Rain held off until the evening."
    )
    document = analyze(text, OPTIONS)
    for term in ("ANT", "DICE"):
        entry = _entry(document, term)
        assert entry.expansion is None, entry
        assert entry.alternatives, "the candidates stay visible as possible meanings"


def test_asserted_meanings_never_show_a_confidence_below_the_threshold():
    text = "The CPU and the GPU share memory over PCIe; the OS schedules threads across the CPU cores."
    for entry in analyze(text, OPTIONS).glossary:
        if entry.source == "bundled" and entry.expansion:
            assert entry.confidence >= calibration.ASSERT_AT


def test_likelihood_grows_with_support_from_the_article():
    weak = calibration.Evidence({"margin": 0.4, "rivals": 1.6, "prior": 0.25})
    strong = calibration.Evidence({"margin": 1.0, "prior": 0.9, "curated": 1, "field": 1, "any_word": 1})
    assert calibration.likelihood(weak) < calibration.ASSERT_AT < calibration.likelihood(strong)


def test_same_expansion_tolerates_variants_but_not_other_meanings():
    assert same_expansion("GNU General Public License", "general public license")
    assert same_expansion("Comite Europeen de Normalisation", "comité européen de normalisation")
    assert same_expansion("Internet Protocol version 6", "internet protocol version six")
    assert same_expansion("Not Only SQL", "not only structured query language")
    assert not same_expansion("Prime Minister", "deputy prime minister")
    assert not same_expansion("intellectual property", "internet protocol")
    assert not same_expansion("South Africa", "rivest-shamir-adleman")


def test_reliability_table_counts_share_right_per_bucket():
    score = GlossaryScore(examples=[
        ("a", "X", "x", "x", "correct", 0.95), ("a", "Y", "y", "z", "wrong", 0.92),
        ("b", "Z", "z", "z", "correct", 0.75), ("b", "W", "w", None, "unexplained", None),
    ])
    lines = "\n".join(reliability_table(score))
    assert "0.9-1.0      2      1   50.0%" in lines
    assert "0.7-0.8      1      1  100.0%" in lines
    assert "at 0.8 or more: 1 of 2 right" in lines


DAWN = SEED.parent.parent / "eval" / "dawn_editorials_dev.jsonl"
DAWN_GOLD = ROOT / "desktop" / "evaluation" / "gold" / "dawn_editorials_dev_acronyms.json"


@pytest.mark.model
@pytest.mark.skipif(not DAWN.exists(), reason="the shared Dawn editorials are not beside this checkout")
def test_dawn_editorials_keep_their_acronyms_right_and_none_wrong():
    from desktop.evaluation.glossary import evaluate, read_records

    score = evaluate(read_records(DAWN, DAWN_GOLD))
    assert score.wrong == 0, [e for e in score.examples if e[4] == "wrong"]
    assert score.correct >= 0.9 * score.total


def test_an_annotators_bracketed_note_is_not_part_of_the_expansion():
    assert same_expansion("Eastern Time", "Eastern Time (US)")
    assert same_expansion("quick response", "quick response (code)")
    assert not same_expansion("Foreign Policy", "Foreign Office (magazine)")
    assert same_expansion("National Emergencies Operation Centre", "Nat\u00adi\u00adonal Emergencies Operation Cen\u00adtre")
