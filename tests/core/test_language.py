import pytest

from desktop.core.language import detect_language, language_warning

ENGLISH = "The council approved the plan on Monday after a long debate about the cost of the flood defences."


def test_english_is_english_without_warning():
    assert language_warning(ENGLISH) == ("en", None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le conseil municipal a approuvé lundi le plan contre les inondations après un long débat sur son coût.", "French"),
        ("Der Stadtrat hat am Montag den Hochwasserplan nach einer langen Debatte über die Kosten beschlossen.", "German"),
        ("El ayuntamiento aprobó el lunes el plan contra las inundaciones tras un largo debate sobre su coste.", "Spanish"),
        ("Городской совет в понедельник одобрил план защиты от наводнений после долгих споров о его стоимости.", "Cyrillic script"),
    ],
)
def test_other_languages_are_named_and_warned_about(text, expected):
    language, warning = language_warning(text)
    assert language == expected
    assert expected in warning and "English" in warning


def test_short_texts_and_names_are_not_judged():
    assert detect_language("Angela Merkel, Emmanuel Macron")[0] == "en"
