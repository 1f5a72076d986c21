"""Issue 16, finding 3: small hostile inputs cost work in proportion to their size. Each shape here is a small
reproducer of one that took minutes or gigabytes; the tests count the work spaCy is given (what its tokenizer
sees, how many tokens reach its neural model, in what batches) rather than time it. The times themselves are in
`python -m desktop.bench.hostile`.
"""

from __future__ import annotations

import re

import pytest

from desktop.bench import hostile
from desktop.core import nlp as nlp_loader
from desktop.core import pipeline, textprep
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.importers import load_bytes

OPTIONS = AnalysisOptions(user_glossary=False, learn=False)
_RUN = re.compile(r"\S+")
_PUNCTUATION = re.compile(r"[^\w\s]+")


class CountingPipeline:
    """The real spaCy pipeline, with a record of every text it tokenises and of each call to its model."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.model_calls: list[list[str]] = []
        self.model_tokens = 0
        self.tokenised_only: list[str] = []

    def pipe(self, texts, batch_size=32):
        texts = list(texts)
        self.model_calls.append(texts)
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            self.model_tokens += len(doc)
            yield doc

    def make_doc(self, text):
        self.tokenised_only.append(text)
        return self.nlp.make_doc(text)

    def texts(self):
        return [t for call in self.model_calls for t in call] + self.tokenised_only


@pytest.fixture
def counting(monkeypatch):
    counter = CountingPipeline(nlp_loader.load_pipeline())
    monkeypatch.setattr(pipeline.nlp_loader, "load_pipeline", lambda name=None: counter)
    return counter


SHAPES = {  # name: (generator, scale): each a few KB to a few dozen KB
    "brackets": (hostile.brackets, 0.4),
    "md-emphasis": (hostile.markdown_emphasis, 0.1),
    "md-brackets": (hostile.markdown_brackets, 0.1),
    "a-dot-lines": (hostile.a_dot_lines, 0.05),
    "md-table": (hostile.markdown_table, 0.02),
    "acronyms": (hostile.acronym_dense, 0.2),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_text_gives_spacy_work_in_proportion_to_its_size(counting, shape):
    make, scale = SHAPES[shape]
    data, name = make(scale)
    source = load_bytes(data, name=name)
    document = analyze(source.text, OPTIONS, title=source.title)

    assert document.text == textprep.normalise(source.text)  # the user's text, whatever spaCy was shown
    assert document.sentences
    for text in counting.texts():  # nothing the tokenizer is quadratic on
        assert max((len(run) for run in _RUN.findall(text)), default=0) <= textprep.MAX_RUN_CHARS
        assert max((len(run) for run in _PUNCTUATION.findall(text)), default=0) < 8
    # the neural model sees at most MAX_PROSE_TOKEN_DENSITY tokens a character (prose has about 0.2; these
    # shapes had up to one a character, and the bracket runs one a character on a quadratic tokenizer)
    assert counting.model_tokens <= textprep.MAX_PROSE_TOKEN_DENSITY * len(document.text)
    # and gets them in bounded groups, not one call per line nor all at once
    for call in counting.model_calls:
        assert sum(map(len, call)) <= pipeline.BATCH_CHARS + textprep.MAX_CHUNK_CHARS
    assert len(counting.model_calls) <= len(document.text) / 2_000 + 2


def test_ordinary_prose_still_goes_through_the_model_whole(counting):
    data, _ = hostile.prose(0.2)
    document = analyze(data.decode(), OPTIONS)
    assert not counting.tokenised_only
    assert counting.model_tokens > 0.15 * len(document.text)
    assert document.entities


def test_offsets_index_the_users_text_around_a_bracket_run(counting):
    text = "The Pakistan Cricket Board met in Lahore. " + "[" * 3000 + " note " + "]" * 3000 + "\n\nNATO said no."
    document = analyze(text, OPTIONS)
    assert document.text == text
    assert any(text[e.start:e.end] == "Lahore" for e in document.entities)
    assert all(text[s.start:s.end].strip() == text[s.start:s.end] for s in document.sentences)


def test_tokenizable_keeps_the_length_and_cuts_only_long_runs():
    text = ('Normal words, (a bracket) and... "an ellipsis...]" ' + "https://example.com/" + "a" * 100 + " "
            + "x" * 150 + " " + "=" * 20 + " end")
    seen = textprep.tokenizable(text)
    assert len(seen) == len(text)
    assert seen.startswith('Normal words, (a bracket) and... "an ellipsis...]" https://example.com/' + "a" * 100 + " ")
    assert seen.endswith(" ===" + " " * 17 + " end")
    assert max(len(run) for run in _RUN.findall(seen) if not run.startswith("https:")) <= textprep.MAX_RUN_CHARS


def test_a_markdown_emphasis_bomb_is_read_without_parsing_its_giant_block():
    from desktop.importers import markdown

    data, name = hostile.markdown_emphasis(0.2)  # 70 KB, one block: past MAX_INLINE_CHARS
    source = load_bytes(data, name=name)
    assert source.text == data.decode().strip()  # its markup kept as the literal text it is
    small = "# Title\n\nSome *emphasis* and a [link][r] and \\*escaped\\*.\n\n[r]: https://example.com\n"
    assert markdown.to_text(small) == ("Title\n\nSome emphasis and a link and *escaped*.", "Title")


def test_a_page_of_too_many_blocks_is_read_without_trafilatura(monkeypatch):
    from desktop.importers import html

    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura's cost grows faster than the page: not on this one")

    monkeypatch.setattr(html, "_trafilatura", refuse)
    monkeypatch.setattr(html, "MAX_TRAFILATURA_BLOCKS", 2_000)
    data, name = hostile.html_paragraphs(0.03)  # 3,000 paragraphs
    source = load_bytes(data, name=name)
    assert source.text.count("says a little.") == 3_000


def test_a_text_too_long_to_analyse_well_is_refused_before_spacy_sees_it(counting):
    from desktop.core.errors import PrecisError

    text = "The council met on Monday. " * (textprep.MAX_ANALYSIS_CHARS // 27 + 1)
    with pytest.raises(PrecisError, match="million characters long") as raised:
        analyze(text, OPTIONS)
    assert raised.value.hint and "\n" not in str(raised.value)
    assert not counting.texts()  # refused before any work
