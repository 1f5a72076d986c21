"""The colours of entity highlights, shared by every view of a Document: the PDF, the HTML page, the window.

Each spaCy label gets a light background on which black text stays readable (contrast above 12:1 on every one)
and which is still told apart from its neighbours when printed. Names and amounts (ORG, PERSON, places) get the
strongest hues; dates and numbers, which a reader rarely looks for, the palest. `ACRONYM` colours a glossary
term spaCy did not see as an entity; `SUMMARY` tints the sentences chosen for the summary.

Qt-free on purpose: the window reads `background(label)` and turns it into a QColor itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Swatch:
    label: str
    name: str
    colour: str  # "#rrggbb"

    @property
    def rgb(self) -> tuple[float, float, float]:
        """The colour as three floats from 0 to 1 (PDF's DeviceRGB)."""
        value = self.colour.lstrip("#")
        return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


#: In the order a legend lists them. The light colours of the window's article view (desktop/ui/colors.py), so
#: that an export looks like the window; labels the window leaves plain get colours of the same family.
ENTITY_SWATCHES: tuple[Swatch, ...] = (
    Swatch("ORG", "Organisation", "#ffd8a8"),
    Swatch("PERSON", "Person", "#d0ebff"),
    Swatch("GPE", "Country, city, state", "#d3f9d8"),
    Swatch("LOC", "Place", "#c3fae8"),
    Swatch("NORP", "Nationality, religious or political group", "#e5dbff"),
    Swatch("FAC", "Building, airport, road", "#fff3bf"),
    Swatch("EVENT", "Event", "#ffdeeb"),
    Swatch("LAW", "Law, treaty", "#f3d9fa"),
    Swatch("PRODUCT", "Product", "#d0f0f5"),
    Swatch("WORK_OF_ART", "Title of a work", "#fce4d6"),
    Swatch("LANGUAGE", "Language", "#dbe4ff"),
    Swatch("DATE", "Date", "#e9ecef"),
    Swatch("TIME", "Time", "#e9ecef"),
    Swatch("MONEY", "Money", "#e6f2d9"),
    Swatch("PERCENT", "Percentage", "#e9ecef"),
    Swatch("QUANTITY", "Quantity", "#e9ecef"),
    Swatch("ORDINAL", "Ordinal", "#f1f3f5"),
    Swatch("CARDINAL", "Number", "#f1f3f5"),
)

#: The labels an export highlights: the window's default set. Dates and numbers stay plain, as in the window,
#: where they are noise more often than help.
HIGHLIGHTED = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})

ACRONYM = Swatch("ACRONYM", "Acronym", "#ffe066")
#: A cool grey-blue, unlike every entity's warm or saturated hue (the Organisation orange above all).
SUMMARY = Swatch("SUMMARY", "Sentence in the summary", "#e6edf7")
#: An entity label this palette does not know (another spaCy pipeline's).
OTHER = Swatch("OTHER", "Other name", "#e6e0d4")

#: Text on those backgrounds, and the underline that marks a glossary term.
TEXT = "#111111"
GLOSSARY_UNDERLINE = "#6b5300"
#: The summary box: its border; its background is SUMMARY's, the tint of the summary's sentences in the article.
SUMMARY_BORDER = "#9fb3cf"
LINK = "#1c5fa8"
MUTED = "#5f6368"

_BY_LABEL = {swatch.label: swatch for swatch in (*ENTITY_SWATCHES, ACRONYM, SUMMARY)}


def swatch(label: str) -> Swatch:
    """The swatch of a spaCy label (or ACRONYM, SUMMARY); an unknown label gets OTHER, named after the label."""
    found = _BY_LABEL.get(label)
    return found if found is not None else Swatch(label, label.replace("_", " ").capitalize(), OTHER.colour)


def background(label: str) -> str:
    return swatch(label).colour


def is_highlighted(label: str) -> bool:
    """Whether exports colour this entity label (glossary terms are highlighted whatever their label)."""
    return label in HIGHLIGHTED


def legend(labels) -> list[Swatch]:
    """Swatches for the labels present, in the palette's order, unknown labels last."""
    present = set(labels)
    known = [s for s in (*ENTITY_SWATCHES, ACRONYM) if s.label in present]
    unknown = [swatch(label) for label in sorted(present - set(_BY_LABEL))]
    return known + unknown
