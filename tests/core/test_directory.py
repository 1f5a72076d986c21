"""The directory of organisations by full name: a university, hospital, company or club named in an article says
what it is and where, and a short everyday name is never taken for a listed body outside its context."""

import json
import subprocess

import pytest

from desktop.core.glossary import build_directory
from desktop.core.glossary.bundled import load_bundled
from desktop.core.glossary.directory import (
    Directory, describe, from_directory, is_city_state_club, load_directory, lookup_key,
)
from desktop.core.glossary.resolve import build_glossary
from desktop.core.model import Entity
from desktop.core.pipeline import AnalysisOptions, analyze
from desktop.resources import resource_path

FOOTBALL = (
    "Benfica won 2-0 at Monaco in the first leg of their Champions League playoff on Tuesday. Monaco had a "
    "midfielder sent off before half-time, and the recent signing from Besiktas was booked for dissent. The "
    "striker scored a penalty and then a header; the goalkeeper saved a second penalty. Monaco's coach said the "
    "league leaders would need goals in the return leg in Lisbon."
)


@pytest.fixture(autouse=True)
def private_data(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / "data"))


def _entries(text):
    document = analyze(text, AnalysisOptions(user_glossary=False, learn=False))
    return {entry.term: entry for entry in document.glossary}, document.entities


def test_a_football_story_names_its_clubs_with_their_towns():
    entries, entities = _entries(FOOTBALL)
    assert "Istanbul" in entries["Besiktas"].meaning and "football club" in entries["Besiktas"].meaning
    assert "football club" in entries["Monaco"].meaning  # the city-state's club, not the country
    assert all(e.label == "ORG" for e in entities if e.text == "Monaco")


def test_outside_sport_a_country_or_a_short_name_is_no_club():
    text = ("Prince Albert of Monaco opened a marine conference in Monaco on Monday. Delegates from Besiktas "
            "municipality and the Union of Fishermen attended, with officials of United and City councils.")
    entries, entities = _entries(text)
    assert "Monaco" not in entries
    assert not any("football" in (entry.meaning or "") for entry in entries.values())


def test_a_university_and_a_hospital_say_where_they_are():
    text = ("Students of Tufts University held a seminar, and doctors from Shifa International Hospital spoke "
            "about autism.")
    entities = [Entity(text.index(n), text.index(n) + len(n), "ORG", n)
                for n in ("Tufts University", "Shifa International Hospital")]
    entries, _, _ = build_glossary(text, entities, load_bundled())
    meanings = {e.term: e.meaning for e in entries}
    assert meanings["Tufts University"].startswith("A university in Medford, United States")
    assert meanings["Shifa International Hospital"].startswith("A hospital in Islamabad, Pakistan")
    # spaCy often reads a hospital as a building: a listed body is an organisation all the same
    building = [Entity(e.start, e.end, "FAC", e.text) for e in entities]
    entries, corrected, _ = build_glossary(text, building, load_bundled())
    assert "Shifa International Hospital" in {e.term for e in entries}
    assert {e.label for e in corrected if e.text == "Shifa International Hospital"} == {"ORG"}


def test_a_name_many_countries_share_is_taken_only_where_the_article_names_one():
    rows = [
        "name\ttype\tplace\tcountry\tfounded\tkeys\n",
        "Ministry of Health\tgovernment\tAccra, Ghana\tGH\t\t\n",
        "Ministry of Health\tgovernment\tAmman, Jordan\tJO\t\t\n",
        "Ministry of Tourism\tgovernment\tAmman, Jordan\tJO\t\t\n",
        "Zorbex Analytics\tcompany\tTallinn, Estonia\tEE\t2011\t\n",
    ]
    directory = Directory(rows)
    assert directory.find("Ministry of Health", "The Ministry of Health said cases fell.", None) is None
    found = directory.find("Ministry of Health", "In Jordan, the Ministry of Health said cases fell.", None)
    assert found is not None and found.place == "Jordan"  # the country; the town only if the article names it
    found = directory.find("Ministry of Health", "In Amman, Jordan's Ministry of Health said cases fell.", None)
    assert found is not None and found.place == "Amman, Jordan"
    assert directory.find("Ministry of Tourism", "The Ministry of Tourism in Riyadh said so.", None) is None
    # a state body belongs to the country the story is mainly about, not to one it mentions in passing
    story = "Pakistan's Ministry of Tourism said Pakistan and Pakistani firms would gain, unlike Jordan."
    assert directory.find("Ministry of Tourism", story, None) is None
    found = directory.find("Zorbex Analytics", "Zorbex Analytics raised money.", None)
    assert describe(found) == "A company in Tallinn, Estonia, founded in 2011."


