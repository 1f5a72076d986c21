"""Derived knowledge (Party Facts parties, Federal Register agencies, CLDR units) and compound forms."""

import pytest

from desktop.core.glossary.build_knowledge import party_weight, unit_rows
from desktop.core.glossary.bundled import load_bundled
from desktop.core.pipeline import AnalysisOptions, analyze

OPTIONS = AnalysisOptions(algorithm="lead", user_glossary=False, learn=False)


def _glossary(text):
    return {e.term: e for e in analyze(text, OPTIONS).glossary}


def test_a_party_weighs_by_vote_share_and_less_once_it_has_ended():
    assert party_weight(45.0, None) > party_weight(10.0, None) > party_weight(1.0, None)
    assert party_weight(30.0, 1995) < party_weight(30.0, None)


def test_units_come_with_binary_prefixes_and_rates_per_second():
    rows = {row.short: row.expansion for row in unit_rows()}
    assert rows["MB/s"] == "megabytes per second"
    assert rows["GiB"] == "gibibyte"
    assert "Gb" not in rows, "a gigabit symbol would be found as GB, the gigabyte the press means"


def test_new_knowledge_is_in_the_bundled_index():
    bundled = load_bundled()
    assert any(s.source == "federalregister" and s.countries == ("US",) for s in bundled.senses("NRCS"))
    assert any(s.source == "partyfacts" and s.countries == ("GR",) for s in bundled.senses("SYRIZA"))


@pytest.mark.model
def test_compound_forms_are_explained_by_their_parts():
    entries = _glossary(
        "The company sold SQL-based reporting tools and IBM-compatible computers for years. Its servers spoke "
        "HTTP/HTTPS and moved data at 40 MB/s over the network. Staff sent e-mail to customers every week."
    )
    assert entries["SQL"].expansion == "Structured Query Language"
    assert entries["IBM"].expansion == "International Business Machines"
    assert entries["HTTP"].expansion and entries["HTTPS"].expansion
    assert entries["MB/s"].expansion == "megabytes per second"
    assert not any(term.casefold().startswith("e") and len(term) <= 2 for term in entries), "e-mail is a word"


@pytest.mark.model
def test_a_us_agency_we_lacked_is_explained_in_an_american_story():
    entries = _glossary(
        "Farmers in Iowa and Nebraska asked the NRCS for help after the floods. The NRCS, part of the US "
        "Department of Agriculture in Washington, said conservation grants would reach American farms soon."
    )
    assert entries["NRCS"].expansion == "Natural Resources Conservation Service"


@pytest.mark.model
def test_a_common_word_is_not_taken_for_a_party_of_that_name():
    entries = _glossary(
        "Malaysia and Turkey, fellow Muslim nations, teach more girls to read. Independent experts and Muslim "
        "scholars in Islamabad called for Unity and Solidarity at the conference on girls' education."
    )
    assert not {"Muslim", "Independent", "Unity", "Solidarity"} & entries.keys()
