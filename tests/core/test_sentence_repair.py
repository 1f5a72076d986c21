"""Whole sentences: spaCy's cuts inside brackets, quotes and markup are mended; fragments are recognised."""

import pytest

from desktop.core.model import Sentence
from desktop.core.sentence_repair import is_fragment, mend
from desktop.core.summarizers.connectives import points_back


def _pieces(*parts: str, paragraph: int = 0) -> tuple[str, list[Sentence]]:
    """A text made of `parts` joined by spaces, cut exactly at the parts as spaCy might have cut it."""
    text, sentences, position = "", [], 0
    for part in parts:
        if text:
            text += " "
            position += 1
        sentences.append(Sentence(position, position + len(part), paragraph, tuple(part.lower().split())))
        text += part
        position += len(part)
    return text, sentences


def _texts(text, sentences):
    return [text[s.start:s.end] for s in sentences]


def test_a_cut_inside_square_brackets_is_mended():
    text, pieces = _pieces("Storms flooded the square twice, see [", "1] for the records.", "Work starts in April.")
    assert _texts(text, mend(text, pieces)) == [
        "Storms flooded the square twice, see [ 1] for the records.", "Work starts in April."
    ]


def test_a_cut_inside_markup_shown_as_text_is_mended():
    text, pieces = _pieces("The fault lay in engineering. <", "script>alert(1)</script> was the text they saw.")
    assert len(mend(text, pieces)) == 1


def test_a_quotation_cut_before_its_footnote_and_speaker_is_mended():
    text, pieces = _pieces('"We cannot keep paying for the same work.', '[2]" said one fisherman.')
    assert len(mend(text, pieces)) == 1


def test_a_footnote_mark_cut_off_an_unfinished_sentence_rejoins_it():
    text, pieces = _pieces("The market square flooded twice", "[1].")
    assert _texts(text, mend(text, pieces)) == ["The market square flooded twice [1]."]


def test_a_bracket_that_never_closes_swallows_nothing():
    text, pieces = _pieces("A stray ( opens here.", "One.", "Two.", "Three.", "Four.", "Five.", "Six.")
    assert len(mend(text, pieces)) == len(pieces)


def test_paragraphs_are_never_joined():
    text, first = _pieces("An open ( bracket here.")
    _, second = _pieces("closes ) there.", paragraph=1)
    second = [Sentence(len(text) + 1 + s.start, len(text) + 1 + s.end, 1, s.words) for s in second]
    text = text + " closes ) there."
    assert len(mend(text, first + second)) == 2


def test_ordinary_sentences_are_left_alone():
    text, pieces = _pieces("The council met on Monday.", "It voted to rebuild the wall.", "Work starts soon.")
    assert mend(text, pieces) == pieces


@pytest.mark.parametrize(
    "text",
    ["-----", "* * *", "*", "--", "[1]", "1]", "•", ".", "same work.", "| Sea wall | 12m |",
     "[1] Flood records of the harbour office.", "2019 2020 2021 12.5 13.1 and more",
     "DR. GAVIN WOOD FOUNDER, ETHEREUM & ETHCORE GAVIN@ETHCORE.IO",
     "• Ministry of Maritime Affairs to take action against ex-chairman and two general managers"],
)
def test_separators_marks_bullets_table_rows_and_short_pieces_are_fragments(text):
    assert is_fragment(text, tuple(w for w in text.lower().split() if any(c.isalnum() for c in w)))


def test_a_real_sentence_is_no_fragment():
    text = "The council will borrow 12 million euros for the work."
    assert not is_fragment(text, tuple(text.lower().rstrip(".").split()))
    text = "CONSIDERING the relentless wave of attacks, the state must act."  # an editorial's opening word
    assert not is_fragment(text, tuple(text.lower().rstrip(".").split()))
    text = "• The council will borrow 12 million euros for the sea wall."  # a bulleted point that is a sentence
    assert not is_fragment(text, tuple(text.lower().rstrip(".").split()[1:]))


@pytest.mark.parametrize(
    "words, expected",
    [
        (("moreover", "the", "plan", "fails"), True),
        (("however", "the", "plan", "fails"), True),
        (("this", "is", "why"), True),
        (("in", "this", "regard", "it", "has", "emerged"), True),
        (("this", "year", "the", "plan", "failed"), False),
        (("the", "council", "voted"), False),
        (("further", "probes", "are", "required"), False),
    ],
)
def test_sentences_that_point_back(words, expected):
    assert points_back(words) is expected
