"""The user's glossary database: precedence, persistence, CSV, and never losing an entry to damage, locks or crashes."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.core.errors import PrecisError
from desktop.core.glossary import user_db
from desktop.core.glossary.user_db import CSV_COLUMNS, UserEntry, UserGlossary, default_path, salvage
from tests.conftest import ROOT

GARBAGE = b"This is not a database at all.\x00\xff\xfe" * 300

TRICKY = [
    ("TTP", "Tehreek-e-Taliban Pakistan", 'A banned militant group, "the Pakistani Taliban", active since 2007.'),
    ("A,B", "Alpha, Bravo", "Commas, everywhere, in every field,"),
    ('Q"Q', 'Quote "inside" quotes', '"Starts and ends with quotes"'),
    ("NL", "First line\nSecond line", "One\r\nTwo\nThree\n\nFive"),
    ("نیکٹا", "نیشنل کاؤنٹر ٹیررازم اتھارٹی", "اردو میں تفصیل"),
    ("中国", "中华人民共和国", "Emoji too 🇵🇰 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP"),
]


@pytest.fixture
def glossary(tmp_path):
    with UserGlossary(tmp_path / "glossary.sqlite3", timeout=0.2) as opened:
        yield opened


def test_define_then_lookup_exact_and_in_any_case(glossary):
    entry = glossary.define("NACTA", "National Counter Terrorism Authority", "Pakistan's counter-terrorism body")
    assert entry.origin == "user" and entry.kind == "acronym" and entry.article is None
    assert glossary.lookup("NACTA") == entry
    assert glossary.lookup("Nacta") == entry
    assert glossary.lookup("  nacta ") == entry
    assert glossary.lookup("NAC") is None
    assert glossary.lookup("") is None


def test_define_replaces_the_users_earlier_entry(glossary):
    glossary.define("PTA", "Parent-Teacher Association")
    glossary.define("PTA", "Pakistan Telecommunication Authority", kind="organisation")
    found = glossary.lookup("PTA")
    assert (found.expansion, found.kind) == ("Pakistan Telecommunication Authority", "organisation")
    assert len(glossary) == 1


def test_a_user_entry_wins_over_a_learned_one(glossary):
    glossary.remember("ISPR", "Inter-Services Public Relations", "Article one")
    assert glossary.lookup("ISPR").origin == "learned"
    glossary.define("ISPR", "Inter Services Public Relations (corrected)")
    assert glossary.lookup("ISPR").origin == "user"
    # Forgetting only the correction brings the learned definition back.
    assert glossary.forget("ISPR", origin="user")
    assert glossary.lookup("ISPR").expansion == "Inter-Services Public Relations"


def test_remember_never_overwrites_a_user_entry(glossary):
    mine = glossary.define("PDM", "Pakistan Democratic Movement", "An alliance of opposition parties")
    glossary.remember("PDM", "Plant Data Management", "A farming article")
    glossary.remember_many([("PDM", "Product Data Management", "acronym")], "An engineering article")
    assert glossary.lookup("PDM") == mine
    assert [e.origin for e in glossary.entries()] == ["user", "learned"]


def test_remember_updates_an_older_learned_entry(glossary):
    glossary.remember("FBR", "Federal Board of Revenue", "Budget story")
    glossary.remember("FBR", "Federal Bureau of Revenue", "Tax story", kind="organisation")
    learned = glossary.lookup("FBR")
    assert (learned.expansion, learned.article) == ("Federal Bureau of Revenue", "Tax story")
    assert learned.kind == "organisation"
    assert len(glossary) == 1
    # The same definition from the same article again is not a write at all.
    assert glossary.remember_many([("FBR", "Federal Bureau of Revenue", "organisation")], "Tax story") == 0


def test_exact_spelling_first_then_any_case_with_user_entries_first(glossary):
    glossary.define("Nap", "A short sleep")
    glossary.remember("NAP", "National Action Plan", "Security article")
    assert glossary.lookup("NAP").expansion == "National Action Plan"
    assert glossary.lookup("Nap").expansion == "A short sleep"
    # No exact match: among the case-insensitive ones, the user's entry wins.
    assert glossary.lookup("nap").expansion == "A short sleep"


def test_entries_are_sorted_by_term_and_forget_removes_them(glossary):
    for term in ("WHO", "ama", "Zed", "BBC"):
        glossary.define(term, f"{term} expansion")
    glossary.remember("BBC", "British Broadcasting Corporation", "News")
    assert [(e.term, e.origin) for e in glossary.entries()] == [
        ("ama", "user"), ("BBC", "user"), ("BBC", "learned"), ("WHO", "user"), ("Zed", "user"),
    ]
    assert glossary.forget("BBC") is True
    assert glossary.forget("BBC") is False
    assert glossary.forget("who") is False  # forgetting is exact: the user sees and names the entry they remove
    assert [e.term for e in glossary.entries()] == ["ama", "WHO", "Zed"]


@pytest.mark.parametrize(
    "term, expansion, description, kind",
    [
        ("", "Empty term", None, "acronym"),
        ("   ", "Blank term", None, "acronym"),
        ("X", None, None, "acronym"),
        ("X", "  ", "", "acronym"),
        ("X", "Something", None, "planet"),
        ("X" * 300, "Too long", None, "acronym"),
        ("A\x00B", "Control character", None, "acronym"),
    ],
)
def test_define_rejects_entries_that_make_no_sense(glossary, term, expansion, description, kind):
    with pytest.raises(PrecisError):
        glossary.define(term, expansion, description, kind)
    assert len(glossary) == 0


def test_terms_are_tidied_but_kept_as_written(glossary):
    glossary.define("  IS \t K ", "Islamic State Khorasan", "  padded  ", kind="Organization")
    entry = glossary.lookup("IS K")
    assert (entry.term, entry.description, entry.kind) == ("IS K", "padded", "organisation")


def test_the_glossary_survives_a_restart(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    with UserGlossary(path) as first:
        first.define("SBP", "State Bank of Pakistan", "The central bank", kind="organisation")
        first.remember("IMF", "International Monetary Fund", "Loan talks")
    with UserGlossary(path) as second:
        assert second.lookup("SBP").description == "The central bank"
        assert second.lookup("IMF").article == "Loan talks"
        assert len(second) == 2
        version = second._query("PRAGMA user_version")[0][0]
        mode = second._query("PRAGMA journal_mode")[0][0]
    assert (version, mode) == (user_db.SCHEMA_VERSION, "wal")


def test_default_path_follows_precis_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "glossary.sqlite3"
    with UserGlossary() as glossary:
        glossary.define("EU", "European Union")
    assert (tmp_path / "data" / "glossary.sqlite3").is_file()


def test_default_path_without_the_variable_is_the_user_data_folder(monkeypatch):
    monkeypatch.delenv("PRECIS_DATA_DIR", raising=False)
    path = default_path()
    assert path.name == "glossary.sqlite3" and "precis" in str(path.parent).lower()


def test_one_glossary_serves_several_threads(glossary):
    def learn(start):
        for n in range(start, start + 50):
            glossary.remember(f"T{n}", f"Term {n}", "Threaded article")

    threads = [threading.Thread(target=learn, args=(start,)) for start in (0, 100, 200)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(glossary) == 150


# -- CSV -----------------------------------------------------------------------------------------------------------


def test_csv_round_trip_keeps_every_character(tmp_path, glossary):
    for term, expansion, description in TRICKY:
        glossary.define(term, expansion, description)
    glossary.remember("IMF", "International Monetary Fund", 'Article "A, B"\nwith a newline')
    exported = tmp_path / "out.csv"
    assert glossary.export_csv(exported) == len(TRICKY) + 1
    with open(exported, encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == list(CSV_COLUMNS)
    with UserGlossary(tmp_path / "other.sqlite3") as other:
        assert other.import_csv(exported) == len(TRICKY) + 1
        assert other.entries() == glossary.entries()
        assert other.lookup("IMF").origin == "learned"
        assert other.lookup("NL").description == "One\r\nTwo\nThree\n\nFive"


def test_export_replaces_the_file_whole_and_leaves_no_temporary_file(tmp_path, glossary):
    target = tmp_path / "glossary.csv"
    target.write_text("old content", encoding="utf-8")
    glossary.define("UN", "United Nations")
    glossary.export_csv(target)
    assert "United Nations" in target.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("glossary.sqlite3")) == ["glossary.csv"]


def test_export_to_a_missing_folder_is_a_precis_error(tmp_path, glossary):
    with pytest.raises(PrecisError):
        glossary.export_csv(tmp_path / "no" / "such" / "folder" / "out.csv")


def test_import_reads_minimal_and_spreadsheet_files(tmp_path, glossary):
    minimal = tmp_path / "minimal.csv"
    minimal.write_text("Term,Expansion\nWHO,World Health Organization\n\n", encoding="utf-8")
    assert glossary.import_csv(minimal) == 1
    entry = glossary.lookup("WHO")
    assert (entry.origin, entry.kind, entry.description) == ("user", "acronym", None)
    semicolons = tmp_path / "excel.csv"
    semicolons.write_bytes(
        "\ufeffterm;expansion;kind;origin;article\r\nCPEC;China–Pakistan Economic Corridor;;learned;Dawn\r\n".encode()
    )
    assert glossary.import_csv(semicolons) == 1
    assert glossary.lookup("CPEC").article == "Dawn"
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("term,description\nSCO,Shanghai Cooperation Organisation\n".encode("utf-16"))
    assert glossary.import_csv(utf16) == 1


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"name,meaning\nA,B\n",
        "term,expansion\nGOOD,Fine entry\n,No term\n".encode(),
        "term,expansion,kind\nGOOD,Fine entry,acronym\nBAD,Bad kind,planet\n".encode(),
        "term,expansion,origin\nGOOD,Fine entry,user\nBAD,Bad origin,robot\n".encode(),
        "term,expansion,origin\nGOOD,Fine entry,user\nLRN,,learned\n".encode(),
        "term,expansion\nGOOD,Fine entry\nEXTRA,Too,many,cells\n".encode(),
        "term,expansion,updated\nGOOD,Fine entry,yesterday\n".encode(),
        "term,expansion,term\nGOOD,Fine entry,again\n".encode(),
        'term,expansion\nGOOD,"unterminated quote\n'.encode(),
        b"term,expansion\nGOOD,\xff\xfe\xfd not UTF-8\n",
    ],
    ids=["empty", "no-term-column", "blank-term", "bad-kind", "bad-origin", "learned-without-expansion",
         "extra-cells", "bad-date", "duplicate-column", "unterminated-quote", "not-utf8"],
)
def test_a_bad_csv_imports_nothing(tmp_path, glossary, content):
    glossary.define("KEEP", "Kept entry")
    before = glossary.entries()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    with pytest.raises(PrecisError) as raised:
        glossary.import_csv(bad)
    assert raised.value.hint
    assert glossary.entries() == before


def test_a_bad_csv_names_the_rows_at_fault(tmp_path, glossary):
    bad = tmp_path / "bad.csv"
    bad.write_text("term,expansion,kind\nOK,Fine,acronym\nB1,x,planet\nOK2,Fine,acronym\nB2,y,star\n", encoding="utf-8")
    with pytest.raises(PrecisError, match=r"row 3.*row 5"):
        glossary.import_csv(bad)


FORMULAS = [
    ("HL", '=HYPERLINK("https://example.com/x","Click to verify")', "=cmd|' /C calc'!A0"),
    ("PLUS", "+1+2", "@SUM(A1:A9)"),
    ("=1+2", "Minus", "-2+3"),
    ("DASH", "- a list-like expansion", "-based on real glossary text"),
    ("QUOTE", "'quoted' already", "''=twice"),
]


def test_csv_export_neutralises_formulas_and_round_trips_them_exactly(tmp_path, glossary):
    for term, expansion, description in FORMULAS:
        glossary.define(term, expansion, description)
    exported = tmp_path / "out.csv"
    glossary.export_csv(exported)
    with open(exported, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(\"https://example.com/x\",\"Click to verify\")" in cells and "'-2+3" in cells
    with UserGlossary(tmp_path / "other.sqlite3") as other:
        other.import_csv(exported)
        assert other.entries() == glossary.entries()
        assert other.lookup("DASH").description == "-based on real glossary text"
        assert other.lookup("QUOTE").description == "''=twice"


def test_a_formula_behind_a_tab_is_neutralised_on_the_way_out(tmp_path, glossary):
    source = tmp_path / "shared.csv"
    source.write_text('term,expansion\nTAB,"\t=1+2"\n', encoding="utf-8")
    glossary.import_csv(source)
    exported = tmp_path / "out.csv"
    glossary.export_csv(exported)
    assert "'=1+2" in exported.read_text(encoding="utf-8-sig")


def test_csv_export_follows_the_umask_and_removes_stale_temporaries(tmp_path, glossary):
    glossary.define("UN", "United Nations")
    target = tmp_path / "glossary.csv"
    stale = tmp_path / ".glossary.csv.0123abcd.999999999.tmp"  # left by a killed export (no such process)
    stale.write_text("half", encoding="utf-8")
    old = os.umask(0o027)
    try:
        glossary.export_csv(target)
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o640
    assert not stale.exists()


def test_csv_import_messages_end_with_one_full_stop(tmp_path, glossary):
    bad = tmp_path / "bad.csv"
    bad.write_text("term,expansion\n,No term\n", encoding="utf-8")
    with pytest.raises(PrecisError) as raised:
        glossary.import_csv(bad)
    assert ".." not in str(raised.value) and raised.value.message.endswith(".")


def test_importing_a_missing_file_is_a_precis_error(tmp_path, glossary):
    with pytest.raises(PrecisError):
        glossary.import_csv(tmp_path / "missing.csv")


# -- damage, locks, read-only --------------------------------------------------------------------------------------


@pytest.mark.allow_log_warnings
def test_a_damaged_file_is_reported_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    path.write_bytes(GARBAGE)
    with pytest.raises(PrecisError) as raised:
        UserGlossary(path)
    assert "damaged" in raised.value.message and raised.value.hint
    assert path.read_bytes() == GARBAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary.sqlite3"]


def _fill_and_damage(path: Path, count: int = 3000) -> bytes:
    """A real glossary with one page in the middle overwritten, which passes the header check but not quick_check."""
    with UserGlossary(path) as glossary:
        glossary.remember_many(((f"T{n}", f"Term number {n} " + "x" * 60, "acronym") for n in range(count)), "Big")
    data = bytearray(path.read_bytes())
    page = 4096
    data[10 * page:11 * page] = b"\xab" * page
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.allow_log_warnings
def test_a_database_failing_quick_check_is_reported_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    damaged = _fill_and_damage(path)
    with pytest.raises(PrecisError, match="damaged"):
        UserGlossary(path)
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary.sqlite3"]


def test_another_sqlite_database_is_not_taken_for_a_glossary(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE photos (name TEXT)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(PrecisError, match="not a Précis glossary"):
        UserGlossary(path)
    assert path.read_bytes() == before


@pytest.mark.allow_log_warnings
def test_salvage_sets_the_damaged_file_aside_and_keeps_what_can_be_read(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    damaged = _fill_and_damage(path)
    result = salvage(path)
    assert result.aside.name.startswith("glossary.sqlite3.damaged-")
    assert result.aside.read_bytes() == damaged
    assert 2500 < result.recovered < 3000
    with UserGlossary(path) as fresh:
        assert len(fresh) == result.recovered
        assert fresh.lookup("T0").expansion.startswith("Term number 0")
        assert fresh.lookup("T2999").article == "Big"
        fresh.define("NEW", "Works again")


@pytest.mark.allow_log_warnings
def test_salvage_of_garbage_starts_an_empty_glossary_and_keeps_the_garbage(tmp_path, monkeypatch):
    monkeypatch.setenv("PRECIS_DATA_DIR", str(tmp_path))
    (tmp_path / "glossary.sqlite3").write_bytes(GARBAGE)
    result = salvage()
    assert result.recovered == 0 and result.aside.read_bytes() == GARBAGE
    with UserGlossary() as fresh:
        assert len(fresh) == 0


def test_a_locked_database_refuses_writes_keeps_reading_and_loses_nothing(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    with UserGlossary(path) as setup:
        setup.define("PPP", "Pakistan Peoples Party", kind="organisation")
        setup.remember("PML-N", "Pakistan Muslim League (Nawaz)", "Election article")
        before = setup.entries()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("DELETE FROM entries")  # uncommitted: must never become visible
        with UserGlossary(path, timeout=0.1) as glossary:
            started = time.monotonic()
            with pytest.raises(PrecisError, match="busy") as raised:
                glossary.define("JUI", "Jamiat Ulema-e-Islam")
            assert time.monotonic() - started < 5
            assert "Nothing was lost" in raised.value.hint
            with pytest.raises(PrecisError):
                glossary.remember("JUI", "Jamiat Ulema-e-Islam", "Another article")
            with pytest.raises(PrecisError):
                glossary.forget("PPP")
            assert glossary.lookup("PPP").expansion == "Pakistan Peoples Party"
            assert glossary.entries() == before
            holder.execute("ROLLBACK")
            glossary.define("JUI", "Jamiat Ulema-e-Islam")
            assert len(glossary) == 3
    finally:
        holder.close()


def test_a_glossary_from_a_newer_precis_opens_read_only(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    with UserGlossary(path) as setup:
        setup.define("ECP", "Election Commission of Pakistan")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {user_db.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with UserGlossary(path) as glossary:
        assert not glossary.writable and "newer version" in glossary.read_only_reason.message
        assert glossary.lookup("ECP").expansion == "Election Commission of Pakistan"
        with pytest.raises(PrecisError, match="newer version"):
            glossary.define("X", "Y")
        assert glossary.export_csv(tmp_path / "out.csv") == 1


def test_a_folder_that_cannot_be_created_is_a_precis_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PRECIS_DATA_DIR", str(blocker / "data"))
    with pytest.raises(PrecisError) as raised:
        UserGlossary()
    assert raised.value.hint


def test_a_folder_in_place_of_the_file_is_a_precis_error(tmp_path):
    (tmp_path / "glossary.sqlite3").mkdir()
    with pytest.raises(PrecisError, match="is a folder"):
        UserGlossary(tmp_path / "glossary.sqlite3")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_folder_still_allows_reading(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "glossary.sqlite3"
    with UserGlossary(path) as setup:
        setup.define("NDMA", "National Disaster Management Authority")
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    try:
        with UserGlossary(path) as glossary:
            assert not glossary.writable
            assert glossary.lookup("NDMA").expansion == "National Disaster Management Authority"
            with pytest.raises(PrecisError, match="cannot write"):
                glossary.define("X", "Y")
    finally:
        os.chmod(folder, 0o755)
        os.chmod(path, 0o644)


# -- crashes -------------------------------------------------------------------------------------------------------

_ENDLESS_TRANSACTION = """
import itertools, sys
from pathlib import Path
from desktop.core.glossary.user_db import UserGlossary

