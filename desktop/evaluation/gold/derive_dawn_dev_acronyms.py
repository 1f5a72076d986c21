"""Derive `dawn_dev_acronyms.json` (pairs by article id, the format `precis eval glossary --gold` reads) from the
independent annotator's `dawn_entries_gold.jsonl`, leaving out the expansions the annotator marked unsure.

    python desktop/evaluation/gold/derive_dawn_dev_acronyms.py
"""

import json
from pathlib import Path

HERE = Path(__file__).parent


def main() -> None:
    pairs = {}
    for line in (HERE / "dawn_entries_gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        chosen = [[a["short"], a["expansion"]] for a in record["acronyms"] if not a.get("unsure")]
        if chosen:
            pairs[record["id"]] = chosen
    about = json.loads((HERE / "dawn_dev_acronyms.json").read_text(encoding="utf-8"))["about"]
    (HERE / "dawn_dev_acronyms.json").write_text(
        json.dumps({"about": about, "pairs": pairs}, indent=1, ensure_ascii=False), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
