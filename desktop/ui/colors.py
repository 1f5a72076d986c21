"""Entity colours for the window: light backgrounds that keep black text readable, a darker set for dark mode."""

from __future__ import annotations

from PySide6.QtGui import QColor

#: spaCy label -> (light-mode background, dark-mode background), and a plain name for the legend.
ENTITY_COLOURS: dict[str, tuple[str, str, str]] = {
    "ORG": ("#ffd8a8", "#7a4a12", "Organisations"),
    "PERSON": ("#d0ebff", "#1c4f7a", "People"),
    "GPE": ("#d3f9d8", "#1f5f2c", "Countries, cities"),
    "LOC": ("#c3fae8", "#135e52", "Places"),
    "NORP": ("#e5dbff", "#4b3480", "Groups"),
    "FAC": ("#fff3bf", "#6b5a10", "Sites"),
    "EVENT": ("#ffdeeb", "#7a2748", "Events"),
    "LAW": ("#f3d9fa", "#66307a", "Laws"),
    "DATE": ("#e9ecef", "#495057", "Dates"),
}
DEFAULT_TYPES = ("ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")
SUMMARY_LIGHT, SUMMARY_DARK = "#fff9db", "#3d3a1a"
MARK_LIGHT, MARK_DARK = "#ffe066", "#b08900"


def is_dark(palette) -> bool:
    return palette.window().color().lightness() < 128


def entity_colour(label: str, dark: bool) -> QColor | None:
    colours = ENTITY_COLOURS.get(label)
    return QColor(colours[1] if dark else colours[0]) if colours else None