def test_the_bundled_directory_describes_more_than_the_name_and_skips_everyday_words():
    directory = load_directory()
    assert len(directory) > 10_000
    for word in ("Union", "United", "City", "Independent", "Apple", "Pakistan"):
        assert not [c for c in directory.candidates(word) if not c.is_club], word
    assert is_city_state_club("Monaco") and not is_city_state_club("Spain")
    header = resource_path("glossary/directory/organisations.tsv").read_text(encoding="utf-8").splitlines()[:200]
    for line in header[2:]:
        name, kind, place, country, founded, keys = line.split("\t")
        assert place and len(country) == 2 and country.isupper(), line
        assert describe(directory.candidates(name)[0]).count(" ") >= 3
    assert from_directory("Union", "The Union met.") is None


def test_lookup_ignores_accents_case_dots_and_a_leading_the():
    assert lookup_key("Beşiktaş JK") == lookup_key("besiktas jk")
    assert lookup_key("The Apple Inc.") == "apple inc"
    assert lookup_key("AT&T") == lookup_key("at and t")


def _git_repo(folder, files):
    folder.mkdir()
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data"]):
        subprocess.run(["git", "-C", str(folder), *command], check=True)
    return folder


def test_the_build_reads_clubs_universities_and_ror_records_from_git_clones(tmp_path, monkeypatch):
    clubs = _git_repo(tmp_path / "clubs", {"europe/turkey/tr.clubs.txt": (
        "= Turkey\n\nBeşiktaş İstanbul,    İstanbul\n  | Beşiktaş | Beşiktaş JK | Beş. İst. [de]\n"
        " Some Street 12 // 34000 İstanbul\nUnion Club, 1920, @ Stadium, Bursa\n  | Union\n")})
    record = {"id": "x", "status": "active", "types": ["education"], "established": 1985,
              "names": [{"value": "Lahore University of Management Sciences", "types": ["ror_display", "label"],
                         "lang": "en"}, {"value": "LUMS", "types": ["acronym"], "lang": None}],
              "locations": [{"geonames_details": {"name": "Lahore", "country_code": "PK"}}]}
    surname = dict(record, types=["company"], names=[{"value": "Arkin", "types": ["ror_display"], "lang": None}])
    ror = _git_repo(tmp_path / "ror", {"v2.1/0abc.json": json.dumps(record),
                                       "v1.0/0abc.json": json.dumps(dict(record, status="inactive")),
                                       "v2.1/0def.json": json.dumps(surname)})
    universities = _git_repo(tmp_path / "uni", {"world_universities_and_domains.json": json.dumps(
        [{"name": "University of Zorbex", "alpha_two_code": "EE", "state-province": None}])})
    monkeypatch.setattr(build_directory, "glossary_dir", lambda: tmp_path)
    (tmp_path / "directory").mkdir()
    counts = build_directory.build(ror, universities, clubs, None)
    assert counts == {"ror": 2, "universities": 1, "clubs": 2, "directory/organisations.tsv": 4}
    lines = (tmp_path / "directory" / "organisations.tsv").read_text(encoding="utf-8").splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[2:]}
    assert rows["Beşiktaş İstanbul"][1:4] == ["football club", "Istanbul, Turkey", "TR"]
    assert "besiktas" in rows["Beşiktaş İstanbul"][5].split("|")
    assert "union" not in rows["Union Club"][5]  # one everyday word is never a key
    assert rows["Lahore University of Management Sciences"][1:5] == ["education", "Lahore, Pakistan", "PK", "1985"]
    assert "lums" not in rows["Lahore University of Management Sciences"][5]  # acronyms are the glossary's job
    assert rows["University of Zorbex"][2] == "Estonia"
    assert "Arkin" not in rows  # one plain word may be a person's surname: no lookup by it
