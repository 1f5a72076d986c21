"""`precis eval entities` and `precis eval entries`: the real commands in a subprocess, on small files."""

import json

import pytest

from tests.conftest import run_precis

pytestmark = pytest.mark.model


def _write(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_eval_entities_prints_f1_by_type(tmp_path):
    rows = [
        {"doc": "d1", "tokens": "Prime Minister Shehbaz Sharif met the World Bank team in Islamabad .".split(),
         "tags": ["O", "O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "O"]},
    ]
    result = run_precis("eval", "entities", str(_write(tmp_path / "conll.jsonl", rows)), "--errors", "3")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "1 documents" in out
    assert all(line in out for line in ("PER ", "ORG ", "LOC ", "all "))


def test_eval_entries_scores_a_glossary_against_gold(tmp_path):
    articles = _write(tmp_path / "articles.jsonl", [{
        "id": "x1",
        "text": "The Rangers were deployed in Karachi after the TTP attack. Karachi stayed calm on Monday.",
    }])
    gold = _write(tmp_path / "gold.jsonl", [{
        "id": "x1",
        "organisations": [{"name": "Rangers", "variants": [], "description": "paramilitary force",
                           "needs_explaining": True}],
        "not_organisations": [{"text": "Karachi", "kind": "place"}],
        "acronyms": [{"short": "TTP", "expansion": "Tehreek-e-Taliban Pakistan"}],
    }])
    result = run_precis("eval", "entries", str(gold), "--articles", str(articles))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "entries that are not organisations:   0" in out
    assert "needed organisations explained:       1/1 (100.0%)" in out


def test_eval_entries_with_articles_the_gold_does_not_cover_is_one_clear_error(tmp_path):
    articles = _write(tmp_path / "articles.jsonl", [{"id": "other", "text": "Nothing to see here today."}])
    gold = _write(tmp_path / "gold.jsonl", [{"id": "x1", "organisations": []}])
    result = run_precis("eval", "entries", str(gold), "--articles", str(articles))
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and b"--articles" in result.stderr
