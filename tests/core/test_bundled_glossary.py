"""The bundled glossary: the seed article's acronyms, ambiguous forms, forgiving lookup, and a fresh index."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.core.glossary import build_sources
from desktop.core.glossary.bundled import KINDS, BundledGlossary, Sense, index_path, load_bundled, read_index
from desktop.core.glossary.compile import (
    COLUMNS, SOURCES, GlossaryDataError, compile_index, glossary_dir, merge_rows, read_sources, read_tsv,
)
from tests.conftest import ROOT

CURATED = (
    "news-south-asia.tsv", "international.tsv", "government-agencies.tsv", "politics-world.tsv", "regions.tsv",
    "economy.tsv", "science-tech.tsv", "general.tsv", "media-sport.tsv",
    "computing.tsv", "science-medicine.tsv", "transport-defence.tsv", "business-culture.tsv",
)
DERIVED = (
    "parties.tsv", "factbook.tsv", "wordnet.tsv", "netbsd.tsv", "foldoc.tsv", "vera.tsv", "partyfacts.tsv",
    "us-agencies.tsv", "units.tsv",
)


@pytest.fixture(scope="module")
def glossary() -> BundledGlossary:
    return load_bundled()


def first(glossary: BundledGlossary, form: str) -> Sense:
    senses = glossary.senses(form)
    assert senses, f"{form} is not in the bundled glossary"
    return senses[0]


# -- the seed article (Dawn editorial, 27 February 2026) -------------------------------------------------------

@pytest.mark.parametrize("form, expansion", [
    ("IS-K", "Islamic State Khorasan Province"),
    ("ISKP", "Islamic State Khorasan Province"),
    ("TTP", "Tehreek-e-Taliban Pakistan"),
    ("NAP", "National Action Plan"),
    ("Nacta", "National Counter Terrorism Authority"),
    ("NACTA", "National Counter Terrorism Authority"),
    ("APS", "Army Public School"),
    ("KP", "Khyber Pakhtunkhwa"),
])
def test_seed_acronyms_resolve_to_the_news_sense_first(glossary, form, expansion):
    sense = first(glossary, form)
    assert sense.expansion == expansion
    assert sense.source == "precis"
    assert "PK" in sense.countries


def test_kp_has_other_senses_too(glossary):
    senses = glossary.senses("KP")
    assert len(senses) >= 3
    assert {"Kashmiri Pandit", "North Korea"} <= {s.expansion for s in senses}


# -- ambiguous forms ---------------------------------------------------------------------------------------------

def test_ppp_has_several_senses_with_different_countries(glossary):
    senses = glossary.senses("PPP")
    assert senses[0].expansion == "Pakistan Peoples Party" and senses[0].countries == ("PK",)
    parties = [s for s in senses if s.kind == "party"]
    assert len(parties) >= 4
    assert len({s.countries for s in parties}) == len(parties), "each party of that name is in its own country"
    assert {"purchasing power parity", "public-private partnership"} <= {s.expansion for s in senses}


@pytest.mark.parametrize("form, expected", [
    ("SC", {("Supreme Court", "PK"), ("Supreme Court", "IN"), ("Supreme Court", "US"), ("Scheduled Caste", "IN")}),
    ("FO", {("Foreign Office", "PK"), ("Foreign Office", "GB")}),
    ("CBI", {("Central Bureau of Investigation", "IN"), ("Confederation of British Industry", "GB")}),
    ("ED", {("Enforcement Directorate", "IN")}),
    ("GB", {("Gilgit-Baltistan", "PK"), ("Great Britain", "GB")}),
    ("MP", {("Madhya Pradesh", "IN")}),
])
def test_ambiguous_forms_keep_every_common_sense_with_its_country(glossary, form, expected):
    senses = glossary.senses(form)
    found = {(s.expansion, country) for s in senses for country in s.countries}
    assert expected <= found
    assert len(senses) >= 2


def test_general_senses_have_no_country(glossary):
    for form, expansion in [("PM", "Prime Minister"), ("MP", "Member of Parliament"), ("GDP", "gross domestic product")]:
        sense = first(glossary, form)
        assert (sense.expansion, sense.countries) == (expansion, ())


def test_senses_come_best_weight_first(glossary):
    for form in ("PPP", "SC", "KP", "PM", "US", "PC", "IT"):
        weights = [s.weight for s in glossary.senses(form)]
        assert weights == sorted(weights, reverse=True)


def test_jargon_ranks_below_news(glossary):
    senses = glossary.senses("PC")
    assert senses[0].expansion == "personal computer"
    assert all(s.weight <= 0.2 for s in senses if s.source == "netbsd")


# -- forgiving, but not too forgiving, lookup --------------------------------------------------------------------

@pytest.mark.parametrize("house, caps", [
    ("Nacta", "NACTA"), ("Nato", "NATO"), ("Unesco", "UNESCO"), ("Unicef", "UNICEF"), ("Opec", "OPEC"),
    ("Asean", "ASEAN"), ("Saarc", "SAARC"), ("Fifa", "FIFA"), ("Isro", "ISRO"), ("Pemra", "PEMRA"),
    ("Nepra", "NEPRA"), ("Ogra", "OGRA"), ("Wapda", "WAPDA"), ("Sepco", "SEPCO"),
])
def test_title_case_house_styles_are_found_in_both_spellings(glossary, house, caps):
    assert glossary.knows(house) and glossary.knows(caps)
    assert first(glossary, house) == first(glossary, caps)
    assert first(glossary, caps).short == house


def test_capitalised_words_are_not_taken_for_acronyms(glossary):
    assert glossary.knows("WHO") and not glossary.knows("Who")
    assert glossary.senses("Who") == []
    assert not glossary.knows("nacta") and not glossary.knows("Nap")


def test_dots_and_dashes_do_not_matter(glossary):
    assert first(glossary, "U.S.").expansion == "United States"
    assert first(glossary, "Ph.D.").short == "PhD"
    assert first(glossary, "IS\u2013K").expansion == "Islamic State Khorasan Province"
    assert glossary.knows(" TTP ")


def test_lower_case_forms_keep_their_dots(glossary):
    assert first(glossary, "a.m.").expansion == "ante meridiem"
    assert not glossary.knows("am")


def test_mixed_case_forms_are_found_in_capitals(glossary):
    assert first(glossary, "LeT").expansion == "Lashkar-e-Taiba"
    assert first(glossary, "LET").expansion == "Lashkar-e-Taiba"
    assert first(glossary, "MOU").short == "MoU"


def test_unknown_forms(glossary):
    assert glossary.senses("XQZW") == [] and not glossary.knows("XQZW")
    assert glossary.senses("") == [] and not glossary.knows("")


# -- by expansion ----------------------------------------------------------------------------------------------

def test_by_expansion_finds_an_organisation_by_its_full_name(glossary):
    assert [s.short for s in glossary.by_expansion("National Counter Terrorism Authority")] == ["Nacta"]
    assert [s.short for s in glossary.by_expansion("the Army Public School")] == ["APS"]
    assert "TTP" in {s.short for s in glossary.by_expansion("TEHREEK-E-TALIBAN PAKISTAN")}
    assert {"IS-K", "ISKP"} <= {s.short for s in glossary.by_expansion("Islamic State Khorasan Province")}


def test_by_expansion_knows_merged_spellings(glossary):
    # The Factbook spells it "Tehrik-e-Taliban Pakistan"; that row was merged into the curated sense.
    assert [s.short for s in glossary.by_expansion("Tehrik-e-Taliban Pakistan")] == ["TTP"]
    assert glossary.by_expansion("Tehrik-e-Taliban Pakistan")[0].source == "precis"


def test_by_expansion_of_an_unknown_name(glossary):
    assert glossary.by_expansion("The Ministry of Silly Walks") == []


# -- the data --------------------------------------------------------------------------------------------------

def test_the_committed_index_is_a_fresh_compile():
    assert index_path().read_text(encoding="utf-8") == compile_index(), (
        "resources/glossary/index.json is stale: run python -m desktop.core.glossary.compile"
    )


def test_every_sense_has_a_description_a_valid_kind_and_a_weight(glossary):
    count = 0
    for form in glossary.short_forms():
        for sense in glossary.senses(form):
            count += 1
            assert sense.description.strip() and "\n" not in sense.description, sense
            assert sense.kind in KINDS, sense
            assert sense.source in SOURCES, sense
            assert 0.0 <= sense.weight <= 1.0, sense
            assert sense.countries == ("international",) or all(
                len(c) == 2 and c.isupper() for c in sense.countries
            ), sense
    assert count >= len(glossary)


def test_every_file_has_the_header_and_only_its_own_source():
    files = {path.name for path in glossary_dir().glob("*.tsv")}
    assert set(CURATED) | set(DERIVED) <= files
    for name in sorted(files):
        path = glossary_dir() / name
        assert path.read_text(encoding="utf-8").split("\n", 1)[0] == "\t".join(COLUMNS)
        sources = {row.source for row in read_tsv(path)}
        assert sources == ({"precis"} if name not in DERIVED else sources - {"precis"}), name


def test_curated_coverage_is_broad():
    curated = [row for name in CURATED for row in read_tsv(glossary_dir() / name)]
    assert len(curated) >= 800
    assert {row.kind for row in curated} >= set(KINDS) - {"other"}


@pytest.mark.parametrize("form", [
    "ECP", "FIA", "ASWJ", "ETIM", "OICCI", "FO", "PCB", "CPJ", "NHS", "NYC", "ODI", "GBV", "PML-N", "PTI",
    "JUI-F", "MQM", "ANP", "BLA", "ISI", "ISPR", "NAB", "SBP", "FBR", "CPEC", "LoC", "FATA", "AJK", "PDM",
    "IMF", "WTO", "SCO", "OIC", "Brics", "G20", "ICJ", "IAEA", "FATF", "FBI", "MI5", "GCHQ", "Ofcom", "RBI",
    "NIA", "RAW", "BSF", "ISIS", "LeT", "JeM", "PKK", "FARC", "IHC", "LHC", "ECHR", "NWFP", "UAE", "KSA",
    "GST", "CPU", "DNA", "Covid-19", "LNG", "NASA", "MNA", "MPA", "SOP", "MoU", "FIR", "PhD",
])
def test_the_news_gaps_of_the_public_lists_are_filled(glossary, form):
    assert first(glossary, form).source == "precis"


def test_derived_files_match_the_public_lists(tmp_path):
    sources = build_sources.DEFAULT_SOURCES
    if not (sources / "factbook_acronyms.tsv").is_file():
        pytest.skip("the shared glossary sources are not beside this checkout")
    counts = build_sources.build(sources, tmp_path)
    for name in counts:
        assert (tmp_path / name).read_text(encoding="utf-8") == (glossary_dir() / name).read_text(encoding="utf-8"), (
            f"{name} is stale: run python -m desktop.core.glossary.build_sources"
        )
        assert counts[name] > 0


# -- the compiler ----------------------------------------------------------------------------------------------

def write(path, *rows):
    path.write_text("\t".join(COLUMNS) + "\n" + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("row, message", [
    (("XYZ", "Some Thing", "gadget", "", "A thing.", "precis", "0.5"), "kind"),
    (("XYZ", "Some Thing", "term", "Pakistan", "A thing.", "precis", "0.5"), "countries"),
    (("XYZ", "Some Thing", "term", "", "", "precis", "0.5"), "description"),
    (("XYZ", "Some Thing", "term", "", "A thing.", "blog", "0.5"), "source"),
    (("XYZ", "Some Thing", "term", "", "A thing.", "precis", "1.5"), "weight"),
    (("XYZ", "Some Thing", "term", "", "A thing.", "precis"), "columns"),
])
def test_bad_rows_are_refused_with_file_and_line(tmp_path, row, message):
    path = write(tmp_path / "bad.tsv", ("OK", "Fine", "term", "", "Fine.", "precis", "0.5"), row)
    with pytest.raises(GlossaryDataError, match=message) as error:
        read_tsv(path)
    assert "bad.tsv:3" in str(error.value)


def test_a_repeated_curated_line_is_an_error_but_a_derived_repeat_becomes_an_alias(tmp_path):
    curated = ("TTP", "Tehreek-e-Taliban Pakistan", "armed-group", "PK", "A group.", "precis", "1")
    derived = ("TTP", "Tehrik-i-Taliban Pakistan", "armed-group", "AF", "A group.", "factbook", "0.55")
    with pytest.raises(GlossaryDataError, match="repeats"):
        merge_rows(read_tsv(write(tmp_path / "a.tsv", curated, curated)))
    merged = merge_rows(read_tsv(write(tmp_path / "b.tsv", derived, curated)))
    assert len(merged) == 1
    assert merged[0].source == "precis" and merged[0].aliases == ("Tehrik-i-Taliban Pakistan",)


def test_no_curated_sense_is_lost_in_merging():
    rows = read_sources()
    curated = [r for r in rows if r.source == "precis"]
    assert len([r for r in merge_rows(rows) if r.source == "precis"]) == len(curated)


def test_parties_of_one_name_in_two_countries_stay_two(tmp_path):
    rows = read_tsv(write(
        tmp_path / "p.tsv",
        ("PDP", "Peoples Democratic Party", "party", "NG", "A party.", "factbook", "0.5"),
        ("PDP", "People's Democratic Party", "party", "BT", "A party.", "factbook", "0.5"),
    ))
    assert len(merge_rows(rows)) == 2


def test_compile_is_deterministic_and_loadable(tmp_path):
    write(tmp_path / "x.tsv",
          ("Abc", "Alpha Beta Charlie", "organisation", "GB,IE", "Letters.", "precis", "0.9"),
          ("ABC", "Another Big Company", "organisation", "", "A company.", "wordnet", "0.4"))
    text = compile_index(tmp_path)
    assert text == compile_index(tmp_path)
    (tmp_path / "index.json").write_text(text, encoding="utf-8")
    small = read_index(tmp_path / "index.json")
    assert len(small) == 2
    assert [s.expansion for s in small.senses("ABC")] == ["Alpha Beta Charlie", "Another Big Company"]
    assert [s.expansion for s in small.senses("Abc")] == ["Alpha Beta Charlie"]
    assert small.senses("Abc")[0].countries == ("GB", "IE")
    assert json.loads(text)["format"] == "precis.glossary-index/2"


# -- speed and dependencies ------------------------------------------------------------------------------------

def test_load_bundled_is_cached():
    assert load_bundled() is load_bundled()


def test_importing_the_glossary_loads_neither_qt_nor_spacy():
    code = (
        "import sys; from desktop.core.glossary.bundled import load_bundled; load_bundled(); "
        "print(any(m.split('.')[0] in ('PySide6', 'spacy') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_form_with_accents_is_found_without_them_when_not_known_as_written():
    glossary = load_bundled()
    assert glossary.knows("ÇAF") and glossary.senses("ÇAF")[0].short == "CAF"
    assert glossary.senses("RTÉ")[0].expansion == "Raidió Teilifís Éireann"
