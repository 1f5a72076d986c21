"""How likely a built-in meaning is to be right in this article: the confidence a reader sees, and whether the
meaning is asserted at all.

Choosing the best of an acronym's senses is one question; whether the best is good enough to show is another.
A sense can win the choice and still be wrong: the right meaning may not be in the built-in glossary at all
(most technical products and small organisations are not), and nothing in the article may speak for any sense.
A wrong meaning is worse than none, so the winning sense is shown as *the* meaning only when the evidence in the
article makes it likely; otherwise it is listed with the others as a possible meaning.

The likelihood is a logistic model over general features of the evidence: how clearly the sense won, how many
senses compete, the sense's prior and curation, whether the article's words, countries and field support it.
None of them names a term. The weights are fitted on the development data by
`python -m desktop.evaluation.calibrate ../shared/eval/acro_wikipedia_dev.jsonl --dawn
../shared/eval/dawn_editorials_dev.jsonl` (cross-validated by article) and written here; the fit is checked by the
reliability table of `precis eval glossary`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

#: A built-in meaning is asserted only when its likelihood of being right reaches this; otherwise the senses
#: are shown as possible meanings. Chosen with the weights (see the module docstring).
ASSERT_AT = 0.73

#: The features, in the order of `WEIGHTS` (after the intercept).
FEATURES = (
    "margin",        # the winning sense's share of the context choice (softmax), 0..1
    "rivals",        # log(1 + number of other senses)
    "prior",         # the sense's prior weight, 0..1
    "curated",       # 1 if written by hand for Précis, 0 if derived from a big list
    "words",         # share of the expansion's distinctive words found near the mentions
    "phrase",        # 1 if the article spells the whole expansion out
    "country",       # +1 the article names the sense's country, -1 it names others only, 0 no evidence
    "field",         # 1 if the sense's field is the article's main field (or the sense is general), else 0
    "field_gap",     # how far the sense's field trails the article's main field (<= 0)
    "unit",          # 1 if a unit sense follows a number, -1 a unit sense that does not, 0 otherwise
    "mentions",      # log(number of mentions)
    "any_word",      # 1 if at least one distinctive word of the expansion is near a mention
    "long_form",     # 1 if the short form has four letters or digits or more (fewer collisions)
    "derived_list",  # 1 if from the big computing lists (V.E.R.A., NetBSD): many senses nobody uses
    "place_list",    # 1 if from the world lists (Factbook, WordNet, Party Facts, Federal Register, CLDR units)
    "off_field",     # 1 if the article leans clearly to a field and the sense is of another (or of none)
    "dominance",     # the sense's prior minus the best prior among the other senses (how usual this sense is)
)

#: Intercept first, then one weight per feature; fitted by `desktop.evaluation.calibrate`.
WEIGHTS: tuple[float, ...] = (
    -0.604, 0.559, -0.365, 0.696, 1.427, -0.179, 0.269, 0.300, 0.646, 0.314, 0.556, 0.207, 0.283, 0.521, -0.714,
    -0.373, -0.678, 0.823,
)


@dataclass(frozen=True)
class Evidence:
    """The features of one winning sense in one article (see `FEATURES`)."""

    values: Mapping[str, float]

    def vector(self) -> list[float]:
        return [float(self.values.get(name, 0.0)) for name in FEATURES]


def likelihood(evidence: Evidence, weights: tuple[float, ...] = WEIGHTS) -> float:
    """The probability that the winning sense is the meaning the writer meant (a logistic model)."""
    z = weights[0] + sum(w * x for w, x in zip(weights[1:], evidence.vector()))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

