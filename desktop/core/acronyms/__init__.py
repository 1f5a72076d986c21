"""Finding acronyms in a text, and the definitions a writer gives for them, with plain string rules.

Two pure functions, no spaCy and no Qt, linear in the length of the text (a 1,000-word article takes a few
milliseconds, a 100,000-word book well under a second):

* `find_acronyms(text, is_known)` lists every acronym mention ("TTP", "IS-K", "PML-N", "G20", "R&D", "U.S.",
  "COVID-19", "MoU", "PhD", "mRNA", "SOPs", "TTP's") and leaves out what only looks like one: a word set in
  capitals at the start of an article ("CONSIDERING the relentless wave..."), headlines and lines in capitals,
  Roman numerals ("World War II"), single letters, and ordinary words a writer shouts ("it was VERY bad").
* `find_definitions(text)`, in `desktop.core.definitions`, lists every definition the text itself gives: "Long Form (LF)", "LF (Long Form)",
  "Long Form, or LF", "LF, short for Long Form", "Long Form, known as LF", "Long Form — LF —", "Long Form, LF,",
  and a capitalised name whose initials spell an acronym used later ("the National Action Plan ... NAP 2.0").
  Linking a definition to mentions elsewhere is the caller's job: definitions come with both spans.

Decisions about ambiguous capitals (the integrator relies on them):

* A form that is also a common English word (sumy's stop words and a short list of frequent words: "WHO",
  "IT", "ACT", "NOT") is an acronym only when the glossary knows it (`is_known`), and not where capitals mean
  emphasis: a headline, a run of three or more words in capitals, or the first word of the article followed by
  small letters ("IT is a pity that..."; so an article opening "WHO warned..." loses that one mention). "US" is
  the exception: in capitals it is the country far more often than a shouted "us".
* An unknown form in capitals whose small-letter spelling the text uses elsewhere ("NEVER" and "never") is that
  word, shouted; at a sentence start, in a headline or a run of capitals, a capitalised spelling counts too
  ("IRAN has..." with "Iran" elsewhere).
* In headlines and runs of capitals, a form counts only when the glossary knows it or the text uses it as an
  acronym elsewhere (in prose, or alone in brackets: "(NACTA)").
* An unknown word in capitals of five or more letters opening a sentence and followed by small letters, or
  before a dateline mark ("PESHAWAR: The..."), or of seven or more letters anywhere before small letters, is a
  word in capitals unless the text uses it as an acronym elsewhere: acronyms that long are known to a glossary
  or defined in the text.
* Title-case forms ("Nacta", "Nato", "Unesco", "Fifa", "Covid-19") are acronyms only when `is_known` says so, and
  not at a sentence start when they are also a common word ("Act now" against "the Act").
* Roman numerals of I, V and X ("II", "XIV") are not acronyms; a known one ("IV") is, unless a capitalised word
  precedes it ("Henry IV", "Phase IV"). Short ones with L, C, D or M are acronyms ("CD", "DC", "MD", "CV"), and
  ones of four letters or more ("MMXXIV") are not, unless known.
* Mixed case counts when at least two letters are capitals, capitals are at least as many as small letters and
  no three small letters follow each other: "MoU", "PhD", "mRNA", "IoT", "SaaS", "PwC" are acronyms;
  "McDonald", "iPhone", "YouTube", "OpenAI" are not.
* A digit and a capital ("5G", "3D") is an acronym, a number with a unit ("100MW") is not; a capital with digits
  ("G20", "F-16", "MI6") is.
* Dotted initials followed by a capitalised word ("J.K. Rowling") are a person's initials unless the form is
  known or used elsewhere without a name after it ("the U.S. said").

Layout, one job a module: `mentions` (the returned types), `words` (word lists), `candidates` (acronym-shaped
tokens and their shapes), `context` (headlines, runs of capitals, sentence starts), `exclusions` (the rules and
what only looks like an acronym), `known_forms` (what only the glossary can vouch for) and `finder`
(`find_acronyms`, running them in order). The names below are the package's interface; the private ones are
re-exported because `desktop.core.definitions` reuses them.
"""

from __future__ import annotations

from desktop.core.acronyms.candidates import _POSSESSIVE, _ROMAN, _all_candidates, _roman_kind, _strip_plural
from desktop.core.acronyms.finder import find_acronyms
from desktop.core.acronyms.known_forms import at_clock_time
from desktop.core.acronyms.mentions import AcronymMention, Definition
from desktop.core.acronyms.words import FUNCTION_WORDS, common_words

__all__ = [
    "AcronymMention", "Definition", "find_acronyms", "common_words", "at_clock_time",
    # shared with `desktop.core.definitions`, which imports them from here
    "FUNCTION_WORDS", "_POSSESSIVE", "_ROMAN", "_all_candidates", "_roman_kind", "_strip_plural",
]
