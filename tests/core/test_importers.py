import codecs

import pytest

from desktop.core.errors import PrecisError
from desktop.importers import load_bytes, load_path

ARTICLE = "Floods return\n\nThe river rose again on Monday. Residents café owners and the mayor met."


@pytest.mark.parametrize(
    "encoded",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),
        ARTICLE.encode("utf-16-le"),
        ARTICLE.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "cp1252"],
)
def test_text_in_common_encodings_decodes_to_the_same_article(encoded):
    source = load_bytes(encoded, name="floods.txt")
    assert source.text.replace("\ufeff", "") == ARTICLE
    assert source.title == "Floods return"


def test_markdown_loses_its_markup_but_keeps_headings_items_and_literal_html(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "# Flood report\n\nThe **river** rose on [Monday](http://x).\n\n- first item\n- second item\n\n"
        "<b>kept literally</b>\n",
        encoding="utf-8",
    )
    source = load_path(path)
    assert source.title == "Flood report"
    assert source.format == "markdown"
    assert source.text.split("\n\n") == [
        "Flood report", "The river rose on Monday.", "first item", "second item", "<b>kept literally</b>",
    ]


@pytest.mark.parametrize(
    "data, words",
    [
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"PK\x03\x04" + bytes(100), "ZIP"),
        (b"\x7fELF" + bytes(range(256)) * 4, "program"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_files_that_are_not_text_are_named_in_a_precis_error(data, words):
    with pytest.raises(PrecisError) as caught:
        load_bytes(data, name="thing.txt")
    assert words in caught.value.message and caught.value.hint


def test_missing_files_and_folders_give_clear_messages(tmp_path):
    with pytest.raises(PrecisError, match="no file"):
        load_path(tmp_path / "absent.txt")
    with pytest.raises(PrecisError, match="folder"):
        load_path(tmp_path)
