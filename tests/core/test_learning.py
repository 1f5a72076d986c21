"""Learning as evidence: definitions remembered from earlier articles compete in context; the user's own win."""

import pytest

from desktop.core.glossary.user_db import UserGlossary, default_path
from desktop.core.pipeline import AnalysisOptions, analyze

ABSTRACTS = [
    (
        "CYP2D6 genotype and tramadol response",
        "Patients who were poor metabolizers (PM) of CYP2D6 had lower plasma concentrations of the active "
        "metabolite. In PM subjects analgesia was reduced compared with extensive metabolizers. Liver size was "
        "measured by ultrasonography (US) at baseline, and US findings did not differ between groups.",
    ),
    (
        "Receptor pharmacology of a new agonist",
        "The compound was first described in the British Journal of Pharmacology (BJP). As reported in BJP, "
        "the agonist bound the receptor with nanomolar affinity in rat cortical membranes and cell assays.",
    ),
]

POLITICS = (
    "India's PM Narendra Modi met the US president in Washington on Tuesday. The BJP leader said trade with "
    "the US would double. Opposition parties in New Delhi criticised the PM, saying the BJP had ignored farmers "
    "in Uttar Pradesh before the election."
)


@pytest.fixture(autouse=True)
def private_glossary(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / "data"))


def _glossary(text, **options):
    return {e.term: e for e in analyze(text, AnalysisOptions(**options)).glossary}


@pytest.mark.model
def test_biomedical_definitions_do_not_pollute_a_political_article():
    for title, text in ABSTRACTS:
        analyze(text, AnalysisOptions(article=title))
    with UserGlossary(default_path()) as glossary:
        learned = {e.term: e for e in glossary.entries()}
    assert learned["PM"].origin == "learned" and learned["BJP"].article == "Receptor pharmacology of a new agonist"
    entries = _glossary(POLITICS, learn=False)
    assert entries["PM"].expansion == "Prime Minister"
    assert entries["US"].expansion == "United States"
    assert entries["BJP"].expansion == "Bharatiya Janata Party"
    assert all(entries[t].learned_from is None for t in ("PM", "US", "BJP"))


@pytest.mark.model
def test_a_learned_meaning_explains_a_later_article_that_supports_it_and_says_where_it_came_from():
    analyze(
        "The Regional Flood Authority (RFA) in Sindh warned villages near Sukkur. Pakistan's RFA opened camps.",
        AnalysisOptions(article="Floods in Sindh"),
    )
    entry = _glossary("In Karachi, Sindh officials said the RFA would open more relief camps near the flood zone.")["RFA"]
    assert entry.expansion == "Regional Flood Authority"
    assert entry.learned_from == "Floods in Sindh"
    assert entry.origin == "learned from Floods in Sindh"


@pytest.mark.model
def test_a_learned_meaning_is_only_possible_where_nothing_supports_it_and_never_beats_a_supported_builtin():
    analyze(
        "The biopsy used a new radiofrequency ablation (RFA) probe. RFA reduced tumour size in mice.",
        AnalysisOptions(article="Ablation study"),
    )
    # A political story about Pakistan's SC: the learned "RFA" is not this article's, so not asserted here.
    entries = _glossary(
        "Lawmakers in Islamabad argued about the RFA budget for a day. The committee chairman in Pakistan's "
        "parliament said the RFA would report to the National Assembly next month after elections."
    )
    assert entries["RFA"].expansion != "radiofrequency ablation"
    assert "radiofrequency ablation" in [a.expansion for a in entries["RFA"].alternatives]


@pytest.mark.model
def test_the_users_own_definition_always_wins_and_is_labelled_as_theirs():
    with UserGlossary(default_path()) as glossary:
        glossary.define("PM", "Project Manager")
    entry = _glossary(POLITICS, learn=False)["PM"]
    assert (entry.expansion, entry.source, entry.learned_from) == ("Project Manager", "user", None)
    assert entry.origin == "your own glossary"


def test_edit_changes_a_learned_entry_in_place_and_forget_removes_either_kind(tmp_path):
    with UserGlossary(tmp_path / "g.sqlite3") as glossary:
        glossary.remember_many([("QXR", "Quantum Xray Relay", "acronym")], "An article", "sci-tech", ["US"])
        glossary.define("QXR", "Quick Exchange Rate")
        glossary.edit("QXR", "learned", "Quantum X-ray Relay")
        learned = [e for e in glossary.entries() if e.origin == "learned"][0]
        assert (learned.expansion, learned.article, learned.field, learned.countries) == (
            "Quantum X-ray Relay", "An article", "sci-tech", ("US",)
        )
        assert glossary.lookup("QXR").origin == "user"
        assert glossary.forget("QXR", "user")
        assert glossary.lookup("QXR").expansion == "Quantum X-ray Relay"
        assert glossary.forget("QXR", "learned") and glossary.lookup("QXR") is None


def test_a_version_one_glossary_is_migrated_keeping_its_entries(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE entries (term TEXT NOT NULL, folded TEXT NOT NULL, origin TEXT NOT NULL, expansion TEXT,"
        " description TEXT, kind TEXT NOT NULL, article TEXT, updated TEXT NOT NULL, PRIMARY KEY (term, origin));"
        "INSERT INTO entries VALUES ('VWT', 'vwt', 'learned', 'Valley Water Trust', NULL, 'acronym', 'a.txt',"
        " '2026-01-01T00:00:00+00:00'); PRAGMA user_version = 1;"
    )
    conn.close()
    with UserGlossary(path) as glossary:
        entry = glossary.lookup("VWT")
        assert (entry.expansion, entry.field, entry.countries) == ("Valley Water Trust", None, ())
        glossary.remember_many([("ABC", "Alpha Beta Chi", "acronym")], "b.txt", "news", ["PK"])
        assert glossary.lookup("ABC").countries == ("PK",)
