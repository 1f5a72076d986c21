"""Organisation entries: every one says what it is, none is a place, a person or a heading word."""

import json

import pytest

from desktop.core.glossary.bundled import load_bundled
from desktop.core.glossary.organisations import clean_span, from_article, from_name, initials, name_index, skeleton
from desktop.core.glossary.resolve import build_glossary
from desktop.core.model import Entity
from desktop.evaluation import entries as entries_eval


@pytest.fixture(autouse=True)
def private_glossary(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / "data"))


def _entity(text, string, label="ORG"):
    start = text.index(string)
    return Entity(start, start + len(string), label, string)


def _glossary(text, entities):
    entries, corrected, _ = build_glossary(text, list(entities), load_bundled())
    return {e.term: e for e in entries}, corrected


def test_names_lose_a_leading_the_possessives_brackets_and_an_owner():
    text = "The Karachi Chamber of Commerce and Industry ( and the State Department’s Bureau of Arms Control's"
    start, end = clean_span(text, 0, text.index(" and the"))
    assert text[start:end] == "Karachi Chamber of Commerce and Industry"
    start, end = clean_span(text, text.index("the State"), len(text))
    assert text[start:end] == "Bureau of Arms Control"


def test_spelling_variants_share_a_key_and_initials_fit_acronyms():
    assert skeleton("Jamaat-i-Islami") == skeleton("Jamaat-e-Islami")
    assert skeleton("Al Qaeda") == skeleton("al-Qaida")
    assert initials("Karachi Chamber of Commerce and Industry") == "KCCI"


def test_the_built_in_glossary_is_found_by_full_name_and_usual_variants():
    index = name_index(load_bundled())
    assert index.senses("Jamaat-i-Islami")[0].short == "JI"
    assert index.senses("Afghan Taliban")[0].expansion == "Taliban"
    assert index.senses("al-Qaeda")[0].kind == "armed-group"


def test_what_the_article_says_about_a_name_is_its_meaning():
    text = "Topline Securities, a Karachi brokerage, said shares rose. Bangladeshi newspaper Prothom Alo said so."
    assert from_article(text, [(0, 18)]) == "A Karachi brokerage"
    start = text.index("Prothom")
    assert from_article(text, [(start, start + 11)]) == "A Bangladeshi newspaper"
    person = "Agustin Escobar, an executive at Siemens, said."
    assert from_article(person, [(0, 15)]) is None


def test_a_head_noun_explains_a_name_only_when_it_says_more_than_the_name():
    assert from_name("Punjab Assembly") == "A legislative assembly (Punjab)"
    assert from_name("Ministry of Maritime Affairs") is None  # "a government ministry for maritime affairs"
    assert from_name("Finance Division") is None
    assert from_name("AKD Securities") == "A securities brokerage"
    assert from_name("Pakistan Business Council") is None  # "a council" says nothing new
    assert from_name("Supreme Court") is None


def test_world_bank_is_explained_by_its_description_never_by_its_short_form():
    text = "The World Bank's board approved the loan for Pakistan on Friday."
    entries, _ = _glossary(text, [_entity(text, "The World Bank's")])
    entry = entries["World Bank"]
    assert entry.meaning != "WB" and "lender" in entry.meaning.lower()


def test_a_name_next_to_its_acronym_is_one_entry_without_a_stray_bracket():
    text = ("The Karachi Chamber of Commerce and Industry (KCCI) urged relief. The KCCI president said exports fell.")
    entries, _ = _glossary(text, [_entity(text, "The Karachi Chamber of Commerce and Industry (")])
    assert "KCCI" in entries and entries["KCCI"].expansion == "Karachi Chamber of Commerce and Industry"
    assert not any("(" in term for term in entries)
    assert len(entries["KCCI"].mentions) >= 2


