"""Named entities a reader can trust: what spaCy sees (`casing`) and what the document says about its own
names once spaCy has labelled them (`refine`)."""
