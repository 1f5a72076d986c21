"""`precis eval acronyms`: the real command in a subprocess, on small JSONL files the tests write."""

import json

from tests.conftest import run_precis

RECORDS = [
    {
        "id": "a",
        "text": "The Pakistan Muslim League-Nawaz (PML-N) met the International Monetary Fund (IMF) today.",
        "pairs": [["PML-N", "Pakistan Muslim League-Nawaz"], ["IMF", "International Monetary Fund"]],
    },
    {
        "id": "b",
        "text": "Cells expressing green fluorescent protein (GFP) and the ERK pathway were studied.",
        "pairs": [["GFP", "green fluorescent protein"], ["ERK", "extracellular signal-regulated kinase"]],
    },
    {"id": "c", "text": "Standard operating procedures (SOPs) apply.", "pairs": [["SOPs", "standard operating procedures"]]},
]


def _write(tmp_path, records, name="gold.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_prints_precision_recall_and_f1(tmp_path):
    result = run_precis("eval", "acronyms", str(_write(tmp_path, RECORDS)))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "3 documents, 5 gold pairs, 4 found" in out
    assert "precision 1.000  recall 0.800  F1 0.889  (TP 4, FP 0, FN 1)" in out
    assert "missed" not in out


def test_errors_lists_misses_and_false_positives(tmp_path):
    records = RECORDS + [{"id": "d", "text": "The World Bank (WB) lent money.", "pairs": []}]
    result = run_precis("eval", "acronyms", str(_write(tmp_path, records)), "--errors", "5")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "missed (first 1 of 1):\n  [b] ERK = extracellular signal-regulated kinase" in out
    assert "false positives (first 1 of 1):\n  [d] WB = World Bank" in out


def test_limit_scores_the_first_records_only(tmp_path):
    result = run_precis("eval", "acronyms", str(_write(tmp_path, RECORDS)), "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert "1 documents, 2 gold pairs, 2 found" in result.stdout.decode()


def test_long_forms_compare_case_insensitively_unless_asked(tmp_path):
    records = [{"id": "x", "text": "The World Bank (WB) lent money.", "pairs": [["WB", "world bank"]]}]
    path = _write(tmp_path, records)
    assert "(TP 1, FP 0, FN 0)" in run_precis("eval", "acronyms", str(path)).stdout.decode()
    strict = run_precis("eval", "acronyms", str(path), "--case-sensitive").stdout.decode()
    assert "(TP 0, FP 1, FN 1)" in strict


def test_a_gold_pair_written_the_wrong_way_round_is_read_the_right_way(tmp_path):
    records = [{"id": "x", "text": "The World Bank (WB) lent money.", "pairs": [["World Bank", "WB"]]}]
    out = run_precis("eval", "acronyms", str(_write(tmp_path, records))).stdout.decode()
    assert "(TP 1, FP 0, FN 0)" in out


def test_a_bad_file_exits_1_with_one_line(tmp_path):
    missing = run_precis("eval", "acronyms", str(tmp_path / "missing.jsonl"))
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"text": "x", "pairs": []}\nnot json\n', encoding="utf-8")
    no_pairs = _write(tmp_path, [{"text": "The IMF met."}], "nopairs.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    for result, words in [
        (missing, "Cannot read"), (run_precis("eval", "acronyms", str(bad_json)), "Line 2"),
        (run_precis("eval", "acronyms", str(no_pairs)), "'pairs'"), (run_precis("eval", "acronyms", str(empty)), "no records"),
    ]:
        assert result.returncode == 1
        err = result.stderr.decode()
        assert err.startswith("precis: error: ") and words in err and err.count("\n") == 1, err
        assert "Traceback" not in err and result.stdout == b""


def test_eval_needs_a_file():
    result = run_precis("eval", "acronyms")
    assert result.returncode == 2


def test_eval_glossary_counts_correct_wrong_and_unexplained(tmp_path):
    import json as _json

    from tests.conftest import run_precis as _run

    data = tmp_path / "undefined.jsonl"
    record = {
        "text": "Officials in Peshawar said the TTP had claimed the attack. The QXZW unit was not involved.",
        "undefined_pairs": [["TTP", "tehreek-e-taliban pakistan"], ["QXZW", "quiet xylophone zone watch"]],
    }
    data.write_text(_json.dumps(record) + "\n", encoding="utf-8")
    result = _run("eval", "glossary", str(data), "--errors", "5")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "2 acronyms used without a definition" in out
    assert "correct          1   50.0%" in out and "unexplained      1   50.0%" in out
    assert "among the built-in glossary's senses for 1 (50.0%)" in out


def test_eval_glossary_takes_a_gold_file_by_id_and_reports_reliability(tmp_path):
    articles = _write(tmp_path, [
        {"id": "x", "text": "Officials in Islamabad said the TTP attacked police in Peshawar, Pakistan, on Monday."},
    ], name="articles.jsonl")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"pairs": {"x": [["TTP", "Tehreek-e-Taliban Pakistan"]]}}), encoding="utf-8")
    result = run_precis("eval", "glossary", str(articles), "--gold", str(gold))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "correct          1  100.0%" in out and "wrong            0" in out
    assert "reliability of the meanings shown" in out and "at 0.8 or more: 1 of 1 right" in out


def test_eval_glossary_with_a_broken_gold_file_says_so_in_one_line(tmp_path):
    articles = _write(tmp_path, [{"id": "x", "text": "The TTP attacked."}], name="articles.jsonl")
    gold = tmp_path / "gold.json"
    gold.write_text("{not json", encoding="utf-8")
    result = run_precis("eval", "glossary", str(articles), "--gold", str(gold))
    assert result.returncode == 1
    assert len(result.stderr.decode().strip().splitlines()) == 1
