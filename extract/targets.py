"""What weapons act on: a term the tree reads as a target ("built to destroy cruise missiles") names
no claim that anything moved. Target words are the rows with role=target in data/verb_cues.csv."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .syntax import span_of, verb_cues

# Links that keep a weapon in the same noun phrase or list: "cruise and ballistic missiles", "missile attacks".
_LIST_LINKS = ("conj", "appos", "compound", "amod", "nmod", "nummod")
# Prepositions that take what a verb of combat acts on: "vulnerable to", "protect from", "defend against".
_TARGET_PREPOSITIONS = ("to", "from", "against")
_MAX_STEPS = 12


def listed_as(token: Token, role: str) -> bool:
    """Whether data/verb_cues.csv lists the word (its lemma or form) in ``role``."""
    return any((word, role) in verb_cues() for word in (token.lemma_.lower(), token.lower_))


def _is_target_word(token: Token) -> bool:
    return listed_as(token, "target")


def is_target(doc: Doc, term_start: int, term_end: int) -> bool:
    """Whether the term names what weapons act on ("can intercept jets, helicopters and drones",
    "vulnerable to surface-to-air missiles", "an air defence against cruise missiles")."""
    span = span_of(doc, term_start, term_end)
    if span is None:
        return False
    token = span.root
    for _ in range(_MAX_STEPS):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ in _LIST_LINKS:
            token = head  # up the list or the noun phrase
            continue
        if token.dep_ == "dobj":
            return head.pos_ in ("VERB", "AUX") and _is_target_word(head)
        if token.dep_ == "pobj":
            if _is_target_word(head):
                return True  # "against"
            return head.lower_ in _TARGET_PREPOSITIONS and _is_target_word(head.head)
        return False
    return False
