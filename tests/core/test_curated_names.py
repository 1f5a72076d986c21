"""Hand-written knowledge of organisations a Dawn reader meets without explanation: the glossary of an
invented article says what each one is, by acronym and by full name."""

import pytest

from desktop.core.glossary.bundled import load_bundled
from desktop.core.pipeline import AnalysisOptions, analyze

OPTIONS = AnalysisOptions(algorithm="lead", user_glossary=False, learn=False)


@pytest.fixture(autouse=True)
def private_data(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / "data"))


def _glossary(text):
    return {e.term: e for e in analyze(text, OPTIONS).glossary}


def _meaning(entry):
    return " ".join(filter(None, (entry.expansion, entry.meaning))).lower()


@pytest.mark.model
def test_a_karachi_port_story_explains_kpt_and_the_auditor_general():
    entries = _glossary(
        "KARACHI: The Karachi Port Trust lost Rs2 billion on dredging contracts awarded without tenders, the "
        "Auditor General of Pakistan said in its report for the last fiscal year. The KPT said the berths had to "
        "be deepened before the monsoon, and that Port Qasim Authority had faced the same silting. The report "
        "goes to the Public Accounts Committee of the National Assembly next month."
    )
    assert entries["KPT"].expansion == "Karachi Port Trust"
    assert "port" in _meaning(entries["KPT"])
    auditor = next(e for term, e in entries.items() if term.startswith("Auditor General"))
    assert "audit" in _meaning(auditor)
    port_qasim = next(e for term, e in entries.items() if "Port Qasim" in term)
    assert "seaport" in _meaning(port_qasim)


@pytest.mark.model
def test_think_tanks_are_explained_by_name_in_either_spelling():
    entries = _glossary(
        "WASHINGTON: Analysts at the Foundation for Defence of Democracies and at Chatham House in London said "
        "the sanctions would bite within months, while the Stockholm International Peace Research Institute "
        "reported that arms imports to the region had doubled."
    )
    for name in ("Foundation for Defence of Democracies", "Chatham House"):
        assert "think tank" in _meaning(entries[name]), name
    sipri = next(e for term, e in entries.items() if "Stockholm" in term)
    assert "military spending" in _meaning(sipri)


def test_sky_sports_and_sky_sport_are_different_brands_in_different_countries():
    bundled = load_bundled()
    (britain,) = bundled.by_expansion("Sky Sports")
    (elsewhere,) = bundled.by_expansion("Sky Sport")
    assert "GB" in britain.countries and "NZ" in elsewhere.countries
    assert "New Zealand" in elsewhere.description and "Britain" in britain.description


def test_a_common_word_never_becomes_a_curated_name():
    """A name row whose short form is one ordinary word would explain that word in every article."""
    bundled = load_bundled()
    for word in ("Time", "Economist", "Guardian", "Hindu", "Emirates", "Nation", "Independent", "Atlantic"):
        assert not any(s.source == "precis" and s.short == word for s in bundled.senses(word)), word


@pytest.mark.model
def test_a_short_word_is_not_a_longer_name_that_sounds_alike():
    entries = _glossary(
        "The Arab and Muslim states must lead the way, the editorial argued. Al Arabiya reported that Arab "
        "foreign ministers would meet in Cairo next week to discuss the blockade."
    )
    assert "Arab" not in entries, "Arab is a people, not the Al Arabiya channel"
    assert "channel" in _meaning(entries["Al Arabiya"])


@pytest.mark.model
def test_the_tribal_areas_are_explained_as_dawn_spells_them():
    entries = _glossary(
        "The merger of Fata with Khyber Pakhtunkhwa in 2018 promised the tribal districts courts and police. "
        "Residents of the former Fata and Pata regions say little has changed since then."
    )
    assert entries["Fata"].expansion == "Federally Administered Tribal Areas"
    assert entries["Pata"].expansion == "Provincially Administered Tribal Areas"


@pytest.mark.model
def test_a_curated_description_comes_before_a_lists_generic_one():
    entries = _glossary(
        "WASHINGTON: The State Department said on Monday that the Treasury Department would impose new sanctions. "
        "The State Department spokesperson told reporters that the US would coordinate with its allies."
    )
    assert "foreign ministry" in _meaning(entries["State Department"])
    assert "finance ministry" in _meaning(entries["Treasury Department"])
