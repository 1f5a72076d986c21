"""Which field an article is about (news, sci-tech, business), from its acronyms and its words.

Choosing between senses of one short form often comes down to the subject: in a piece about Unix, "SCO" is
the Santa Cruz Operation; in one about Central Asia, the Shanghai Cooperation Organisation. Two kinds of
evidence say what the subject is, and both come from the bundled glossary itself, so nothing is trained or
downloaded:

* the article's other acronyms: each votes for the fields its senses belong to, split evenly, so that an
  acronym known in one field only (CPU) counts fully and an ambiguous one counts little ("one sense per
  discourse", Gale, Church and Yarowsky, 1992, stretched to fields);
* the article's words: the glossary's expansions and descriptions are a small labelled corpus ("protocol",
  "software" and "compiler" occur in sci-tech senses, "election" and "militant" in news ones), from which each
  word gets a distribution over fields. Only words that lean clearly to one field count.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional, Sequence

from desktop.core.acronyms import common_words
from desktop.core.glossary.bundled import BundledGlossary, Sense

#: Fields that say what an article is about; "general" senses (e.g., km) fit any article and vote for none.
FIELDS = ("news", "sci-tech", "business")
PLACE_KINDS = {"region", "place"}
#: A word must occur in this many senses, and this share of them in one field, to say something.
MIN_SENSES, MIN_LEAN = 3, 0.7
#: Long lists of names (parties, agencies, units) say little about which words belong to which field, and would
#: drown the rest ("party", "national" in thousands of party names): they do not train the word model.
NAME_LISTS = frozenset({"partyfacts", "federalregister", "cldr"})
#: Article words count this much less than acronyms: there are many more of them, each saying less.
WORD_VOTE = 0.03

_WORD = re.compile(r"[^\W\d_]{3,}")


def acronym_votes(senses: Sequence[Sense], expansion: Optional[str] = None) -> Counter:
    """One acronym's vote, split evenly over the fields its senses belong to (or the sense `expansion` names)."""
    if expansion is not None:
        wanted = expansion.casefold()
        senses = [s for s in senses if s.expansion.casefold() == wanted]
    fields = {s.domain for s in senses if s.domain in FIELDS and s.kind not in PLACE_KINDS and s.source not in NAME_LISTS}
    return Counter({field: 1.0 / len(fields) for field in fields})


def word_votes(words: Iterable[str], bundled: BundledGlossary) -> Counter:
    """The article's distinct words, each voting with its field distribution (see the module docstring)."""
    model = bundled.field_words
    votes: Counter = Counter()
    for word in words:
        leaning = model.get(word)
        if leaning:
            for field, share in leaning.items():
                votes[field] += WORD_VOTE * share
    return votes


def shares(votes: Counter) -> dict:
    """The fields as shares summing to 1, smoothed towards even so that one vote is not a verdict."""
    prior = 1.0
    total = sum(votes.get(field, 0.0) for field in FIELDS) + prior
    return {field: (votes.get(field, 0.0) + prior / len(FIELDS)) / total for field in FIELDS}


def word_field_counts(senses: Iterable) -> dict[str, list[int]]:
    """For each informative word, how many senses of each field use it; computed when the index is compiled.

    `senses` are the compiler's rows or `Sense`s: anything with `expansion`, `description`, `source`, `domain`
    and `kind`.

    A sense's words are those of its expansion, and of its description when we wrote it (derived rows have
    template descriptions, whose words, "computing" or "company", would say more about the template than the
    field).
    """
    common = common_words()
    counts: dict[str, Counter] = {}
    for sense in senses:
        if sense.domain not in FIELDS or sense.kind in PLACE_KINDS or sense.source in NAME_LISTS:
            continue
        text = f"{sense.expansion} {sense.description}" if sense.source == "precis" else sense.expansion
        for word in {w.lower() for w in _WORD.findall(text)}:
            if word not in common:
                counts.setdefault(word, Counter())[sense.domain] += 1
    model = {}
    for word, by_field in sorted(counts.items()):
        total = sum(by_field.values())
        if total >= MIN_SENSES and by_field.most_common(1)[0][1] / total >= MIN_LEAN:
            model[word] = [by_field[field] for field in FIELDS]
    return model
