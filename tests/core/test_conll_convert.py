"""The CoNLL-2003 converter: a tiny invented sample in the original layout (IOB1, -DOCSTART- before each
document) becomes the JSONL `precis eval entities` scores, with IOB2 tags and documents grouped."""

import json
import subprocess
import sys

from desktop.evaluation.conll_convert import convert, to_iob2
from desktop.evaluation.entities import read_documents, rebuild

# Invented sentences, in the CoNLL-2003 column layout: TOKEN POS CHUNK TAG (IOB1: a name starts with I-,
# B- only where it directly follows a name of the same type).
SAMPLE = """-DOCSTART- -X- -X- O

TENNIS NN I-NP O
- : O O
ASHFORD NNP I-NP I-LOC
OPEN NNP I-NP I-MISC

Mara NNP I-NP I-PER
Quill NNP I-NP I-PER
beat VBD I-VP O
Tom NNP I-NP I-PER
Dray NNP I-NP B-PER
of IN I-PP O
Vexa NNP I-NP I-ORG
. . O O

-DOCSTART- -X- -X- O

Lake NNP I-NP I-LOC
Orrin NNP I-NP I-LOC
froze VBD I-VP O
. . O O
"""


def test_iob1_names_become_iob2_and_adjacent_names_stay_apart():
    assert to_iob2(["I-PER", "I-PER", "O", "I-PER", "B-PER", "I-ORG"]) == [
        "B-PER", "I-PER", "O", "B-PER", "B-PER", "B-ORG"]
    assert to_iob2(["B-LOC", "I-LOC", "I-ORG"]) == ["B-LOC", "I-LOC", "B-ORG"]  # IOB2 input is kept


def test_sentences_are_grouped_by_document_with_their_gold_spans():
    records = list(convert(SAMPLE.splitlines(), "tiny"))
    assert [(r["id"], r["doc"]) for r in records] == [
        ("tiny-0", "tiny-doc1"), ("tiny-1", "tiny-doc1"), ("tiny-2", "tiny-doc2")]
    assert records[1]["tags"] == ["B-PER", "I-PER", "O", "B-PER", "B-PER", "O", "B-ORG", "O"]
    assert records[1]["pos"][2] == "VBD" and records[1]["tags_iob1"][4] == "B-PER"
    text, gold = rebuild([records[1]["tokens"]], [records[1]["tags"]])
    spans = sorted(text[s:e] + "/" + label for s, e, label in gold)
    assert spans == ["Dray/PER", "Mara Quill/PER", "Tom/PER", "Vexa/ORG"]


def test_a_docstart_after_each_document_gives_the_same_documents(tmp_path):
    moved = SAMPLE.replace("-DOCSTART- -X- -X- O\n\n", "", 1) + "\n-DOCSTART- -X- -X- O\n"
    assert list(convert(moved.splitlines(), "tiny")) == list(convert(SAMPLE.splitlines(), "tiny"))


def test_the_command_writes_jsonl_that_the_entity_evaluation_reads(tmp_path):
    source, output = tmp_path / "eng.tiny", tmp_path / "tiny.jsonl"
    source.write_text(SAMPLE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "desktop.evaluation.conll_convert", str(source), str(output),
                           "--name", "tiny"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "2 documents, 3 sentences" in done.stdout
    assert [json.loads(line)["doc"] for line in output.read_text().splitlines()] == ["tiny-doc1"] * 2 + ["tiny-doc2"]
    assert [doc for doc, _, _ in read_documents(output)] == ["tiny-doc1", "tiny-doc2"]


def test_a_line_without_a_tag_is_one_clear_error(tmp_path):
    source = tmp_path / "broken"
    source.write_text("Mara\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "desktop.evaluation.conll_convert", str(source),
                           str(tmp_path / "out.jsonl"), "--name", "x"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "Line 1 has no tag" in done.stderr and "Traceback" not in done.stderr
