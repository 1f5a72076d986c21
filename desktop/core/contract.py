"""The JSON contract of `precis analyze --json` (schema "precis.analysis/1"), which other programs build on.

Change it only by adding fields, or by a new schema value. Fields beyond DESIGN.md's list, all additive:
`language`, `warnings`, `sentences[].heading`, `sentences[].fragment`, `summary.length`, `summary.kind`,
`summary.kind_source`, `summary.whole_article`, `stats`, `author`, `date` (null when unknown),
`glossary[].learned_from` (the article a meaning of source "user" was learned from, or null when the user gave it).
"""

from __future__ import annotations

from typing import Any

from desktop.core.model import Document

SCHEMA = "precis.analysis/1"


def document_to_dict(document: Document) -> dict[str, Any]:
    summary = document.summary
    return {
        "schema": SCHEMA,
        "title": document.title,
        "author": document.author,
        "date": document.date,
        "text": document.text,
        "language": document.language,
        "warnings": list(document.warnings),
        "sentences": [
            {"start": s.start, "end": s.end, "heading": s.heading, "fragment": s.fragment} for s in document.sentences
        ],
        "summary": {
            "algorithm": summary.algorithm,
            "sentences": list(summary.sentences),
            "scores": [round(score, 6) for score in summary.scores],
            "length": {"unit": summary.length.unit, "value": summary.length.value},
            "kind": summary.kind,
            "kind_source": summary.kind_source,
            "whole_article": summary.whole_article,
        },
        "entities": [
            {"start": e.start, "end": e.end, "label": e.label, "text": e.text} for e in document.entities
        ],
        "glossary": [
            {
                "term": g.term,
                "kind": g.kind,
                "expansion": g.expansion,
                "description": g.description,
                "source": g.source,
                "confidence": g.confidence,
                "mentions": [{"start": m.start, "end": m.end} for m in g.mentions],
                "alternatives": [
                    {"expansion": a.expansion, "source": a.source, "confidence": a.confidence}
                    for a in g.alternatives
                ],
                "learned_from": g.learned_from,
            }
            for g in document.glossary
        ],
        "stats": {"words": document.word_count, "sentences": len(document.sentences)},
    }
