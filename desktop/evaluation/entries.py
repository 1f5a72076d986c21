"""How far a reader can trust an article's glossary, scored against gold written for Dawn articles.

Gold records (JSONL, one article each, matched to the articles by `id`):
`{"id", "organisations": [{"name", "variants", "description", "needs_explaining"}],
"not_organisations": [{"text", "kind"}], "acronyms": [{"short", "expansion"}]}`.

Reported, over all articles:
- **with a meaning**: the share of glossary entries that say what their term is;
- **not organisations**: entries that are neither an organisation nor an acronym: the gold lists the term among
  the article's non-organisations (a place, a person, people, a heading word) and not among its acronyms, or the
  gazetteer knows it as a place and it is no acronym;
- **explained**: of the organisations the gold says a reader needs explained, the share whose entry (found by
  name, variant or acronym; case, "the", possessives and punctuation aside) carries a meaning.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from desktop.evaluation.jsonl import read_jsonl

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"'s?\b")
_NON_WORD = re.compile(r"[^\w]+")


def match_key(name: str) -> str:
    """How names are compared: accents, case, a leading "the", possessives and punctuation aside."""
    name = unicodedata.normalize("NFKD", name.replace("\u00ad", "").translate(_QUOTES))
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
    name = _POSSESSIVE.sub("", name)
    name = re.sub(r"^the\s+", "", name.strip())
    return _NON_WORD.sub(" ", name).strip()


@dataclass
class EntriesScore:
    articles: int = 0
    entries: int = 0
    with_meaning: int = 0
    needed: int = 0
    explained: int = 0
    not_organisations: list = field(default_factory=list)  # (article id, term, why)
    unexplained: list = field(default_factory=list)  # (article id, name)
    no_meaning: list = field(default_factory=list)  # (article id, term)


def read_gold(path: str | Path) -> dict[str, dict]:
    def problem(record: dict) -> Optional[str]:
        ok = isinstance(record.get("id"), str) and isinstance(record.get("organisations"), list)
        return None if ok else "no 'id' and 'organisations'"

    return {r["id"]: r for r in read_jsonl(path, problem)}


def score_article(gold: dict, entries, score: EntriesScore) -> None:
    """Add one article's glossary (GlossaryEntry objects) to `score`."""
    from desktop.core.glossary.context import countries_of

    article = gold["id"]
    organisation_keys: dict[str, dict] = {}
    for organisation in gold.get("organisations", []):
        for name in [organisation.get("name", "")] + list(organisation.get("variants") or []):
            if name:
                organisation_keys[match_key(name)] = organisation
    acronym_keys = {match_key(a.get("short", "")) for a in gold.get("acronyms", [])}
    not_organisation = {match_key(n.get("text", "")): n.get("kind", "other") for n in gold.get("not_organisations", [])}

    score.articles += 1
    explained_keys: set[str] = set()
    for entry in entries:
        score.entries += 1
        if entry.meaning:
            score.with_meaning += 1
        else:
            score.no_meaning.append((article, entry.term))
        keys = {match_key(entry.term)} | ({match_key(entry.expansion)} if entry.expansion else set())
        is_organisation = bool(keys & organisation_keys.keys())
        is_acronym = bool(keys & acronym_keys) or (entry.kind == "acronym" and entry.term.isupper())
        if not is_organisation and not is_acronym:
            term = match_key(entry.term)
            if term in not_organisation:
                score.not_organisations.append((article, entry.term, not_organisation[term]))
            elif countries_of(entry.term):
                score.not_organisations.append((article, entry.term, "place (gazetteer)"))
        if entry.meaning:
            explained_keys |= keys
    for organisation in gold.get("organisations", []):
        if not organisation.get("needs_explaining"):
            continue
        score.needed += 1
        names = {match_key(n) for n in [organisation.get("name", "")] + list(organisation.get("variants") or []) if n}
        if names & explained_keys:
            score.explained += 1
        else:
            score.unexplained.append((article, organisation.get("name")))


def evaluate(gold_path: str | Path, articles_path: str | Path,
             progress: Callable[[int, int], None] | None = None) -> EntriesScore:
    from desktop.core.pipeline import AnalysisOptions, analyze

    gold = read_gold(gold_path)
    articles = read_jsonl(articles_path, lambda r: None if isinstance(r.get("text"), str) else "no 'text'",
                          skip_unusable=True)
    chosen = [a for a in articles if str(a.get("id")) in gold]
    if not chosen:
        from desktop.core.errors import PrecisError

        raise PrecisError(
            f"No article in '{articles_path}' has an id of the gold in '{gold_path}'.",
            "Give the articles the gold was written for with --articles.",
        )
    options = AnalysisOptions(user_glossary=False, learn=False)
    score = EntriesScore()
    for number, article in enumerate(chosen, 1):
        document = analyze(article["text"], options, title=article.get("title"))
        score_article(gold[str(article["id"])], document.glossary, score)
        if progress:
            progress(number, len(chosen))
    return score


def format_report(name: str, score: EntriesScore, errors: int = 0) -> str:
    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} ({part / whole:.1%})" if whole else "0/0"

    lines = [
        f"{name}: {score.articles} articles with gold, {score.entries} glossary entries",
        f"  entries with a meaning:               {share(score.with_meaning, score.entries)}",
        f"  entries that are not organisations:   {len(score.not_organisations)}",
        f"  needed organisations explained:       {share(score.explained, score.needed)}",
    ]
    if errors:
        for title, items in (("not organisations", score.not_organisations), ("unexplained", score.unexplained),
                             ("no meaning", score.no_meaning)):
            if items:
                lines.append(f"{title}: " + "; ".join(" ".join(str(x) for x in item[1:]) for item in items[:errors]))
    return "\n".join(lines)
