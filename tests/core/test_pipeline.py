"""The analysis of real text with the real spaCy model."""

import subprocess
import sys
import textwrap

import pytest

from desktop.core.contract import document_to_dict
from desktop.core.errors import AnalysisCancelled, PrecisError
from desktop.core.model import SummaryLength
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.core.summarize import ALGORITHMS
from tests.conftest import SAMPLE, SEED
from tests.contract import assert_valid_analysis

pytestmark = pytest.mark.model

ODD_UNICODE = (
    "Angela Merkel met Emmanuel Macron in Paris on Monday.\r\n"
    "The talks\x00 went well\x07, said the Élysée\u0301 press office 😀👍🏽.\r\n\r\n"
    "Mathematicians in 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 City praised Google and the United Nations.\r"
    "Café owners in Zürich, Straße 9, asked the European Union for help.\u2029"
    "Barack Obama visited Berlin afterwards."
)


@pytest.fixture(scope="module")
def sample_document():
    return analyze(SAMPLE.read_text(encoding="utf-8"))


def test_sample_article_has_sentences_entities_and_a_three_sentence_summary(sample_document):
    data = document_to_dict(sample_document)
    assert_valid_analysis(data)
    assert len(sample_document.sentences) >= 15
    assert len(sample_document.summary.sentences) == 3
    found = {(e.text, e.label) for e in sample_document.entities}
    assert ("Regional Flood Authority", "ORG") in found  # a leading "the" is no part of a name
    assert any(label == "DATE" and text == "Tuesday" for text, label in found)


def test_sentences_never_cross_a_paragraph_break():
    text = "Headline without a full stop\n\nFirst paragraph starts here and ends here.\nAnother line"
    document = analyze(text)
    texts = [document.sentence_text(i) for i in range(len(document.sentences))]
    assert texts == ["Headline without a full stop", "First paragraph starts here and ends here.", "Another line"]
    assert [s.heading for s in document.sentences] == [True, False, True]


def test_a_scraped_date_glued_to_the_first_sentence_becomes_a_heading_and_the_text_is_unchanged():
    text = (
        "date 2026-02-27 CONSIDERING the floods of the past weeks, the council acted well. "
        "It met on Monday and agreed a plan.\n\nThe plan costs little and helps many towns."
    )
    document = analyze(text, AnalysisOptions(length=SummaryLength("sentences", 1)))
    assert document.text == text
    assert document.sentence_text(0) == "date 2026-02-27" and document.sentences[0].heading
    assert document.sentence_text(1).startswith("CONSIDERING the floods")
    assert document.sentences[1].words[0] == "considering"
    assert 0 not in document.summary.sentences


def test_the_headline_is_marked_as_a_heading_and_kept_out_of_the_summary(sample_document):
    assert sample_document.sentences[0].heading
    assert sample_document.sentence_text(0) == "River towns weigh the cost of the next flood"
    assert 0 not in sample_document.summary.sentences


def test_offsets_hold_on_crlf_nul_controls_accents_emoji_and_astral_text():
    document = analyze(ODD_UNICODE)
    assert "\r" not in document.text and "\x00" not in document.text
    assert_valid_analysis(document_to_dict(document))
    names = {e.text for e in document.entities}
    assert {"Angela Merkel", "Emmanuel Macron", "Paris", "Barack Obama", "Berlin"} <= names
    assert any("𝔘𝔫𝔦𝔠𝔬𝔡𝔢" in document.sentence_text(i) for i in range(len(document.sentences)))


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_summarises_the_sample(algorithm):
    document = analyze(SAMPLE.read_text(encoding="utf-8"), AnalysisOptions(algorithm=algorithm))
    assert document.summary.algorithm == algorithm
    assert len(document.summary.sentences) == 3


def test_length_as_ratio_and_word_budget(sample_document):
    text = SAMPLE.read_text(encoding="utf-8")
    by_ratio = analyze(text, AnalysisOptions(length=SummaryLength("ratio", 0.5)))
    assert len(by_ratio.summary.sentences) == round(0.5 * sum(s.eligible for s in by_ratio.sentences))
    by_words = analyze(text, AnalysisOptions(length=SummaryLength("words", 60)))
    assert 0 < sum(len(by_words.sentences[i].words) for i in by_words.summary.sentences) <= 60


def test_one_or_two_sentences_are_their_own_summary():
    document = analyze("The river rose on Monday. The mayor called a meeting.")
    assert document.summary.sentences == (0, 1)