def definitions():
    for n in itertools.count():
        if n == int(sys.argv[2]):
            print("deep in the transaction", flush=True)
        yield (f"DOOMED{n}", f"Never committed {n} " + "y" * 80, "acronym")

UserGlossary(Path(sys.argv[1])).remember_many(definitions(), "The article being analysed when the power went")
"""

_COMMITTED_BATCHES = """
import sys
from pathlib import Path
from desktop.core.glossary.user_db import UserGlossary

glossary = UserGlossary(Path(sys.argv[1]))
for batch in range(1_000_000):
    definitions = ((f"B{batch}-{n}", f"Batch {batch} item {n}", "acronym") for n in range(50))
    glossary.remember_many(definitions, f"batch {batch}")
    print(batch, flush=True)
"""


def _start(script: str, *args: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    watchdog = threading.Timer(120, process.kill)  # a stuck writer must not hang the test run
    watchdog.daemon = True
    watchdog.start()
    process.watchdog = watchdog
    return process


def _read_line(process: subprocess.Popen) -> str:
    line = process.stdout.readline()
    if not line:
        process.wait(timeout=30)
        pytest.fail(f"the writer stopped before it was killed: {process.stderr.read()}")
    return line.strip()


def _kill(process: subprocess.Popen) -> None:
    """SIGKILL: no clean-up, no rollback, no closing of the database, exactly like a crash or a power cut."""
    process.watchdog.cancel()
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    _, errors = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, errors


def _committed(path: Path) -> list[UserEntry]:
    with UserGlossary(path) as glossary:
        assert glossary._query("PRAGMA quick_check")[0][0] == "ok"
        return glossary.entries()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_crash_mid_transaction_keeps_every_committed_entry_and_nothing_else(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    with UserGlossary(path) as setup:
        for n in range(200):
            setup.define(f"KEEP{n}", f"Committed entry {n}", f"Description {n}")
        setup.remember_many(((f"OLD{n}", f"Learned {n}", "organisation") for n in range(300)), "Earlier article")
        before = setup.entries()
    process = _start(_ENDLESS_TRANSACTION, str(path), "40000")
    try:
        assert _read_line(process) == "deep in the transaction"
        # The transaction has outgrown SQLite's page cache, so uncommitted pages are already in the WAL on disk.
        assert Path(f"{path}-wal").stat().st_size > 1_000_000
    finally:
        _kill(process)
    assert _committed(path) == before


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_crash_between_and_during_commits_keeps_every_committed_batch(tmp_path):
    path = tmp_path / "glossary.sqlite3"
    with UserGlossary(path) as setup:
        setup.define("MINE", "The user's own entry")
    process = _start(_COMMITTED_BATCHES, str(path))
    try:
        last = -1
        while last < 20:
            last = int(_read_line(process))
    finally:
        _kill(process)
    entries = _committed(path)
    learned = [e for e in entries if e.origin == "learned"]
    batches = {e.article for e in learned}
    assert {f"batch {n}" for n in range(last + 1)} <= batches
    assert len(learned) == 50 * len(batches)  # whole batches only: a half-written one left nothing
    assert [e.term for e in entries if e.origin == "user"] == ["MINE"]
