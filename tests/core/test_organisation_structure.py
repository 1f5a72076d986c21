"""Organisations explained by what their names say about a parent body the article names, and by what the
article says around them: a reader sees "the board of directors of the Karachi Port Trust", not "a board"."""

import pytest

from desktop.core.glossary.bundled import load_bundled
from desktop.core.glossary.resolve import build_glossary
from desktop.core.model import Entity
from desktop.core.pipeline import AnalysisOptions, analyze


@pytest.fixture(autouse=True)
def private_glossary(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / "data"))


def _glossary(text, names):
    entities = []
    for name in names:
        start = text.index(name)
        entities.append(Entity(start, start + len(name), "ORG", name))
    entries, _, _ = build_glossary(text, entities, load_bundled())
    return {e.term: e for e in entries}


def _analysed(text):
    document = analyze(text, AnalysisOptions(user_glossary=False, learn=False))
    return {e.term: e for e in document.glossary}


@pytest.mark.model
def test_a_board_named_after_an_acronym_of_the_article_is_that_bodys_board():
    text = ("The Karachi Port Trust (KPT) awarded a dredging contract last year. Investigators said the prime "
            "minister ordered the KPT Board of Directors to review the tender before any payment was made.\n\n"
            "The KPT chairman declined to comment on Tuesday.")
    entries = _analysed(text)
    assert entries["KPT Board of Directors"].meaning == "The board of directors of the Karachi Port Trust"


@pytest.mark.model
def test_a_wing_after_a_ministrys_possessive_is_a_wing_of_that_ministry():
    text = ("The committee was notified by the Ministry of Commerce’s Tariff Policy Wing on Monday. It will "
            "review import duties on steel, paper and cars over the next five years.")
    entries = _analysed(text)
    assert entries["Tariff Policy Wing"].meaning == "The tariff policy wing of the Ministry of Commerce"


def test_an_acronym_given_after_a_name_takes_it_when_its_letters_fit():
    text = ("Most of the money goes to the State Department’s Bureau of International Narcotics and Law "
            "Enforcement Affairs, or INL, which trains police abroad. INL programmes were exempted.")
    entries = _glossary(text, ["Bureau of International Narcotics and Law Enforcement Affairs", "State Department"])
    assert entries["INL"].expansion == "Bureau of International Narcotics and Law Enforcement Affairs"
    assert entries["INL"].description == "A bureau of the State Department"


def test_a_company_named_after_a_known_group_is_part_of_it():
    text = ("Two units of China National Offshore Oil Corporation (CNOOC) were listed: CNOOC China Ltd and "
            "CNOOC International Trading.")
    entries = _glossary(text, ["China National Offshore Oil Corporation", "CNOOC China Ltd",
                               "CNOOC International Trading"])
    assert entries["CNOOC China Ltd"].meaning == "Part of the China National Offshore Oil Corporation"
    assert entries["CNOOC International Trading"].meaning == (
        "A trading company, part of the China National Offshore Oil Corporation")


def test_a_person_or_a_country_before_a_possessive_is_no_parent():
    text = ("Elon Musk’s Zorbex Board met on Friday. Pakistan’s Quillon Committee met too. The PM Office said "
            "so.")
    entries = _glossary(text, ["Zorbex Board", "Quillon Committee", "PM Office"])
    assert "Zorbex Board" not in entries  # neither "a board of Elon Musk" nor a restatement
    assert "Quillon Committee" not in entries  # nor "a committee of Pakistan"
    assert "PM Office" not in entries  # the prime minister is a person, not a parent body


@pytest.mark.model
def test_what_a_company_makes_before_its_name_is_its_meaning_even_in_a_list():
    text = ("The list also included chip maker Changxin Memory Technologies, Quectel Wireless and drone maker "
            "Autel Robotics, according to a document published on Monday. Analysts expect more names next year.")
    entries = _analysed(text)
    assert entries["Changxin Memory Technologies"].meaning == "A chip maker"
    assert entries["Autel Robotics"].meaning == "A drone maker"  # not "a robotics company" from its name


def test_a_participle_a_place_and_an_adjective_around_a_name_describe_it():
    text = ("The Bureau of Zonal Security, focused on preventing the spread of nuclear weapons, got $30m. "
            "A seminar was held at Quillon International Hospital in Islamabad. Spending fell, according to "
            "the nonpartisan Committee for a Sound Budget.")
    entries = _glossary(text, ["Bureau of Zonal Security", "Quillon International Hospital",
                               "Committee for a Sound Budget"])
    assert entries["Bureau of Zonal Security"].meaning == "Focused on preventing the spread of nuclear weapons."
    assert entries["Quillon International Hospital"].meaning == "A hospital in Islamabad"
    assert entries["Committee for a Sound Budget"].meaning == "A nonpartisan committee"


