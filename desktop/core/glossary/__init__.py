"""What Précis knows about acronyms and organisations before it reads an article.

`bundled` is the glossary that ships with Précis (compiled from `resources/glossary/*.tsv` by `compile`);
`build_sources` regenerates the files derived from public lists. Nothing here imports Qt or spaCy.
"""
