"""What weapons act on: a term the tree reads as a target ("built to destroy cruise missiles") names
no claim that anything moved. Target words are the rows with role=target in data/verb_cues.csv."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .syntax import listed_as, listed_head, span_of

# Links that keep a weapon in the same noun phrase or list: "cruise and ballistic missiles", "missile attacks".
_LIST_LINKS = ("conj", "appos", "compound", "amod", "nmod", "nummod")
# Prepositions that take what a verb of combat acts on: "vulnerable to", "protect from", "defend against".
_TARGET_PREPOSITIONS = ("to", "from", "against")
_MAX_STEPS = 12


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
            if listed_as(head, "action") or listed_as(head, "deal"):
                return False  # "protests against F-35 sales": the sale is the claim, not a target
            token = head  # up the list or the noun phrase
            continue
        if token.dep_ == "dobj":
            return head.pos_ in ("VERB", "AUX") and _is_target_word(head)
        if token.dep_ == "pobj":
            if _is_target_word(head):
                return True  # "against"
            # "protect the capital from drones"; but "protect the jets" names what is defended
            return head.lower_ in _TARGET_PREPOSITIONS and (_is_target_word(head.head) or listed_as(head.head, "shield"))
        return False
    return False


# Prepositions that list examples inside a noun phrase: "weapons including guided missiles".
_EXAMPLE_PREPOSITIONS = ("including", "like", "such")


def describes_design(doc: Doc, term_start: int, term_end: int, countries: list[tuple[int, int, str]]) -> bool:
    """Whether the term only describes a platform: what it can be fitted with ("the jet can be
    equipped with missiles"), the platform described by what it carries ("the jet is equipped with",
    "comes armed with"), or the design it derives from ("based on a Soviet radar", "derived from an
    older trainer"). A country fitted with something ("Chile was armed with tanks") received it.
    Words: role=fitting and role=lineage in data/verb_cues.csv."""
    span = span_of(doc, term_start, term_end)
    if span is None:
        return False
    token = span.root
    for _ in range(_MAX_STEPS):
        head = token.head
        if token.dep_ in _LIST_LINKS and head.i != token.i:
            token = head
        elif token.dep_ == "pobj" and head.lower_ in _EXAMPLE_PREPOSITIONS:
            token = head.head  # "weapons including missiles": the weapons' place in the sentence
        else:
            break
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "with":
        # what a platform can be fitted with; what it comes fitted with may come with it
        verb = head.head
        can = any(c.dep_ == "aux" and listed_as(c, "capability") for c in verb.children)
        return can and _fitted(verb) and not _country_subject(verb, countries)
    if token.dep_ == "pobj" and head.lower_ in ("on", "from"):
        # "based on the S-300"; but "based on the S-400 deal" names a deal, not a design
        return listed_as(head.head, "lineage") and head.head.tag_ == "VBN" and not listed_as(token, "deal")
    if token.dep_ in ("nsubj", "nsubjpass"):
        verbs = [head, *(c for c in head.children if c.dep_ in ("acomp", "oprd", "xcomp"))]
        return any(_fitted(v) and any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children) for v in verbs)
    return False


def outfitted_platform(doc: Doc, term_start: int, term_end: int) -> bool:
    """Whether the term is the platform a verb fits out ("to equip the frigates with missiles", "to
    arm its corvette fleet"): the platform is the buyer's own; what it is fitted with is the claim.
    A country or force so equipped is no term. Verbs: role=outfit in data/verb_cues.csv."""
    token = listed_head(doc, term_start, term_end, compounds=True)
    while token is not None and token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
        token = token.head.head  # "a fleet of frigates", "the navy of Peru's corvettes": the whole is fitted out
    if token is None or token.dep_ != "dobj":
        return False
    verb = token.head
    return verb.pos_ == "VERB" and listed_as(verb, "outfit")


def _fitted(word: Token) -> bool:
    """A fitting word in a passive or participle ("is equipped", "armed with"), not "X armed Y"."""
    passive = word.tag_ == "VBN" or word.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in word.children)
    return passive and listed_as(word, "fitting")


def _country_subject(word: Token, countries: list[tuple[int, int, str]]) -> bool:
    subjects = [t for c in word.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    return any(start <= t.idx < end for t in subjects for start, end, _ in countries)


# Prepositions that say where weapons are used: "in combat", "during the campaign".
_IN_ACTION = ("in", "during")


def used_in_combat(doc: Doc, term_start: int, term_end: int, countries: list[tuple[int, int, str]],
                   origin: str = "") -> bool:
    """Whether the term names weapons a country uses in combat or exercises ("has used its drones in
    operations", "fired its new rockets in combat"): no transfer, unless a
    country is named with the weapons ("used Iranian drones in its attacks": they came from Iran).
    Words: role=employ (verbs) and role=combat (nouns) in data/verb_cues.csv."""
    token = listed_head(doc, term_start, term_end)
    if token is None:
        return False
    verb = token.head
    if token.dep_ != "dobj" or not listed_as(verb, "employ"):
        return False
    own = set(t.i for t in token.subtree)
    if any(start <= t.idx < end for t in token.subtree for start, end, _ in countries):
        return False  # "Iranian drones", "drones from Iran"
    users = {iso3 for c in verb.children if c.dep_ == "nsubj" for t in c.subtree
             for start, end, iso3 in countries if start <= t.idx < end}
    if origin and users - {origin}:
        return False  # "Ukraine used the HIMARS in its counteroffensive": a buyer's weapon came from its maker
    return any(t.i not in own and t.dep_ == "pobj" and t.head.lower_ in _IN_ACTION and listed_as(t, "combat")
               for t in verb.subtree)


# Links from a weapon to the verb that uses it in a drill: "fired the drone", "the drone was fired".
_USED_LINKS = ("dobj", "nsubjpass")


def used_in_drill(doc: Doc, term_start: int, term_end: int) -> bool:
    """Whether the term names weapons troops train on, learn to use or use in a drill ("crews trained
    on the howitzers", "were trained to operate the missiles", "a drone fired during an exercise"):
    the drilling force's own, no transfer, whoever
    made them. Words: role=drill (verbs and nouns of practice) and role=employ (verbs of use) in
    data/verb_cues.csv."""
    token = listed_head(doc, term_start, term_end)
    if token is None:
        return False
    head = token.head
    if any(c.dep_ in ("relcl", "acl") and listed_as(c, "action") and _acts_on_antecedent(c) for c in token.children):
        return False  # "trained on the jets Kenya ordered": the order is a claim of its own
    if token.dep_ == "pobj" and head.lower_ == "on":
        # "crews practised on the launchers", "training on the tanks"; but "instructors came to
        # train crews on the jets" teaches others: the jets come with the trainers
        drill = head.head
        return listed_as(drill, "drill") and not any(c.dep_ == "dobj" for c in drill.children)
    if (token.dep_ == "dobj" and head.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            and listed_as(head.head, "drill") and not any(c.dep_ == "dobj" for c in head.head.children)):
        return True  # "personnel were trained in Iran to operate the missiles": what they learn to use
    if token.dep_ not in _USED_LINKS or not listed_as(head, "employ"):
        return False
    return any(prep.dep_ == "prep" and prep.lower_ in _IN_ACTION and any(
        o.dep_ == "pobj" and listed_as(o, "drill") for o in prep.children) for prep in head.children)


def _acts_on_antecedent(clause: Token) -> bool:
    """Whether a relative clause does something to its noun ("the jets Kenya ordered", "jets bought
    in 2020"), rather than describe it ("the missiles, which have a range of 120 km")."""
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in clause.children)


def aimed_at_target(doc: Doc, term_start: int, term_end: int) -> bool:
    """Whether the term names weapons a verb of use aims at a target ("used glide bombs against the
    city", "fired rockets at positions", "launched missiles to strike ports"): no transfer. Words:
    role=employ (verbs), role=aim (prepositions) and role=target (a purpose verb) in data/verb_cues.csv."""
    token = listed_head(doc, term_start, term_end)
    if token is None:
        return False
    verb = token.head
    if token.dep_ != "dobj" or not listed_as(verb, "employ"):
        return False
    for child in [*verb.children, *token.children]:  # "to strike" on the verb or on the weapons
        if child.dep_ == "prep" and child.head.i == verb.i and listed_as(child, "aim") and not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            return True  # "against Kharkiv"; "on Monday" says when
        if (child.dep_ in ("advcl", "xcomp", "relcl", "acl") and listed_as(child, "target")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)):
            return True  # "to strike ports"
    return False
