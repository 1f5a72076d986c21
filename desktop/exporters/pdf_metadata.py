"""What a PDF export says about the article outside its pages: the XMP packet, the subject and the keywords.

Qt writes the XMP packet while painting (`pdf_paint`) and pypdf the document information dictionary afterwards
(`pdf_annotations`); both take the subject and keywords from here, so the two never disagree. Qt-free.
"""

from __future__ import annotations

from datetime import datetime, timezone
from xml.sax.saxutils import escape as xml_escape

from desktop import __version__
from desktop.core.model import Document
from desktop.exporters import layout


def _xmp(document: Document, title: str) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    subject = _subject(document)
    keywords = _keywords(document)
    bag = "".join(f"<rdf:li>{xml_escape(k)}</rdf:li>" for k in keywords)
    return (
        "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>"
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xml_escape(title)}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{xml_escape(subject)}</rdf:li></rdf:Alt>'
        "</dc:description>"
        f"<dc:subject><rdf:Bag>{bag}</rdf:Bag></dc:subject>"
        f"<dc:format>application/pdf</dc:format>"
        f"<pdf:Keywords>{xml_escape(', '.join(keywords))}</pdf:Keywords>"
        f"<pdf:Producer>Précis {xml_escape(__version__)} (Qt, pypdf)</pdf:Producer>"
        f"<xmp:CreatorTool>Précis {xml_escape(__version__)}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{now}</xmp:CreateDate><xmp:ModifyDate>{now}</xmp:ModifyDate>"
        f"<xmp:MetadataDate>{now}</xmp:MetadataDate>"
        "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"
    )


def _subject(document: Document) -> str:
    summary = " ".join(layout.squash(s) for s in document.summary_texts())
    return f"Summary: {summary}" if summary else "An article annotated by Précis"


def _keywords(document: Document, limit: int = 20) -> list[str]:
    """Glossary terms first, then the most frequent names."""
    from collections import Counter

    wanted = ("ORG", "PERSON", "GPE", "LOC", "NORP")
    names = Counter(layout.squash(e.text) for e in document.entities if e.label in wanted)
    keywords = [entry.term for entry in document.glossary] + [name for name, _ in names.most_common()]
    return list(dict.fromkeys(k for k in keywords if k))[:limit]
