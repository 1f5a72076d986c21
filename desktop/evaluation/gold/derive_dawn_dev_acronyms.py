"""Derive the acronym golds (pairs by article id, the format `precis eval glossary --gold` reads) from the
independent annotators' entry golds, leaving out the expansions an annotator marked unsure:

- `dawn_dev_acronyms.json` from `dawn_entries_gold.jsonl` (the 60 Dawn articles);
- `dawn_editorials_entries_acronyms.json` from `dawn_editorials_entries_gold.jsonl` (the 40 Dawn editorials; a
  second annotator, independent of the one who wrote `dawn_editorials_dev_acronyms.json`).

    python desktop/evaluation/gold/derive_dawn_dev_acronyms.py
"""

import json
from pathlib import Path

HERE = Path(__file__).parent

DERIVED = {
    "dawn_dev_acronyms.json": "dawn_entries_gold.jsonl",
    "dawn_editorials_entries_acronyms.json": "dawn_editorials_entries_gold.jsonl",
}
ABOUT_EDITORIALS = (
    "Acronyms of the 40 Dawn editorials in ../shared/eval/dawn_editorials_dev.jsonl with the expansion that fits each "
    "editorial, derived by derive_dawn_dev_acronyms.py from dawn_editorials_entries_gold.jsonl (an independent "
    "annotator who never saw Précis; see its HOWTO). Unsure expansions are left out."
)


def derive(entries_gold: Path, target: Path) -> None:
    pairs = {}
    for line in entries_gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        chosen = [[a["short"], a["expansion"]] for a in record["acronyms"] if not a.get("unsure")]
        if chosen:
            pairs[record["id"]] = chosen
    about = json.loads(target.read_text(encoding="utf-8"))["about"] if target.exists() else ABOUT_EDITORIALS
    target.write_text(json.dumps({"about": about, "pairs": pairs}, indent=1, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    for target, source in DERIVED.items():
        derive(HERE / source, HERE / target)


if __name__ == "__main__":
    main()