@pytest.mark.parametrize("bad", ["", "  \n\n ", "\x00\x01\x02\x03\x04" * 40, "42 -- 17 ... 3.14"])
def test_input_that_cannot_be_analysed_raises_one_error_type(bad):
    with pytest.raises(PrecisError) as caught:
        analyze(bad)
    assert caught.value.message and caught.value.hint


def test_text_mostly_not_in_english_is_analysed_with_a_warning():
    text = (
        "Le conseil municipal a approuvé lundi le nouveau plan contre les inondations. "
        "Les habitants se sont dit soulagés, mais beaucoup s'inquiètent du coût des travaux. "
        "Le maire a promis une réunion publique le mois prochain."
    )
    document = analyze(text)
    assert document.language == "French"
    assert document.warnings and "French" in document.warnings[0]
    assert document.summary.sentences


def test_progress_is_reported_and_cancellation_stops_the_work():
    text = "\n\n".join(f"Paragraph {i} talks about the river. It rose again." for i in range(50))
    seen = []
    analyze(text, progress=lambda fraction, what: seen.append(fraction))
    assert seen[-1] == 1.0 and seen == sorted(seen)
    calls = []
    with pytest.raises(AnalysisCancelled):
        analyze(text, is_cancelled=lambda: calls.append(1) or len(calls) > 3)


def test_an_unknown_algorithm_is_a_precis_error():
    with pytest.raises(PrecisError, match="Unknown summary algorithm"):
        AnalysisOptions(algorithm="magic")


def test_a_missing_model_names_the_install_command():
    with pytest.raises(PrecisError) as caught:
        analyze("The river rose.", AnalysisOptions(model="xx_no_such_model_sm"))
    assert "pip install" in caught.value.hint


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not beside this checkout")
def test_seed_editorial_offsets_hold():
    document = analyze(SEED.read_text(encoding="utf-8"))
    assert_valid_analysis(document_to_dict(document))
    assert {"IS-K", "TTP", "Islamabad"} <= {e.text for e in document.entities}


def test_every_algorithm_finishes_on_a_20000_word_text():
    paragraphs = SAMPLE.read_text(encoding="utf-8").split("\n\n")
    text = "\n\n".join(f"{p} (Part {i}.)" for i in range(60) for p in paragraphs)
    assert len(text.split()) >= 20_000
    document = analyze(text, AnalysisOptions(algorithm="lead"))
    from desktop.core.summarize import summarize

    texts = [document.text[s.start:s.end] for s in document.sentences]
    for algorithm in ALGORITHMS:
        summary = summarize(document.sentences, texts, algorithm, SummaryLength("sentences", 5))
        assert len(summary.sentences) == 5


def test_no_nltk_data_and_no_network_are_needed(tmp_path):
    """sumy's tokenizer would need NLTK's punkt; ours must not. Run with an empty NLTK_DATA and sockets blocked."""
    script = textwrap.dedent(
        f"""
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network disabled for this test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import nltk.data
        nltk.data.path[:] = [{str(tmp_path)!r}]
        try:
            nltk.data.find("tokenizers/punkt")
            raise SystemExit("punkt is available, so this test proves nothing")
        except LookupError:
            pass
        from desktop.core.pipeline import AnalysisOptions, analyze
        from desktop.core.summarize import ALGORITHMS
        text = open({str(SAMPLE)!r}, encoding="utf-8").read()
        for name in ALGORITHMS:
            assert len(analyze(text, AnalysisOptions(algorithm=name)).summary.sentences) == 3
        print("ok")
        """
    )
    env = {"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=SAMPLE.parents[1])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.model
def test_a_league_table_in_short_lines_still_has_its_names_read():
    """Short lines dense in numbers (a league table) go to the model with their names; only text far denser
    still (lines of "A.") is merely tokenised."""
    rows = ["Japan 3 2 1 0 5 2 7", "Syria 3 1 1 1 3 3 4", "Uzbekistan 3 1 0 2 2 4 3", "China 3 0 2 1 1 2 2"]
    text = "Asian Cup group A standings after Tuesday's matches:\n\n" + "\n\n".join(rows * 3) + "\n"
    document = analyze(text)
    named = {e.text for e in document.entities if e.label in ("GPE", "LOC", "ORG", "NORP", "PERSON")}
    assert {"Japan", "Syria", "China"} <= named, named