def test_names_are_cleaned_of_a_place_before_and_a_based_prefix_and_titles_are_no_entries():
    text = ("Exports to China and Gulf Cooperation Council (GCC) countries rose, said Minister for Finance "
            "Muhammad Aurangzeb. A photo of UK-based The Daily Telegraph newspaper was fake.")
    entries = _glossary(text, ["China and Gulf Cooperation Council", "Minister for Finance",
                               "UK-based The Daily Telegraph"])
    assert "China and Gulf Cooperation Council" not in entries
    assert entries["GCC"].expansion == "Gulf Cooperation Council"
    assert "Minister for Finance" not in entries  # a person's title, not the Ministry of Finance
    assert "Daily Telegraph" in entries and not any("based" in term for term in entries)


def test_a_known_name_is_found_without_its_last_and_or_with_a_plural():
    text = ("The Karachi Chamber of Commerce issued a statement. The Karachi Chamber of Commerce and Industries "
            "said exports fell.")
    entries = _glossary(text, ["Karachi Chamber of Commerce", "Karachi Chamber of Commerce and Industries"])
    assert entries["Karachi Chamber of Commerce"].meaning.startswith("Karachi Chamber of Commerce and Industry:")
    assert "chamber of commerce" in entries["Karachi Chamber of Commerce and Industries"].meaning.lower()


def test_a_trade_body_is_said_to_be_one_when_its_name_names_its_members_or_their_industry():
    text = ("The Pakistan Quilt Exporters Association and the Pakistan Textile Council asked for relief. "
            "The Pakistan Quillon Council said nothing.")
    entries = _glossary(text, ["Pakistan Quilt Exporters Association", "Pakistan Textile Council",
                               "Pakistan Quillon Council"])
    assert entries["Pakistan Quilt Exporters Association"].meaning == "A trade body of quilt exporters (Pakistan)"
    assert entries["Pakistan Textile Council"].meaning == "A trade body of the textile industry (Pakistan)"
    assert "Pakistan Quillon Council" not in entries  # "a council" would only restate the name


def test_a_body_whose_name_begins_like_a_university_of_the_article_is_part_of_it_and_an_apposition_may_end_a_sentence():
    text = ("She wrote in the student paper of Zorbex University about the Zorbex Student Senate. This fact "
            "check was published by iQuill Pakistan — a project of two journalism schools.\n\n"
            "The chopper, operated by Quillon Air Tours, crashed.")
    entries = _glossary(text, ["Zorbex University", "Zorbex Student Senate", "iQuill Pakistan",
                               "Quillon Air Tours"])
    assert entries["Zorbex Student Senate"].meaning == "The student senate of Zorbex University"
    assert entries["iQuill Pakistan"].meaning == "A project of two journalism schools"
    assert entries["Quillon Air Tours"].meaning == "The operator of the chopper"


def test_a_kind_that_only_repeats_the_name_is_no_meaning_but_the_article_may_give_one():
    text = ("Quillon Technology and Zorbex Holdings were added to the list, along with Lidar-maker Vantor "
            "Technologies. Analysts said gaming and social media leader Marlo Holdings would appeal.")
    entries = _glossary(text, ["Quillon Technology", "Zorbex Holdings", "Vantor Technologies", "Marlo Holdings"])
    assert "Quillon Technology" not in entries and "Zorbex Holdings" not in entries  # "a technology company"
    assert entries["Vantor Technologies"].meaning == "A lidar maker"
    assert entries["Marlo Holdings"].meaning == "A leading social media company"


@pytest.mark.model
def test_a_name_known_only_by_a_foreign_sense_falls_back_to_its_name_without_the_nationality():
    text = ("A tour helicopter crashed into the Hudson River in New York on Thursday, killing all six people aboard. "
            "The US Coast Guard said divers searched the water until dark.")
    entries = _analysed(text)
    assert "Homeland Security" in entries["US Coast Guard"].meaning  # not "a guard force", not the Cook Islands'


def test_a_name_after_operated_by_is_an_organisation_even_when_spacy_calls_it_a_place():
    text = "The Bell 206 chopper, operated by New York Helicopter Tours, left a downtown pad at 3pm."
    start = text.index("New York Helicopter Tours")
    entity = Entity(start, start + len("New York Helicopter Tours"), "GPE", "New York Helicopter Tours")
    entries, corrected, _ = build_glossary(text, [entity], load_bundled())
    entries = {e.term: e for e in entries}
    assert entries["New York Helicopter Tours"].meaning == "The operator of the Bell 206 chopper"
    assert any(e.text == "New York Helicopter Tours" and e.label == "ORG" for e in corrected)
