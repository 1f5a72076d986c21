"""Work shared between finders within one analysis (for speed) must never carry one text's results into another."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from desktop.core.acronyms import find_acronyms
from desktop.core.acronyms.candidates import _all_candidates, forget_last_text
from desktop.core.definitions import find_definitions
from desktop.core.glossary.article_context import _Context
from desktop.core.model import Entity
from desktop.core.sentence_repair import is_fragment
from desktop.core.summarizers.news import _dense_row

FIRST = "The Federal Board of Revenue (FBR) met the IMF. Later the FBR said the IMF agreed."
SECOND = "The National Accountability Bureau arrested him. A NAB court heard the case, and NAB officials spoke."


def test_acronyms_of_a_second_text_are_its_own():
    forget_last_text()
    alone = [m.form for m in find_acronyms(SECOND)]
    find_acronyms(FIRST)
    assert [m.form for m in find_acronyms(SECOND)] == alone == ["NAB", "NAB"]
    assert [d.short for d in find_definitions(SECOND)] == ["NAB"]  # the initials finder reads the same scan


def test_candidates_without_titles_are_the_scan_less_title_words():
    every = list(_all_candidates(FIRST, titles=True))
    assert [c.form for c in _all_candidates(FIRST, titles=False)] == [c.form for c in every if c.kind != "title"]
    assert "Federal" in [c.form for c in every] and "FBR" in [c.form for c in every]


def test_context_follows_the_entities_it_is_given():
    as_org = _Context.of(FIRST, [Entity(4, 25, "ORG", FIRST[4:25])])
    as_place = _Context.of(FIRST, [Entity(4, 25, "GPE", FIRST[4:25])])
    assert as_org.labels_at([]) == as_place.labels_at([])
    assert as_org.label_by_span[(4, 25)] == "ORG" and as_place.label_by_span[(4, 25)] == "GPE"


def test_greedy_similarity_equals_the_sparse_product_exactly():
    generator = np.random.default_rng(7)
    dense = generator.random((60, 40)) * (generator.random((60, 40)) < 0.15)
    vectors = sparse.csr_matrix(dense)
    transposed = vectors.T.tocsr()
    for index in range(vectors.shape[0]):
        expected = np.asarray((vectors @ transposed[:, index]).todense()).ravel()
        assert np.array_equal(vectors @ _dense_row(vectors, index), expected)


def test_a_line_in_capitals_is_a_fragment_and_a_sentence_is_not():
    assert is_fragment("DR. GAVIN WOOD FOUNDER, ETHEREUM & ETHCORE", ("dr", "gavin", "wood", "founder", "ethereum"))
    words = ("considering", "the", "relentless", "wave", "of", "attacks")
    assert not is_fragment("CONSIDERING the relentless wave of attacks.", words)
