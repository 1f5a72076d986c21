"""Deriving computing acronyms from FOLDOC and V.E.R.A.: the parsing rules on small made-up inputs, and (where the
Debian packages are at hand) that the committed foldoc.tsv and vera.tsv are what the script makes of them."""

from __future__ import annotations

import gzip

import pytest

from desktop.core.glossary import build_debian as bd
from desktop.core.glossary.compile import Row, compile_index, glossary_dir, read_tsv

# -- matching a short form to its expansion ----------------------------------------------------------------------

@pytest.mark.parametrize("short, expansion", [
    ("PPTP", "Point-to-Point Tunneling Protocol"), ("NTFS", "NT File System"), ("XML", "Extensible Markup Language"),
    ("J2EE", "Java 2 Platform, Enterprise Edition"), ("PUB", "Publishing"),
])
def test_spells(short, expansion):
    assert bd.spells(short, expansion)


@pytest.mark.parametrize("short, expansion", [
    ("IBM", "lion food"), ("O/R", "Receiver"), ("BTRIEVE", "BTRIEVE Technologies, Inc."), ("DEX", "dex"),
])
def test_does_not_spell(short, expansion):
    assert not bd.spells(short, expansion)


def test_plain_text_must_spell_strictly():
    assert bd.spells_strictly("DFA", "Deterministic Finite-state Automaton")
    assert bd.spells_strictly("DEACON", "Direct English Access and CONtrol")
    assert not bd.spells_strictly("DEX", "A cross between Modula-2 and C by W")  # a definition, not a name


@pytest.mark.parametrize("form, ok", [
    ("NTFS", True), ("MySQL", True), ("J2EE", True), ("TCP/IP", True), ("AT&T", True),
    ("Unix", False), ("grep", False), ("AND", False), ("AD DS", False), ("X", False),
])
def test_short_forms_must_look_like_acronyms(form, ok):
    assert bd.looks_like_acronym(form) is ok


def test_names_not_sentences():
    assert bd.name_sized("Secure Hash Algorithm")
    assert not bd.name_sized("A tunneling protocol. It is used by Windows")
    assert not bd.name_sized("See {Finite State Machine}")
    assert not bd.name_sized("Or A0")
    assert not bd.name_sized("De.Org.CCC")


def test_capitals_of_the_acronym_letters_are_undone():
    assert bd.decapitalise("SONET", "Synchronous Optical NETwork") == "Synchronous Optical Network"
    assert bd.decapitalise("XFS", "eXtended File System") == "Extended File System"
    assert bd.decapitalise("VMFS", "VMEbus File System") == "VMEbus File System"  # VME is not in VMFS
    assert bd.decapitalise("ABC", "DECnet Access") == "DECnet Access"


# -- FOLDOC ------------------------------------------------------------------------------------------------------

def _b64(number: int) -> str:
    digits = ""
    while True:
        digits = bd._B64[number % 64] + digits
        number //= 64
        if not number:
            return digits


def write_dictd(folder, entries: list[tuple[list[str], str]]):
    """A tiny dictd dictionary: each entry is (headwords, body); the body is indented as FOLDOC's is."""
    data = b""
    index = []
    for heads, body in entries:
        text = "\n".join(heads) + "\n\n" + "\n".join("   " + line if line else "" for line in body.split("\n")) + "\n\n"
        raw = text.encode("utf-8")
        for head in heads:
            index.append(f"{head.lower()}\t{_b64(len(data))}\t{_b64(len(raw))}")
        data += raw
    (folder / "foldoc.dict.dz").write_bytes(gzip.compress(data))
    (folder / "foldoc.index").write_text("\n".join(sorted(index)) + "\n", encoding="utf-8")
    return bd.read_dictd(folder / "foldoc.dict.dz", folder / "foldoc.index")


FOLDOC = [
    (["MTA"], "1. <messaging> {Message Transfer Agent}.\n\n2. {Multiple Terminal Access}.\n\n3. {Mostly Tea Always}"),
    (["Multiple Terminal Access"], "<hardware> A way to attach many terminals."),
    (["Point-to-Point Tunneling Protocol", "PPTP"],
     "<communications, protocol> (PPTP) A tunneling protocol for\nconnecting clients.\n\n(1999-01-01)"),
    (["DFA"], "Deterministic Finite-state Automaton.  See {Finite State\nMachine}."),
    (["FTTP"], "Do you mean {FTP} or {HTTP}?"),
    (["lion food"], "<humour> (IBM) Middle management."),
    (["Acme Widgets, Inc."], "<company> (AWI) A maker of widgets."),
    (["Unix"], "<operating system> {Uniplexed Information and Computing Service}."),
]


def test_foldoc_rows(tmp_path):
    rows = bd.foldoc_rows(write_dictd(tmp_path, FOLDOC))
    got = {(r.short, r.expansion): r for r in rows}
    assert set(got) == {
        ("MTA", "Message Transfer Agent"), ("MTA", "Multiple Terminal Access"), ("MTA", "Mostly Tea Always"),
        ("PPTP", "Point-to-Point Tunneling Protocol"), ("DFA", "Deterministic Finite-state Automaton"),
        ("AWI", "Acme Widgets, Inc."),
    }
    mta = [got["MTA", name] for name in ("Message Transfer Agent", "Multiple Terminal Access", "Mostly Tea Always")]
    assert [r.weight for r in mta] == [0.3, 0.28, 0.26], "FOLDOC's sense order is kept"
    assert mta[0].description == "A computing term (messaging)."
    assert mta[1].description == "A computing term (hardware).", "a bare link takes the labels of its target"
    assert got["PPTP", "Point-to-Point Tunneling Protocol"].description == "A computing term (communications, protocol)."
    assert got["AWI", "Acme Widgets, Inc."].kind == "organisation"
    assert {r.source for r in rows} == {"foldoc"}
    assert all(0.15 <= r.weight <= 0.35 for r in rows)


