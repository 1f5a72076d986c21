"""The user's glossary from the command line: define, use in an analysis, export, import, forget."""

import json

import pytest

from tests.conftest import run_precis

pytestmark = pytest.mark.model


def test_define_then_analyse_export_forget_and_import(tmp_path):
    env = {"PRECIS_DATA_DIR": str(tmp_path / "data")}
    defined = run_precis("glossary", "define", "RFA", "River Fishing Association", "--description", "Anglers' club.", env=env)
    assert defined.returncode == 0, defined.stderr
    article = tmp_path / "a.txt"
    article.write_text("The RFA met on Monday to discuss the river. Members voted on the new rules.", encoding="utf-8")
    data = json.loads(run_precis("analyze", str(article), "--json", env=env).stdout)
    entry = next(g for g in data["glossary"] if g["term"] == "RFA")
    assert (entry["expansion"], entry["source"]) == ("River Fishing Association", "user")

    exported = tmp_path / "mine.csv"
    assert run_precis("glossary", "export", str(exported), env=env).returncode == 0
    assert "River Fishing Association" in exported.read_text(encoding="utf-8-sig")
    assert run_precis("glossary", "forget", "RFA", env=env).returncode == 0
    missing = run_precis("glossary", "forget", "RFA", env=env)
    assert missing.returncode == 1 and missing.stderr.decode().count("\n") == 1

    assert run_precis("glossary", "import", str(exported), env=env).returncode == 0
    listing = run_precis("glossary", "list", env=env).stdout.decode()
    assert "RFA\tRiver Fishing Association\tAnglers' club.\t(yours)" in listing


def test_a_bad_csv_exits_1_with_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02 not a csv")
    result = run_precis("glossary", "import", str(bad), env={"PRECIS_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 1
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_a_batch_learns_only_with_learn_and_list_tells_learned_from_yours(tmp_path):
    env = {"PRECIS_DATA_DIR": str(tmp_path / "data")}
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        json.dumps({"id": 1, "title": "Reservoir news", "text": "The Valley Water Trust (VWT) opened a reservoir."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert run_precis("analyze", "--batch", str(batch), "-o", str(out), env=env).returncode == 0
    assert "VWT" not in run_precis("glossary", "list", env=env).stdout.decode()
    assert run_precis("analyze", "--batch", str(batch), "-o", str(out), "--learn", env=env).returncode == 0
    assert run_precis("glossary", "define", "VWT", "Village Walking Team", env=env).returncode == 0
    listing = run_precis("glossary", "list", env=env).stdout.decode().splitlines()
    assert "VWT\tVillage Walking Team\t\t(yours)" in listing
    assert any(line.startswith("VWT\tValley Water Trust\t\t(learned from Reservoir news") for line in listing)
    assert run_precis("glossary", "forget", "VWT", "--only", "learned", env=env).returncode == 0
    listing = run_precis("glossary", "list", env=env).stdout.decode()
    assert "Valley Water Trust" not in listing and "Village Walking Team" in listing
