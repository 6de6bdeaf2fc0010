"""The model's attribute_ruler (parts of speech, morphology and some lemmas from the tagger's tags)
applied by table lookup instead of spaCy's Matcher, with the same result on every token.

Why: profiling the extractor showed the attribute_ruler costing nearly as much as the parser (3.4 s
beside the parser's 3.8 s for the sentences of 300 benchmark articles), nearly all of it spaCy's
general-purpose Matcher trying 179 patterns at every token. Every pattern of ``en_core_web_sm`` is a
fixed run of one or two tokens, each tested for equality, membership or a regex of TAG, LOWER, DEP or
IS_SPACE; which of them match a token's first position depends on those four values only, so it is
worked out once per distinct form and remembered (0.2-0.4 s for the same sentences). The attributes
are then written exactly as ``AttributeRuler.set_annotations`` writes them: the same normalised
attribute sets, by spaCy's own ``set_token_attrs``, in the same order (rule by rule, later rules
winning). tests/test_nlp.py compares the two on contractions and spoken forms; over the real, seed,
dev and 300 benchmark articles (266,000 tokens) every token's POS, tag, morphology, lemma and
dependency were the same.

A model whose rules use anything else (operators, other attributes) keeps spaCy's component:
``AttributeLookup.from_ruler`` returns None for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a rule may test, read as the Matcher reads them (strings, or the flag).
_READERS: dict[str, Callable[[Token], object]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
# A rule is filed under its first token's test on the first of these it has, to be looked up by it.
_INDEXED = ("LOWER", "TAG", "IS_SPACE")


@dataclass(frozen=True)
class Test:
    """One attribute test of one token of a rule: equal to ``value``, (not) in it, or searched by it."""

    attr: str
    op: str  # "==" | "IN" | "NOT_IN" | "REGEX"
    value: object

    def passes(self, token: Token) -> bool:
        seen = _READERS[self.attr](token)
        if self.op == "==":
            return seen == self.value
        if self.op == "REGEX":
            return bool(self.value.search(seen))  # as the Matcher: a search in the attribute's string
        return (seen in self.value) == (self.op == "IN")


@dataclass(frozen=True)
class Rule:
    """One pattern of the ruler: its tests per token, the token it writes and the ruler's rule number."""

    number: int
    tokens: tuple[tuple[Test, ...], ...]
    index: int

    def rest_matches(self, doc: Doc, start: int) -> bool:
        """Whether the tokens after ``start`` match the rule's second token on (the first did)."""
        if start + len(self.tokens) > len(doc):
            return False
        return all(test.passes(doc[start + i]) for i in range(1, len(self.tokens)) for test in self.tokens[i])


def compile_test(attr: str, spec: object) -> Test | None:
    """A pattern's test of one attribute, or None when it is not one this lookup handles."""
    if attr not in _READERS:
        return None
    if isinstance(spec, dict):
        if len(spec) != 1 or next(iter(spec)) not in ("IN", "NOT_IN", "REGEX"):
            return None
        op, values = next(iter(spec.items()))
        if op == "REGEX":
            return Test(attr, op, re.compile(values)) if attr != "IS_SPACE" else None
        return Test(attr, op, frozenset(values))
    if attr == "IS_SPACE" and isinstance(spec, bool) or attr != "IS_SPACE" and isinstance(spec, str):
        return Test(attr, "==", spec)
    return None


def compile_rule(number: int, pattern: list[dict], index: int) -> Rule | None:
    tokens = []
    for token_spec in pattern:
        tests = tuple(compile_test(attr, spec) for attr, spec in token_spec.items())
        if not tests or None in tests:
            return None
        tokens.append(tests)
    return Rule(number, tuple(tokens), index)


def _key(rule: Rule) -> tuple[str, object] | None:
    for attr in _INDEXED:
        for test in rule.tokens[0]:
            if test.attr == attr and test.op == "==":
                return attr, test.value
    return None


# Distinct token forms (tag, lowercase form, dependency, space flag) whose first-token matches are
# remembered; past this many the memory is cleared (a corpus has tens of thousands).
MEMO_SIZE = 200_000


class AttributeLookup:
    """An AttributeRuler's rules, found by a token's tag, lowercase form or space flag."""

    def __init__(self, ruler: AttributeRuler, rules: list[Rule]):
        self.attrs = ruler.attrs  # normalised attribute sets, by rule number, as the ruler writes them
        self.by_key: dict[tuple[str, object], list[Rule]] = {}
        self.unindexed: list[Rule] = []
        for rule in rules:
            key = _key(rule)
            if key is None:
                self.unindexed.append(rule)
            else:
                self.by_key.setdefault(key, []).append(rule)
        self.memo: dict[tuple, tuple[tuple[int, ...], tuple[Rule, ...]]] = {}

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler) -> AttributeLookup | None:
        """The lookup of a ruler's rules, or None when one of them is beyond it."""
        rules = []
        for number, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                rule = compile_rule(number, pattern, entry["index"])
                if rule is None:
                    return None
                rules.append(rule)
        return cls(ruler, rules)

    def candidates(self, token: Token) -> list[Rule]:
        """The rules that may match from ``token`` on: those filed under its form, and the unfiled."""
        found = list(self.unindexed)
        for key in (("LOWER", token.lower_), ("TAG", token.tag_), ("IS_SPACE", token.is_space)):
            found.extend(self.by_key.get(key, ()))
        return found

    def first_token_matches(self, token: Token) -> tuple[tuple[int, ...], tuple[Rule, ...]]:
        """The one-token rules that match ``token`` (their numbers), and the longer rules whose first
        token it matches; the same for every token of the same form, so remembered by form."""
        form = (token.tag_, token.lower_, token.dep_, token.is_space)
        known = self.memo.get(form)
        if known is None:
            matching = [r for r in self.candidates(token) if all(test.passes(token) for test in r.tokens[0])]
            known = (tuple(r.number for r in matching if len(r.tokens) == 1),
                     tuple(r for r in matching if len(r.tokens) > 1))
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            self.memo[form] = known
        return known

    def __call__(self, doc: Doc) -> Doc:
        # every match is found before any is written (tests read the tagger's tags, some rules
        # rewrite them), then written in the ruler's order: by rule number, then position
        hits = set()
        for start, token in enumerate(doc):
            singles, longer = self.first_token_matches(token)
            hits.update((number, start) for number in singles)
            hits.update((rule.number, start + rule.index) for rule in longer if rule.rest_matches(doc, start))
        for number, position in sorted(hits):
            set_token_attrs(doc[position], self.attrs[number])
        return doc


@Language.factory("arms_attribute_lookup", default_config={"source": "attribute_ruler"})
def make_attribute_lookup(nlp: Language, name: str, source: str) -> AttributeLookup:
    """The lookup of the rules of the pipeline's component ``source`` (an AttributeRuler)."""
    lookup = AttributeLookup.from_ruler(nlp.get_pipe(source))
    if lookup is None:
        raise ValueError(f"the rules of {source!r} are beyond the attribute lookup")
    return lookup


def use_lookup(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put the lookup of the pipeline's attribute ruler in its place and under its name (it does the
    same job); False, and the ruler kept, when its rules are beyond the lookup."""
    if AttributeLookup.from_ruler(nlp.get_pipe(name)) is None:
        return False
    nlp.add_pipe("arms_attribute_lookup", name="arms_attribute_lookup", after=name, config={"source": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe("arms_attribute_lookup", name)
    return True
