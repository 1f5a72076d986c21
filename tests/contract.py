"""Check a parsed `precis analyze --json` result against the contract in DESIGN.md, offsets included."""

from __future__ import annotations


def assert_valid_analysis(data: dict) -> None:
    assert data["schema"] == "precis.analysis/1"
    assert data["title"] is None or isinstance(data["title"], str)
    for field in ("author", "date"):
        assert data[field] is None or isinstance(data[field], str)
    text = data["text"]
    assert isinstance(text, str) and text
    sentences = data["sentences"]
    assert sentences, "an analysed article has sentences"
    previous_end = 0
    for sentence in sentences:
        start, end = sentence["start"], sentence["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert previous_end <= start < end <= len(text), "sentences are ordered and do not overlap"
        assert text[start:end] == text[start:end].strip(), "a sentence span has no surrounding whitespace"
        previous_end = end
    summary = data["summary"]
    assert isinstance(summary["algorithm"], str)
    chosen = summary["sentences"]
    assert chosen == sorted(set(chosen)), "summary sentences are unique and in document order"
    assert all(0 <= i < len(sentences) for i in chosen)
    assert len(summary["scores"]) == len(chosen)
    assert all(isinstance(score, (int, float)) for score in summary["scores"])
    assert summary["kind"] in ("news", "argument") and summary["kind_source"] in ("detected", "chosen")
    assert isinstance(summary["whole_article"], bool)
    assert not any(sentences[i]["heading"] or sentences[i]["fragment"] for i in chosen) or all(
        s["heading"] or s["fragment"] for s in sentences
    ), "a summary holds no heading or fragment while real sentences remain"
    for entity in data["entities"]:
        assert 0 <= entity["start"] < entity["end"] <= len(text)
        assert text[entity["start"]:entity["end"]] == entity["text"]
        assert isinstance(entity["label"], str) and entity["label"]
    assert isinstance(data["glossary"], list)
    for entry in data["glossary"]:
        assert entry["kind"] in ("acronym", "organisation")
        assert entry["source"] in ("text", "bundled", "user")
        for mention in entry["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)