# -- V.E.R.A. ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("acronym, line, short, expansions, tags", [
    ("ASN1", 'Abstract Syntax Notation One (OSI), "ASN.1"', "ASN.1", ["Abstract Syntax Notation One"], ["OSI"]),
    ("NTFS", "[windows] New Technology File System", "NTFS", ["New Technology File System"], []),
    ("RLL", "Run Length Limited [encoding]", "RLL", ["Run Length Limited"], []),
    ("AE", "Application Entity / Environment (APE)", "AE", ["Application Entity", "Application Environment"], ["APE"]),
    ("AGP", "Advanced / Accelerated Graphics Port (Intel)", "AGP",
     ["Advanced Graphics Port", "Accelerated Graphics Port"], ["Intel"]),
    ("ACFNCP", "Advanced Communication Function / Network Control Program (IBM)", "ACFNCP",
     ["Advanced Communication Function / Network Control Program"], ["IBM"]),
    ("XFS", "eXtended File System (SGI, Unix)", "XFS", ["Extended File System"], ["SGI", "Unix"]),
    ("ESCON", "Enterprise Systems Connect(ion) (IBM)", "ESCON", ["Enterprise Systems Connection"], ["IBM"]),
    ("ZZZ", "Zero Zone Zapper ??? (foo)", "ZZZ", [], []),
])
def test_parse_vera_line(acronym, line, short, expansions, tags):
    assert bd.parse_vera_line(acronym, line) == (short, expansions, tags)


def test_vera_kinds_countries_and_weights():
    rows = bd.vera_rows([
        ("AAAS", "American Association for the Advancement of Science (org., USA)"),
        ("AFAIK", "As Far As I Know (slang, Usenet, IRC)"),
        ("HFS", "Hierarchical File System (Apple, CD, MACOS)"),
        ("Unix", "UNiplexed Information and Computing Service"),
    ])
    got = {r.short: r for r in rows}
    assert set(got) == {"AAAS", "AFAIK", "HFS"}
    assert (got["AAAS"].kind, got["AAAS"].countries) == ("organisation", ("US",))
    assert got["AFAIK"].weight == 0.15 and got["HFS"].weight == 0.25
    assert got["HFS"].description == "A computing or telecommunications term (used with Apple, CD, MACOS)."


def test_vera_fills_only_the_gaps_foldoc_leaves():
    def row(short, expansion, source="vera"):
        return Row(short, expansion, "term", (), "A term.", source, 0.25)

    foldoc = [row("MTA", "Mail Transfer Agent", "foldoc")]
    vera = [row("MTA", "Main Table Area"), row("HFS", "Hierarchical File System"),
            row("PC", "Priority Control"), row("PC", "Protocol Control"), row("PC", "Program Counter")]
    assert [r.short for r in bd.fill_gaps(vera, foldoc)] == ["HFS"]


def test_long_english_words_in_capitals_are_not_acronyms():
    def row(short):
        return Row(short, "Some Long Name", "term", (), "A term.", "foldoc", 0.3)

    words = frozenset({"scroll", "basic", "domain"})
    kept = bd.not_words([row("SCROLL"), row("BASIC"), row("DOMAIN"), row("Domain"), row("SCSI")], words)
    assert [r.short for r in kept] == ["BASIC", "Domain", "SCSI"]


# -- the committed files -----------------------------------------------------------------------------------------

def test_written_files_compile(tmp_path):
    rows = [Row("NTFS", "NT File System", "term", (), "A computing term.", "foldoc", 0.26)]
    bd._write(tmp_path / "foldoc.tsv", rows, "dict-foldoc", "1")
    assert (tmp_path / "foldoc.tsv").read_text(encoding="utf-8").split("\n")[1].startswith("# Generated by")
    assert '"NTFS","NT File System"' in compile_index(tmp_path)


def test_committed_files_are_what_the_packages_give(tmp_path):
    root = bd.locate(bd.DEFAULT_CACHE)
    if root is None:
        pytest.skip("the Debian packages are not at hand (python -m desktop.core.glossary.build_debian --download)")
    target = tmp_path / "glossary"
    target.mkdir()
    counts = bd.build(root, target)
    words = counts.pop(bd.WORD_LIST)
    committed_words = (glossary_dir().parent / bd.WORD_LIST).read_text(encoding="utf-8")
    assert (tmp_path / bd.WORD_LIST).read_text(encoding="utf-8") == committed_words
    assert words > 50_000
    for name, count in counts.items():
        fresh = (target / name).read_text(encoding="utf-8").split("\n", 2)[2]
        committed = (glossary_dir() / name).read_text(encoding="utf-8").split("\n", 2)[2]
        assert fresh == committed, f"{name} is stale: run python -m desktop.core.glossary.build_debian"
        assert count > 1000 and len(read_tsv(glossary_dir() / name)) == count


def test_the_word_list_has_small_letter_words_only(tmp_path):
    american, british = tmp_path / "american", tmp_path / "british"
    american.write_text("NATO\ncolor\ncolor's\nit\ndisaster\n", encoding="utf-8")
    british.write_text("colour\ncafé\ndisaster\n", encoding="utf-8")
    assert bd.write_word_list([american, british], tmp_path / "words.txt") == 3
    lines = (tmp_path / "words.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == ["color", "colour", "disaster"]