def test_places_people_and_unexplained_names_are_no_entries_but_stay_entities():
    text = ("Balochistan and Karachi saw protests. Mr Aurangzeb met officials of Eastbridge Holdings Limited "
            "and of Zorbex. The Taliban took Kabul.")
    entities = [_entity(text, "Balochistan"), _entity(text, "Karachi"), _entity(text, "Mr Aurangzeb"),
                _entity(text, "Zorbex"), _entity(text, "The Taliban", "PERSON")]
    entries, corrected = _glossary(text, entities)
    assert not {"Balochistan", "Karachi", "Mr Aurangzeb", "Zorbex"} & set(entries)
    assert "Taliban" in entries and "Afghanistan" in entries["Taliban"].meaning
    assert any(e.text == "Zorbex" for e in corrected)  # still highlighted as a name


def test_a_known_organisation_spacy_missed_is_found_by_name():
    text = "The minister condemned Pakistan Tehreek-i-Insaf’s decision to boycott the meeting."
    entries, corrected = _glossary(text, [_entity(text, "Pakistan", "GPE")])
    assert "Pakistan Tehreek-i-Insaf" in entries
    assert any(e.text == "Pakistan Tehreek-i-Insaf" and e.label == "ORG" for e in corrected)


def test_a_dateline_in_capitals_is_no_acronym_entry():
    text = "BEIJING: Officials said the talks went well.\n\nSHANNON: Flights resumed on Monday."
    entries, _ = _glossary(text, [])
    assert "BEIJING" not in entries and "SHANNON" not in entries


def test_eval_entries_counts_meanings_non_organisations_and_explained_names(tmp_path):
    gold = {
        "id": "a1",
        "organisations": [
            {"name": "Pakistan Rangers", "variants": ["Rangers"], "description": "paramilitary force",
             "needs_explaining": True},
            {"name": "Zorbex", "variants": [], "description": "a firm", "needs_explaining": True},
        ],
        "not_organisations": [{"text": "Karachi", "kind": "place"}],
        "acronyms": [],
    }
    text = "The Rangers patrolled Karachi. Zorbex said nothing. Karachi was calm."
    entries, _ = _glossary(text, [_entity(text, "The Rangers"), _entity(text, "Zorbex")])
    score = entries_eval.EntriesScore()
    entries_eval.score_article(gold, list(entries.values()), score)
    assert score.needed == 2 and score.explained == 1  # the Rangers, not the unknown Zorbex
    assert score.entries == score.with_meaning and not score.not_organisations
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold), encoding="utf-8")
    assert entries_eval.read_gold(path)["a1"]["organisations"][0]["name"] == "Pakistan Rangers"
    assert "needed organisations explained:       1/2 (50.0%)" in entries_eval.format_report("g", score)


def test_an_acronym_that_is_only_part_of_a_name_is_not_explained_as_a_term():
    text = ("AC Milan lost 1-0 to Feyenoord in the league. The striker missed a penalty and two goals were ruled "
            "out for offside.")
    entries, _ = _glossary(text, [_entity(text, "AC Milan"), _entity(text, "Feyenoord")])
    assert "AC" not in entries  # not "air conditioning"
    text = "The company moved its billing system to Microsoft SQL Server last year."
    entries, _ = _glossary(text, [_entity(text, "Microsoft SQL Server")])
    assert entries["SQL"].meaning == "Structured Query Language"  # outside sport, a term in a name still explains it
    text = "PTV News reported the attack. The channel said so."
    entries, _ = _glossary(text, [_entity(text, "PTV News")])
    assert "PTV" in entries and entries["PTV"].meaning


@pytest.mark.model
def test_a_foreign_ministry_or_a_word_like_a_name_is_not_taken_for_a_known_body():
    from desktop.core.pipeline import AnalysisOptions, analyze

    text = ("Officials from the Saudi Ministry of Finance and the IMF opened the conference in AlUla on Sunday. "
            "A Healing Garden exhibit stood at the Pakistan Pavilion. The Garden drew crowds all week, and the "
            "Afghan Taliban sent no delegation.")
    entries = {e.term: e for e in analyze(text, AnalysisOptions(user_glossary=False, learn=False)).glossary}
    for term in ("Saudi Ministry of Finance", "Ministry of Finance"):
        assert term not in entries or "Pakistan" not in entries[term].meaning, "Saudi Arabia's, not Pakistan's"
    assert "Garden" not in entries, "a garden is not the Guardian newspaper"
    assert "Afghanistan" in entries["Afghan Taliban"].meaning
