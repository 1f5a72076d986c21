"""Prepare raw text for analysis: normalise it, refuse what cannot be analysed, and find its paragraphs.

The normalised text is what the Document returns, so every offset the analysis reports indexes it exactly.
Normalising only ever replaces characters one for one or removes them *before* any offset is taken.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass

from desktop.core.errors import PrecisError

# C0 and C1 control characters other than tab and newline: NUL from bad copies, form feeds from PDFs, ...
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’»)\]]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•+]|\d{1,3}[.)])\s")

#: Longer texts are refused before any analysis: five million characters are some 800,000 words, a shelf of
#: books, which would take minutes and more memory than a summary is worth; chapters can be analysed one by one.
MAX_ANALYSIS_CHARS = 5_000_000
#: A paragraph longer than this is handed to spaCy in pieces, which keeps memory flat on pasted books.
MAX_CHUNK_CHARS = 20_000
#: spaCy's tokenizer strips prefixes and suffixes one at a time, rescanning the rest each time: its cost grows
#: with the square of a run without spaces ("[[[[…" of 4,000 characters took 1.3 s, "((((…a)a)" of 6,000 took
#: 14 s). No word is this long, so spaCy sees such a run with every MAX_RUN_CHARS-th character made a space.
MAX_RUN_CHARS = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[\w./:%?=&+#~-]{1,2000}[\w/]\Z", re.I)
#: A run of punctuation is one token per character for spaCy's neural components, five times the tokens of
#: prose per KB; a run of eight or more (no sentence ends like that: '...]"' is four) is read as its first three
#: characters and spaces.
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{8,}")


#: spaCy's neural components cost per token, so a long paragraph far denser in tokens than language costs several
#: times prose per KB; such a paragraph is tokenised only, and read as one sentence without names. Not language:
#: more than MAX_PROSE_TOKEN_DENSITY tokens a character (news and papers stay below 0.28; Markdown residue like
#: "*a **b *a" is 0.7), or more than DENSE_TOKEN_DENSITY with under MIN_WORD_SHARE of its tokens words of two
#: letters or more (a table of numbers: 0.3 and 0.2; the least wordy of 3,400 paragraphs in the dev sets: 0.46).
MAX_PROSE_TOKEN_DENSITY = 0.5
DENSE_TOKEN_DENSITY = 0.25
MIN_WORD_SHARE = 0.3
MIN_DENSITY_CHECK_CHARS = 200
_TOKEN_ESTIMATE = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def looks_like_language(characters: int, tokens: int, words: int, tables: bool = True) -> bool:
    """Whether text of this many characters, estimated tokens and words is worth spaCy's model (see above).

    `tables=False` keeps the model for number tables: a run of short lines (a league table, a scorecard) is
    dense in numbers yet names the teams and players a reader looks for, and costs the model less than twice
    prose; only text far denser still (200,000 lines of "A.") is left to the tokenizer."""
    if characters < MIN_DENSITY_CHECK_CHARS:
        return True
    if tokens > MAX_PROSE_TOKEN_DENSITY * characters:
        return False
    return not (tables and tokens > DENSE_TOKEN_DENSITY * characters and words < MIN_WORD_SHARE * tokens)


@dataclass(frozen=True)
class Paragraph:
    """A stretch of the normalised text analysed as one unit; `nlp_text` has the same length as the span."""

    start: int
    end: int
    nlp_text: str
    #: About how many tokens spaCy will make of it (words, numbers and punctuation marks), and how many words.
    tokens: int = 0
    words: int = 0

    @property
    def prose(self) -> bool:
        """False for a long paragraph far denser in tokens than any language (see `looks_like_language`)."""
        return looks_like_language(len(self.nlp_text), self.tokens, self.words)


def normalise(text: str) -> str:
    """Line endings become LF, a byte-order mark goes, control characters become spaces.

    Paragraph and line separators (U+2029, U+2028) and form feeds become line breaks so that paragraphs survive.
    """
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n").replace("\f", "\n\n")
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub(" ", text)


def check_analysable(raw: str) -> None:
    """Raise PrecisError for text that has nothing to analyse or is evidently not text at all."""
    if not raw or not raw.strip():
        raise PrecisError("There is no text to analyse.", "Paste or open an article with at least one sentence.")
    if len(raw) > MAX_ANALYSIS_CHARS:
        raise PrecisError(
            f"The text is {len(raw) / 1e6:,.1f} million characters long, more than the "
            f"{MAX_ANALYSIS_CHARS / 1e6:,.0f} million Précis analyses at once.",
            "Split it into parts (chapters, sections) and analyse them one at a time.",
        )
    sample = raw[:200_000]
    odd = len(_CONTROL.findall(sample)) + sample.count("\ufffd") + len(_LONE_SURROGATE.findall(sample))
    if odd > 0.1 * len(sample):
        raise PrecisError(
            "This looks like binary data, not text.",
            "Open the document itself (a text, Markdown, web page or PDF file), not a program or archive.",
        )
    if not any(unicodedata.category(ch).startswith("L") for ch in sample):
        raise PrecisError("The text contains no words.", "Paste or open an article written in words.")


def paragraphs(text: str) -> list[Paragraph]:
    """Split normalised text into paragraphs that no sentence may cross.

    Blank lines always end a paragraph. Inside a block, each line is its own paragraph (headlines, list items,
    one-sentence-per-line texts) unless the block is hard-wrapped prose, whose line breaks are then read as
    spaces. Very long paragraphs are cut at whitespace so spaCy never sees more than MAX_CHUNK_CHARS at once.
    """
    result: list[Paragraph] = []
    for block_start, block_end in _spans_between(text, _BLANK_LINES):
        block = text[block_start:block_end]
        lines = list(_line_spans(block))
        if _is_hard_wrapped([block[s:e] for s, e in lines]):
            units = [(block_start, block_end)]
        else:
            units = [(block_start + s, block_start + e) for s, e in lines]
        for start, end in units:
            for chunk_start, chunk_end in _chunks(text, start, end):
                chunk = text[chunk_start:chunk_end]
                if chunk.strip():
                    nlp_text = tokenizable(chunk.replace("\n", " "))
                    tokens = len(_TOKEN_ESTIMATE.findall(nlp_text))
                    words = len(_WORD.findall(nlp_text))
                    result.append(Paragraph(chunk_start, chunk_end, nlp_text, tokens, words))
    return result


def tokenizable(text: str) -> str:
    """`text` as spaCy should see it: the same length (offsets still index the user's text), but with runs of
    punctuation past their third character read as spaces, and runs of more than MAX_RUN_CHARS characters
    without a space cut by a space every MAX_RUN_CHARS characters."""
    text = _PUNCTUATION_RUN.sub(lambda match: match.group()[:3] + " " * (len(match.group()) - 3), text)
    if len(text) <= MAX_RUN_CHARS:
        return text
    return _LONG_RUN.sub(_cut_run, text)


def _cut_run(match: re.Match[str]) -> str:
    if _WEB_ADDRESS.match(match.group()):  # spaCy recognises an address whole, before any affix splitting
        return match.group()
    characters = list(match.group())
    cuts = range(MAX_RUN_CHARS - 1, len(characters), MAX_RUN_CHARS)
    characters[MAX_RUN_CHARS - 1::MAX_RUN_CHARS] = [" "] * len(cuts)
    return "".join(characters)


def _spans_between(text: str, separator: re.Pattern[str]):
    position = 0
    for match in separator.finditer(text):
        yield position, match.start()
        position = match.end()
    yield position, len(text)


def _line_spans(block: str):
    position = 0
    for line in block.split("\n"):
        yield position, position + len(line)
        position += len(line) + 1


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Prose wrapped at a fixed width: similar line lengths, and most lines stop mid-sentence."""
    body = [line for line in lines[:-1] if line.strip()]
    if len(body) < 2 or any(_LIST_ITEM.match(line) for line in lines):
        return False
    lengths = [len(line.rstrip()) for line in body]
    if not 30 <= statistics.median(lengths) <= 120:
        return False
    open_ended = sum(1 for line in body if not _SENTENCE_END.search(line))
    return open_ended >= 0.5 * len(body)


def _chunks(text: str, start: int, end: int):
    while end - start > MAX_CHUNK_CHARS:
        limit = start + MAX_CHUNK_CHARS
        cut = max(text.rfind(". ", start, limit), text.rfind("\n", start, limit))
        cut = cut + 1 if cut > start + MAX_CHUNK_CHARS // 2 else text.rfind(" ", start, limit)
        if cut <= start:
            cut = limit
        yield start, cut
        start = cut
    yield start, end
