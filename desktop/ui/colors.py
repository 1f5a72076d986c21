"""Entity colours for the window: the exports' palette (so a PDF looks like the window), plus a dark-mode set.

The light colours come from `desktop.exporters.palette`; this module adds the darker backgrounds that keep light
text readable in dark mode, and the short names the legend has room for.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.exporters.palette import ACRONYM, ENTITY_SWATCHES, HIGHLIGHTED, SUMMARY

#: spaCy label -> (dark-mode background, short legend name), in legend order.
_DARK_AND_NAME: dict[str, tuple[str, str]] = {
    "ORG": ("#7a4a12", "Organisations"),
    "PERSON": ("#1c4f7a", "People"),
    "GPE": ("#1f5f2c", "Countries, cities"),
    "LOC": ("#135e52", "Places"),
    "NORP": ("#4b3480", "Groups"),
    "FAC": ("#6b5a10", "Sites"),
    "EVENT": ("#7a2748", "Events"),
    "LAW": ("#66307a", "Laws"),
    "DATE": ("#495057", "Dates"),
}
_LIGHT = {swatch.label: swatch.colour for swatch in ENTITY_SWATCHES}

#: spaCy label -> (light-mode background, dark-mode background, legend name).
ENTITY_COLOURS: dict[str, tuple[str, str, str]] = {
    label: (_LIGHT[label], dark, name) for label, (dark, name) in _DARK_AND_NAME.items()
}
#: A glossary acronym that is no entity: the exports' Acronym colour, so the window and the PDF agree.
ACRONYM_COLOURS = (ACRONYM.colour, "#6e5a00", "Acronyms")
#: Every chip of the legend: the entity types, then acronyms.
LEGEND: dict[str, tuple[str, str, str]] = {**ENTITY_COLOURS, ACRONYM.label: ACRONYM_COLOURS}
DEFAULT_TYPES = tuple(label for label in ENTITY_COLOURS if label in HIGHLIGHTED) + (ACRONYM.label,)
SUMMARY_LIGHT, SUMMARY_DARK = SUMMARY.colour, "#2b3442"
#: Marks sit on top of pastel highlights, so they are not pastel: every mention of the selected term in ink,
#: and the current one (where F3 / Shift+F3 is) in strong orange; white text on both.
MARK_LIGHT, MARK_DARK = "#343a40", "#5c6670"
CURRENT_LIGHT, CURRENT_DARK = "#d9480f", "#e8590c"


def is_dark(palette) -> bool:
    return palette.window().color().lightness() < 128


def entity_colour(label: str, dark: bool) -> QColor | None:
    colours = LEGEND.get(label)
    return QColor(colours[1] if dark else colours[0]) if colours else None
