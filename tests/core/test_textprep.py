import pytest

from desktop.core.errors import PrecisError
from desktop.core.textprep import MAX_CHUNK_CHARS, check_analysable, normalise, paragraphs


def _texts(text):
    return [text[p.start:p.end] for p in paragraphs(text)]


def test_line_endings_and_control_characters_are_normalised_one_for_one():
    assert normalise("\ufeffOne.\r\nTwo.\rThree.\x00Four\x07.") == "One.\nTwo.\nThree. Four ."


def test_blank_lines_separate_paragraphs_and_short_lines_stay_apart():
    text = "Headline in words\n\nFirst paragraph. Still first.\n\nSecond one.\nThird, on its own line."
    assert _texts(text) == [
        "Headline in words", "First paragraph. Still first.", "Second one.", "Third, on its own line.",
    ]


def test_hard_wrapped_prose_is_one_paragraph_read_with_spaces():
    wrapped = (
        "It was the best of times, it was the worst of times, it was the age\n"
        "of wisdom, it was the age of foolishness, it was the epoch of belief,\n"
        "it was the epoch of incredulity, it was the season of Light, it was\n"
        "the season of Darkness."
    )
    found = paragraphs(wrapped)
    assert len(found) == 1
    assert found[0].nlp_text == wrapped.replace("\n", " ")
    assert (found[0].start, found[0].end) == (0, len(wrapped))


def test_list_items_are_never_joined():
    text = "- the first item of a list that is fairly long\n- the second item of the list\n- the third"
    assert len(paragraphs(text)) == 3


def test_paragraph_offsets_index_the_text_and_nlp_text_has_the_same_length():
    text = "Alpha beta.\n\n\n  Gamma delta 😀 epsilon.\n\nZeta."
    for paragraph in paragraphs(text):
        assert len(paragraph.nlp_text) == paragraph.end - paragraph.start
        assert paragraph.nlp_text.strip() == text[paragraph.start:paragraph.end].strip()


def test_a_huge_paragraph_is_cut_into_chunks_without_losing_text():
    text = "Word " * (3 * MAX_CHUNK_CHARS // 5) + "end."
    chunks = paragraphs(text)
    assert len(chunks) >= 3
    assert all(p.end - p.start <= MAX_CHUNK_CHARS for p in chunks)
    assert "".join(text[p.start:p.end] for p in chunks) == text


@pytest.mark.parametrize("bad", ["", "   \n\t  ", "\x00\x01\x02\x03" * 50, "1234 5678 -- 90 ..."])
def test_input_with_nothing_to_analyse_is_a_precis_error_with_a_hint(bad):
    with pytest.raises(PrecisError) as caught:
        check_analysable(bad)
    assert caught.value.hint
