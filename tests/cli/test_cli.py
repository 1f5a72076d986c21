"""The `precis` command run as a user runs it: a subprocess, real files, exit codes and output."""

import json

import pytest

from tests.conftest import SAMPLE, SEED, run_precis
from tests.contract import assert_valid_analysis

pytestmark = pytest.mark.model


def test_human_output_has_the_summary_then_entities_by_type():
    result = run_precis("analyze", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("River towns weigh the cost of the next flood\n")
    assert out.index("Summary (By article kind, 3 of") < out.index("Entities")
    assert "  ORG: " in out and "Regional Flood Authority" in out.split("  ORG: ")[1].splitlines()[0]
    assert "  RFA — Regional Flood Authority [defined in this article]" in out


def test_without_a_display_the_window_command_says_what_to_do_instead():
    env = {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    result = run_precis(str(SAMPLE), env=env, timeout=60)
    assert result.returncode == 1
    assert b"no display" in result.stderr and b"precis analyze" in result.stderr


@pytest.mark.parametrize("path", [SAMPLE, SEED], ids=["sample", "seed"])
def test_json_follows_the_contract(path):
    if not path.exists():
        pytest.skip("the shared seed article is not beside this checkout")
    result = run_precis("analyze", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert_valid_analysis(json.loads(result.stdout))


def test_standard_input_with_odd_unicode_keeps_offsets():
    text = "Zoë Ball met 👩‍🔬 researchers from 𝐍𝐀𝐒𝐀 and Microsoft\r\nin Seattle on\x00 Friday. It went well."
    result = run_precis("analyze", "-", "--json", "--algorithm", "lexrank", "--sentences", "1", input=text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert_valid_analysis(data)
    assert data["summary"]["algorithm"] == "lexrank" and len(data["summary"]["sentences"]) == 1
    assert {"Microsoft", "Seattle"} <= {e["text"] for e in data["entities"]}


@pytest.mark.parametrize(
    "option, check",
    [
        (["--sentences", "5"], lambda s, n: len(s) == 5),
        (["--ratio", "0.5"], lambda s, n: len(s) == round(n / 2)),
        (["--ratio", "25%"], lambda s, n: len(s) == round(n / 4)),
        (["--words", "40"], lambda s, n: 1 <= len(s) <= 3),
    ],
)
def test_length_options(option, check):
    result = run_precis("analyze", str(SAMPLE), "--json", *option)
    data = json.loads(result.stdout)
    choosable = [s for s in data["sentences"] if not (s["heading"] or s["fragment"])]
    assert check(data["summary"]["sentences"], len(choosable))


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "empty.txt", "no text"),
        (lambda d: d / "binary.txt", "binary"),
        (lambda d: d / "missing.txt", "no file"),
        (lambda d: d, "folder"),
    ],
)
def test_bad_input_exits_1_with_one_line_and_a_hint(tmp_path, make, message):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    result = run_precis("analyze", str(make(tmp_path)))
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("precis: error: ") and message in lines[0] and "(" in lines[0]
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [["analyze", "x.txt", "--sentences", "0"], ["analyze", "x.txt", "--ratio", "2"], ["analyze", "--algorithm", "nope", "x"],
     ["analyze", "x.txt", "--sentences", "2", "--words", "9"], ["analyze"], ["eval"]],
)
def test_usage_errors_exit_2(args):
    result = run_precis(*args)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_batch_keeps_order_and_ids_and_reports_bad_records_in_their_line(tmp_path):
    article = SAMPLE.read_text(encoding="utf-8")
    records = [
        json.dumps({"id": "a", "text": article}),
        json.dumps({"id": "b", "text": "   "}),
        "{not json",
        json.dumps({"id": 7, "article": "The mayor met residents on Monday. They asked about the levy."}),
        json.dumps({"id": "c"}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run_precis("analyze", "--batch", str(source), "-o", str(target), "--sentences", "2")
    assert result.returncode == 1, result.stderr  # three records failed
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", 3, 7, "c"]
    assert_valid_analysis(lines[0])
    assert len(lines[0]["summary"]["sentences"]) == 2
    assert "error" in lines[1] and "error" in lines[2] and "error" in lines[4]
    assert lines[3]["summary"]["sentences"] == [0, 1]
    assert b"[5/5]" in result.stderr


def test_eval_summaries_prints_rouge_for_chosen_algorithms_and_lead(tmp_path):
    article = SAMPLE.read_text(encoding="utf-8")
    reference = "The Regional Flood Authority found a third of the banks below standard.\nRepairs would cost 180 million euros."
    data = tmp_path / "gold.jsonl"
    data.write_text(json.dumps({"article": article, "reference": reference}) + "\n", encoding="utf-8")
    result = run_precis("eval", "summaries", str(data), "--algorithm", "lexrank", "--algorithm", "kl", "--sentences", "2")
    assert result.returncode == 0, result.stderr
    table = result.stdout.decode().splitlines()
    assert "ROUGE-1" in table[1] and "ROUGE-Lsum" in table[1]
    rows = {line.split()[0]: [float(x) for x in line.split()[1:4]] for line in table[2:]}
    assert set(rows) == {"LexRank", "KL-Sum", "Lead-2"}
    assert all(0 <= value <= 100 for scores in rows.values() for value in scores)
    assert all(scores[0] > 0 for scores in rows.values()), "every summary shares some words with the reference"


def test_eval_on_a_file_without_references_exits_1(tmp_path):
    data = tmp_path / "bad.jsonl"
    data.write_text(json.dumps({"article": "Text."}) + "\n")
    result = run_precis("eval", "summaries", str(data))
    assert result.returncode == 1 and b"reference" in result.stderr
