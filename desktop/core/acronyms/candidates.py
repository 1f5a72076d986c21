"""Acronym-shaped tokens of a text and their shapes, before any rule decides whether they are acronyms.

Finds every piece that looks like an acronym ("IS-K", "U.S.", "MoU", "SOPs", title-case "Nato"), with its
canonical form and kind; the definition finders reuse the same pieces and the plural and Roman-numeral tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

# A word: letters/digits joined by hyphens, ampersands, apostrophes and slashes (dots are handled on their own).
_TOKEN = re.compile(r"[^\W_](?:[\w&'’/\-]*[^\W_])?")
# Dotted initials: "U.S.", "U.K.", "U.S.A." (and "U.S" without its last dot).
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?![\w])|(?<![\w.])(?:[A-Z]\.)+[A-Z](?![\w.])")
_POSSESSIVE = re.compile(r"['’][sS]$")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_SMALL_RUN = re.compile(r"[a-z]{3,}")


def _letters(form: str) -> str:
    return "".join(ch for ch in form if ch.isalpha())


def _is_capital_part(part: str) -> bool:
    """A piece of an all-capital form: capitals, digits and ampersands ("IS", "K", "19", "R&D", "AT&T")."""
    core = part.replace("&", "")
    return bool(core) and all(ch.isdigit() or (ch.isalpha() and ch.isupper()) for ch in core) and not (
        part.startswith("&") or part.endswith("&")
    )


def _is_mixed_part(part: str) -> bool:
    """"MoU", "PhD", "mRNA", "IoT", "SaaS", "CoV": mostly capitals, never three small letters in a row."""
    upper = sum(ch.isupper() for ch in part)
    lower = sum(ch.islower() for ch in part)
    return (
        upper >= 2 and lower >= 1 and upper >= lower and part.isalnum()
        and not _SMALL_RUN.search(part) and part[0].isalnum()
    )


def _strip_plural(part: str) -> str:
    """"SOPs" -> "SOP", "MoUs" -> "MoU", "E2s" -> "E2"; "SaaS" and "IS" are not plurals."""
    if len(part) >= 3 and part.endswith("s") and (part[-2].isupper() or part[-2].isdigit()):
        return part[:-1]
    return part


def _shape_ok(form: str) -> bool:
    """Enough capitals to be an acronym: two capital letters, or one with a digit ("G20", "F-16", "5G")."""
    upper = sum(ch.isupper() for ch in form)
    digits = sum(ch.isdigit() for ch in form)
    if form[0].isdigit():  # "5G", "3D", "4K" are names; "100MW", "10KM" are quantities
        return len(form) == 2 and upper == 1
    return upper >= 2 or (upper == 1 and digits > 0)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    form: str
    kind: str  # "caps" (capitals, digits, dots), "mixed" (MoU) or "title" (Nato, only if known)
    plural: bool = False


def _candidates_in_token(text: str, start: int, end: int) -> Iterator[_Candidate]:
    """The acronym-shaped pieces of one word: "US-led" -> "US", "HIV/AIDS" -> "HIV", "AIDS"."""
    token = text[start:end]
    if len(token) > 2 and token[-2] in "'’" and token[-1] in "sS":  # _POSSESSIVE, without a regex per word
        end -= 2
        token = token[:-2]
    offset = start
    for piece in token.split("/"):
        if piece and "'" not in piece and "’" not in piece:
            yield from _candidates_in_piece(piece, offset)
        offset += len(piece) + 1


def _candidates_in_piece(piece: str, start: int) -> Iterator[_Candidate]:
    if piece.isalpha() and piece.istitle():  # the common case, fast: "The", "Pakistan", "Nacta"
        if len(piece) >= 3:
            yield _Candidate(start, start + len(piece), piece, "title")
        return
    parts = piece.split("-")
    positions = []
    position = start
    for part in parts:
        positions.append(position)
        position += len(part) + 1
    index = 0
    while index < len(parts):
        part = parts[index]
        if not part:
            index += 1
            continue
        if _is_capital_part(part) or _is_mixed_part(part) or _is_mixed_part(_strip_plural(part)) or (
            _is_capital_part(_strip_plural(part))
        ):
            # A run of acronym-like parts, with digit parts after the first: "IS-K", "PML-N", "COVID-19".
            if part.isdigit():
                index += 1
                continue
            last = index
            while last + 1 < len(parts) and parts[last + 1] and (
                _is_capital_part(parts[last + 1]) or _is_mixed_part(_strip_plural(parts[last + 1]))
                or _is_capital_part(_strip_plural(parts[last + 1]))
            ):
                last += 1
            run_start = positions[index]
            run_end = positions[last] + len(parts[last])
            written = "-".join(parts[index:last + 1])
            form = written[: -len(parts[last])] + _strip_plural(parts[last])
            plural = form != written
            if _shape_ok(form) and (plural or not form.isdigit()):
                kind = "caps" if all(_is_capital_part(p) for p in form.split("-")) else "mixed"
                yield _Candidate(run_start, run_end, form, kind, plural)
            index = last + 1
            continue
        if part[0].isupper() and part[1:].islower() and len(part) >= 3 and part.isalpha():
            # Title case ("Nacta", "Covid-19"): a candidate the glossary must confirm.
            last = index
            while last + 1 < len(parts) and parts[last + 1].isdigit():
                last += 1
            run_end = positions[last] + len(parts[last])
            yield _Candidate(positions[index], run_end, "-".join(parts[index:last + 1]), "title")
            if last > index:
                yield _Candidate(positions[index], positions[index] + len(part), part, "title")
        index += 1


def _all_candidates(text: str, titles: bool) -> Iterator[_Candidate]:
    """Every acronym-shaped piece of the text, in order; title-case words ("Nato") only when `titles`."""
    every = _every_candidate(text)
    return iter(every) if titles else (candidate for candidate in every if candidate.kind != "title")


@lru_cache(maxsize=1)
def _every_candidate(text: str) -> tuple[_Candidate, ...]:
    """Every acronym-shaped piece of the text, title-case words included. Kept for the last text: the acronym
    finder and the initials finder both scan the whole article for them (a tenth of a second per 100,000 words)."""
    return tuple(_scan_candidates(text))


def forget_last_text() -> None:
    """Drop the kept candidates (see `_every_candidate`); `pipeline.analyze` calls it before each analysis."""
    _every_candidate.cache_clear()


def _scan_candidates(text: str) -> Iterator[_Candidate]:
    dotted = [(m.start(), m.end()) for m in _DOTTED.finditer(text)]
    dotted_index = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token.islower() or token.isdigit():
            continue  # most words: nothing in capitals
        start, end = match.span()
        while dotted_index < len(dotted) and dotted[dotted_index][0] < start:
            dotted_start, dotted_end = dotted[dotted_index]
            yield _Candidate(dotted_start, dotted_end, text[dotted_start:dotted_end], "caps")
            dotted_index += 1
        if dotted_index < len(dotted) and dotted[dotted_index][0] <= start < dotted[dotted_index][1]:
            continue  # a letter of a dotted form
        yield from _candidates_in_token(text, start, end)
    for dotted_start, dotted_end in dotted[dotted_index:]:
        yield _Candidate(dotted_start, dotted_end, text[dotted_start:dotted_end], "caps")



def _roman_kind(form: str) -> str | None:
    """"ivx" for II/XIV (never acronyms unless known), "long" for MMXXIV, None when not a Roman numeral."""
    if not form or not _ROMAN.fullmatch(form):
        return None
    if set(form) <= set("IVX"):
        return "ivx"
    return "long" if len(form) >= 4 else None
