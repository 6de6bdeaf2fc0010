"""The project's own spaCy components: the steps that read a parsed sentence, registered with spaCy's
factory mechanism and added after the model's tagger, parser and lemmatizer (extract/nlp.py), so that
``nlp.pipe_names`` lists every step a sentence goes through.

Each step reads the layers earlier steps wrote and writes its own:

- before parsing, the lexicon's layer is set on the ``Doc`` (``doc._.arms_terms``: terms of
  data/*_terms.csv and equipment.csv; ``doc._.arms_countries``: country mentions;
  ``doc._.arms_focus``: the article's most named systems);
- ``arms_deals`` adds the agreements only the tree shows (``doc.spans["arms_deals"]``);
- ``arms_trainers`` adds the trainers a country's verb of teaching names (``doc.spans["arms_trainers"]``);
- ``arms_references`` adds the words that name the article's system again (``doc.spans["arms_references"]``);
- ``arms_readings`` reads every term's claim from the tree: ``doc.spans["arms_claims"]``, each span with
  ``span._.term`` (the term), ``span._.reading`` (syntax.Reading), ``span._.capability``, ``span._.target`` and ``span._.design``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import references, syntax, targets
from .terms import Term

for _name in ("arms_terms", "arms_countries", "arms_focus"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("term", "reading"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
for _name in ("capability", "target", "design"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=False)

# The steps, in order, after the model's own components.
STEPS = ("arms_deals", "arms_trainers", "arms_references", "arms_readings")
_BY_TERM = "arms_claims_by_term"
_DEAL_LABELS = {"arms-deal": "arms deal", "cooperation": "military cooperation agreement"}


def _span(doc: Doc, term: Term, label: str) -> Span | None:
    span = doc.char_span(term.start, term.end, label=label, alignment_mode="expand")
    if span is not None:
        span._.term = term
    return span


def _terms(doc: Doc) -> list[Term]:
    return list(doc._.arms_terms or [])


def _add_terms(doc: Doc, terms: list[Term], found: list[Term], key: str, label: str) -> Doc:
    """A step's new terms: its own span group ``key`` (what it found), and the doc's terms in order."""
    doc.spans[key] = [s for s in (_span(doc, t, label) for t in found) if s is not None]
    doc._.arms_terms = sorted(terms + found, key=lambda t: t.start)
    return doc


@Language.component("arms_deals")
def add_signed_deals(doc: Doc) -> Doc:
    """Agreements the lexicon misses, read from the tree ("signed a long-term agreement", "agreed to buy")."""
    terms = _terms(doc)
    taken = [(t.start, t.end) for t in terms if t.kind == "agreement"]
    found = [Term(start, end, "agreement", _DEAL_LABELS[category], category)
             for start, end, category in syntax.find_signed_agreements(doc, taken)]
    return _add_terms(doc, terms, found, "arms_deals", "agreement")


@Language.component("arms_trainers")
def add_trainers(doc: Doc) -> Doc:
    """Forces named only by what they do: a country that trains another's forces ("Britain has been
    training Kenyan marines") sends trainers, read from the tree (syntax.find_teaching)."""
    terms = _terms(doc)
    taken = [(t.start, t.end) for t in terms]
    found = [Term(start, end, "deployment", "military specialists", "advisers")
             for start, end in syntax.find_teaching(doc, taken)]
    return _add_terms(doc, terms, found, "arms_trainers", "deployment")


@Language.component("arms_references")
def add_back_references(doc: Doc) -> Doc:
    """Words naming the article's system again ("the jets", "the first batch") become its terms."""
    terms = _terms(doc)
    found = references.find_references(doc, terms, doc._.arms_focus or references.Focus())
    return _add_terms(doc, terms, found, "arms_references", "item")


@Language.component("arms_readings")
def read_claims(doc: Doc) -> Doc:
    """Every term's claim as the tree reads it: status, roles, certainty, and whether it only
    describes what a system can do."""
    mentions = list(doc._.arms_countries or [])
    spans = []
    for term in _terms(doc):
        span = _span(doc, term, term.kind)
        if span is None:
            continue
        span._.reading = syntax.read_claim(doc, term.start, term.end, term.kind, mentions, term.category)
        span._.capability = syntax.describes_capability(doc, term.start, term.end)
        span._.target = (targets.is_target(doc, term.start, term.end)
                         or targets.used_in_combat(doc, term.start, term.end, mentions, term.origin)
                         or targets.used_in_drill(doc, term.start, term.end))
        span._.design = targets.describes_design(doc, term.start, term.end, mentions)
        spans.append(span)
    doc.spans["arms_claims"] = spans
    # looked up once per term by the claim rules: built here, once per sentence
    doc.user_data[_BY_TERM] = {(s._.term.start, s._.term.end, s._.term.kind): s for s in spans}
    return doc


def claim_spans(doc: Doc | None) -> dict[tuple[int, int, str], Span]:
    """The ``arms_claims`` spans of a parsed sentence by their term's (start, end, kind)."""
    if doc is None:
        return {}
    return doc.user_data.get(_BY_TERM, {})
