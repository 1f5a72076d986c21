"""The definitions a writer gives for short forms: "Long Form (LF)", "LF (Long Form)", "Long Form, or LF", ...

`find_definitions(text)` is a pure function, no spaCy and no Qt, linear in the length of the text.

The long form of a definition is found with the algorithm of Schwartz & Hearst (2003), "A simple algorithm for
identifying abbreviation definitions in biomedical text", written here from the paper's description: the short
form's letters and digits are found right to left, in order, in the words before it; its first character must
begin a word; the long form starts at the beginning of that word and has at most min(|SF| + 5, 2|SF|) words.
What we add, each measured with `precis eval acronyms` on Medstract and the BioText gold:

* the paper takes the shortest long form; we rank every long form the window allows by how well it spells the
  short form (characters that begin words, capitals matched by capitals, minus content words that give
  nothing), which finds "protein phosphatase 2A (PP2A)" and "mouse mammary tumor virus (MMTV)"; a long form
  after "and"/"or" beats one spanning the coordination ("Ah receptor and Ah nuclear translocator (Arnt)");
* the window never reaches into an unclosed bracket or past a bracketed aside ("(hREV1) and REV3 (hREV3)"), and
  brackets glued to a word ("TAF(II)") are part of a name;
* short forms: cue words in the brackets ("hereafter", "for", "i.e."), "(SF, 2015)", "(SF; ...)", subscripts
  ("PP1(C)"), families ("(uORF1 and uORF2)"), "SF family", the last part of "T3/GRIP1", plurals ("CDKs"), the
  yeast "p" and a trailing number ("Rap1p", "Top1" spelled by "topoisomerase I", "70-kD heat shock protein
  (Hsp70)"); not lists ("(IL-2, IL-4 and IL-6)"), enumerations ("(ii)"), ranges ("(D1-D5)"), quantities
  ("(15 kDa)"), Latin ("(i.e.)") or ordinary words ("(mice)");
* long forms: never a piece of clause ("protein is responsible"), never across a sentence end, never a name
  built on the short form ("Sir2p (Sir2)", "H-Ras (Ras)"), always with a real word ("Ntc90p" is a name), and at
  most three words for a two-character short form;
* characters a word stands for: number words ("two-dimensional (2D)", "third generation (3G)"), amino acids by
  their one-letter codes ("arginine/serine (RS)", "Leu-169 to Phe (L169F)", "His46Cys (H46C)"), Greek letters
  ("α" and "a"); the first character may begin the stem after a chemical prefix ("ferricytochrome c (Cc)");
* more short-form variants: a member's Greek letter or Roman numeral left out ("eIF2alpha", "TTF-I"), a Greek
  letter moved ("polymerase beta (beta-Pol)"), an organism's prefix ("human ORC (HsORC)"), a bracketed allele
  ("E(spl)(D)"), either name of "BP180/BPAG2", "RNA pol II"; clipped forms ("topoisomerase (topo)") and single
  capitals ("the large (L) protein");
* long forms found whole: quoted names past the word bound ("named 'a b c d' (ABCD)"), names in capitals
  ("SHOOT MERISTEMLESS (STM)"), locants ("cAMP (3',5'-cyclic adenosine monophosphate)"), the long form after a
  naming verb inside the brackets ("eIF6 (originally named ... as eukaryotic initiation factor 6)"), an
  institution's out-of-order capital ("Swiss Institute for Experimental Cancer Research (ISREC)");
* conventions that abbreviate without spelling in order: "protein Sir2 (Sir2p)", "Myo3p and Myo5p (Myo3/5p)",
  "DNA-binding domain of Gal4 (GBD)", "Sm-like (Lsm)";
* ranking: a long form does not begin with a lone small letter ("c oxidase" for COX), and the head noun of a
  numbered name costs nothing ("coat protein complex II (COPII)");
* when a text defines one short form twice, a long form that spells it far worse than the other is dropped,
  unless words begin all its characters but one ("human flap endonuclease-1" beside "human FEN-1");
* the news patterns (", or", "short for", "known as", dashes, commas) demand that every content word of the long
  form begin with the next letter of the short form; the initials pattern is stricter still (see
  `_initials_definitions`);
* general text (technology, organisations, products, news): more cues ("abbreviated as", "shortened to", "which
  stood for", "meaning", ", i.e.", "from the initials of", "(the SF)", "(Long Form – SF)", "(Long Form, SF)"), the
  short form first in apposition ("SF, the Long Form,", "SF – the Long Form –"), glossary labels ("SF: Long Form",
  "SF = ...", "[SF] ..."), of which the long form with the most initials ("CNN: convolutional neural network");
  X for "ex"/"cross"/"trans" ("XML", "XSS"), digits for "to"/"for" ("P2P", "T4T"), a letter and its count
  ("W3C"), the links of foreign names ("für", "d'"), a naming participle ("named entity recognition"), an opening
  "the"/"a" when every word gives its first letter ("the Cancer Genome Atlas (TCGA)"), a plural short form after
  a singular name ("Point (PDPs)" defines PDP), a conference's year ("(WWW '16)"), a repeated head noun ("TOY clock
  (time-of-year clock)"), spaced hyphens of tokenised text ("( MI - FGSM )"); initials up to a connector
  ("National Football League for the ..."), without a sequel's numeral ("Grand Theft Auto IV"), or with a version
  number ("Creative Suite 3", "CS3"); and square brackets of news, which insert names ("'[Barrientos] said"),
  give no short form, nor does a capitalised word most of whose letters begin no word of the long form.

The package, one job a module (each imports only those above it in this list, so there is no cycle):

* `_text`: what every finder shares: building a `Definition` from two spans, and where a sentence begins;
* `conventions`: how a word can stand for a character it does not begin with (number words, Roman numerals,
  Greek letters, amino acids, X for "ex"/"cross"/"trans", 2 and 4 for "to" and "for", chemical prefixes);
* `short_forms`: what may be a short form, and the variants of one a long form may spell;
* `matching`: the letter matching of Schwartz & Hearst, ranked, and the stricter every-word-spells test;
* `long_forms`: where a long form may lie before or after its short form, and whether a match is one;
* `brackets`: "Long Form (SF)" and "SF (Long Form)";
* `labels`: the short form first in apposition ("SF, the Long Form,") and glossary labels ("SF: Long Form");
* `cues`: cue phrases ("Long Form, or SF", "SF, short for Long Form", "known as", dashes, commas);
* `initials`: a capitalised name whose initials spell an acronym the text uses later;
* `choice`: which of two different long forms for one short form to keep;
* this module: `find_definitions`, which runs the finders in that order and keeps the first definition of
  each short form.
"""

from __future__ import annotations

from desktop.core.acronyms import Definition
from desktop.core.definitions.brackets import _bracket_definitions
from desktop.core.definitions.choice import _drop_weaker
from desktop.core.definitions.cues import _cue_definitions
from desktop.core.definitions.initials import _initials_definitions

__all__ = ["Definition", "find_definitions"]


def find_definitions(text: str) -> list[Definition]:
    """Every definition of a short form that `text` gives, in document order (by the first of its two halves)."""
    found: dict[tuple[int, int], Definition] = {}
    for definition in _bracket_definitions(text):
        found.setdefault((definition.short_start, definition.short_end), definition)
    for definition in _cue_definitions(text):
        found.setdefault((definition.short_start, definition.short_end), definition)
    defined = {d.short for d in found.values()}
    for definition in _initials_definitions(text, defined):
        found.setdefault((definition.short_start, definition.short_end), definition)
    definitions = _drop_weaker(text, list(found.values()))
    return sorted(definitions, key=lambda d: (min(d.short_start, d.long_start), d.short_start, d.long_start))
