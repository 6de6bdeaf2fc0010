"""What a sentence's dependency tree says about one claim: the verb that governs it, the verbs that
control that verb ("is set to receive", "ruled out sending"), who is its subject, its goal and its
source, which time expressions modify it, and who is reported to say it.

The cue words live in data/verb_cues.csv, one lemma per row with its meaning in columns. Everything
here reads a parsed spaCy ``Doc`` of one sentence and character offsets into it; nothing is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicon import load_table, split_values

# Links a noun phrase hangs from on its way up to the verb that governs it.
_NOMINAL_LINKS = {"compound", "amod", "nmod", "appos", "conj", "nummod", "pobj", "prep", "dobj", "nsubj",
                  "nsubjpass", "attr", "dative", "npadvmod", "oprd", "poss", "cc", "quantmod", "det", "acomp",
                  "agent", "pcomp"}
# Links that reach a verb of saying from what it reports.
_REPORTED_LINKS = {"ccomp", "parataxis", "advcl", "conj"}
# A noun phrase's head word is reached through these links from its modifiers ("South Korea",
# "Russian President Vladimir Putin", "the Russian defence ministry").
_PHRASE_LINKS = {"compound", "amod", "flat", "nmod", "poss"}
# "exported to six countries, including Indonesia and Iraq": the listed countries are the goal too.
_GOAL_PREPS = {"to", "into", "for", "toward", "towards", "including"}
_HOST_PREPS = {"in", "at", "on", "inside"}
_SOURCE_PREPS = {"from"}
_NEGATIONS = {"not", "n't", "never", "no"}
# Conjunctions that open an adverbial clause of its own ("as Minsk handed Moscow shells"): what
# happens in it is not controlled by the main verb ("for Berlin to buy" is).
_OWN_CLAUSE_MARKS = {"as", "when", "while", "whilst", "after", "before", "because", "since", "if", "although",
                     "though", "until", "once", "whereas", "unless"}
# Controllers that start what they control (records.md: "began operating" is delivered).
_ONSET_LEMMAS = {"begin", "start"}
# How far up the tree the search for a governing or controlling verb goes: sentences are capped, and
# deeper chains than this are not one claim any more.
_MAX_STEPS = 12


@dataclass(frozen=True)
class VerbCue:
    """One row of data/verb_cues.csv."""

    lemma: str
    pos: str
    role: str
    status: str
    direction: str
    certainty: str
    kinds: frozenset[str]
    future: str
    category: str = ""  # a deal noun's fixed agreement category ("contract" is always an arms deal)
    now: str = ""  # the action's status in the simple present ("Chile uses the jets": present)
    perfect: str = ""  # its status in the present perfect with no span ("has purchased 25 jets": agreed)


@lru_cache(maxsize=1)
def verb_cues() -> dict[tuple[str, str], tuple[VerbCue, ...]]:
    """(lemma, role) -> the cues of that word, from data/verb_cues.csv."""
    table: dict[tuple[str, str], list[VerbCue]] = {}
    for row in load_table("verb_cues"):
        cue = VerbCue(row["lemma"], row["pos"], row["role"], row["status"], row.get("direction", ""),
                      row.get("certainty", ""), frozenset(split_values(row.get("kinds", ""))), row.get("future", ""),
                      row.get("category", ""), row.get("now", ""), row.get("perfect", ""))
        table.setdefault((cue.lemma, cue.role), []).append(cue)
    return {key: tuple(cues) for key, cues in table.items()}


_POS_OF_CUE = {"noun": ("NOUN", "PROPN"), "verb": ("VERB", "AUX"), "adj": ("ADJ", "VERB", "AUX")}


def _cue(token: Token, role: str, kind: str = "") -> VerbCue | None:
    """The cue of ``token`` in ``role`` for a claim of ``kind``, if the table has one."""
    table = verb_cues()
    for word in _cue_words(token):
        cues = table.get((word, role), ())
        if cues and _noun_compound(token):
            return None  # read only for a listed word: this runs for every token and role
        for cue in cues:
            if cue.kinds and kind and kind not in cue.kinds:
                continue
            if cue.pos in _POS_OF_CUE and token.pos_ not in _POS_OF_CUE[cue.pos] \
                    and not (cue.pos == "verb" and _verb_read_as_noun(token)):
                continue
            return cue
    return None


@lru_cache(maxsize=1)
def _phrasal_heads() -> frozenset[str]:
    """The lemmas some row of data/verb_cues.csv names with a preposition ("call" of "call at")."""
    return frozenset(lemma.split()[0] for lemma, _ in verb_cues() if " " in lemma)


def _cue_words(token: Token) -> tuple[str, ...]:
    """The words a row of data/verb_cues.csv may name the token by: the verb with a preposition or
    particle it governs first ("call at": a warship's port call, though "call" alone is no move),
    then its lemma and its form. The children are read only for a lemma a phrasal row names: this
    runs for every token and role, and most words have none."""
    lemma = token.lemma_.lower()
    if lemma not in _phrasal_heads():
        return (lemma, token.lower_)
    phrasal = [f"{lemma} {c.lower_}" for c in token.children if c.dep_ in ("prep", "prt") and c.i > token.i]
    return (*phrasal, lemma, token.lower_)


def _verb_read_as_noun(token: Token) -> bool:
    """"French Rafale jets land in Egypt": a headline's verb the tagger reads as the head noun of the
    whole line, its subject as a compound before it, a preposition after it, no determiner."""
    return token.dep_ == "ROOT" and token.pos_ == "NOUN" and token.tag_ == "NN" \
        and any(c.dep_ == "compound" and c.i == token.i - 1 for c in token.children) \
        and any(c.dep_ == "prep" and c.i == token.i + 1 for c in token.children) \
        and not any(c.dep_ in ("det", "poss", "amod") for c in token.children)


def _noun_compound(token: Token) -> bool:
    """"test-fired", "shoulder-fired missiles": a verb joined by a hyphen to a noun before it is a word
    of its own (a test, a kind of weapon), not the verb alone."""
    if token.i < 2 or token.pos_ not in ("VERB", "AUX"):
        return False
    hyphen, prefix = token.doc[token.i - 1], token.doc[token.i - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not prefix.whitespace_ and prefix.pos_ == "NOUN"


@dataclass
class Reading:
    """The tree's reading of one claim. Empty strings mean the tree says nothing about that field."""

    action: Token | None = None  # the verb or noun that moves the thing
    path: list[Token] = field(default_factory=list)  # from the term up: nouns, the governing verb, its controllers
    status: str = ""
    tense: str = ""  # past | perfect | present | future | noun
    direction: str = ""
    supplier: str = ""
    recipient: str = ""
    certainty: str = ""
    reporter: Token | None = None  # the verb of saying the claim hangs from


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters [start, end) of the sentence."""
    return doc.char_span(start, end, alignment_mode="expand")


def listed_head(doc: Doc | None, start: int, end: int, compounds: bool = False) -> Token | None:
    """The root of the term at characters [start, end), climbed past the lists and appositions it
    stands in ("drones and missiles", "the shells, its payment") — and, with ``compounds``, past the
    nouns it only modifies — to the word that links it to the rest of the sentence; None unparsed."""
    span = span_of(doc, start, end) if doc is not None else None
    if span is None:
        return None
    links = ("conj", "appos", "compound") if compounds else ("conj", "appos")
    token = span.root
    while token.dep_ in links and token.head.i != token.i:
        token = token.head
    return token


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")


def governing_path(root: Token) -> list[Token]:
    """The words from the term's root up to its governing verb, then up through each word that controls
    that verb ("set" in "is set to receive", "deal" in "a deal to buy", "ruled" in "ruled out sending")."""
    path, token = [], root
    for _ in range(_MAX_STEPS):
        head = token.head
        if head.i == token.i:
            break
        if _is_verb(token) and token.i != root.i:
            if _describes(token):
                path.pop()  # "ATACMS armed with cluster munitions": a participle describing the thing
            elif not _controls(token, head):
                break
        elif token.dep_ not in _NOMINAL_LINKS and not (token.dep_ in ("acl", "relcl") and token.i != root.i) \
                and not (token.dep_ == "punct" and token.i == root.i and token.is_alpha is False and len(token) > 1):
            # (a designation the tagger misread as punctuation, "Shahed-136", still hangs from its phrase)
            break
        if head.pos_ in ("ADP", "SCONJ", "PART"):
            path.append(head)
            head = head.head
        path.append(head)
        token = head
    return [t for t in path if t.pos_ not in ("ADP", "SCONJ", "PART")]


def _describes(verb: Token) -> bool:
    """A participle that only describes the noun it hangs from ("armed with", "built by")."""
    if verb.tag_ != "VBN" or _cue(verb, "maker") is None:
        return False
    # "the Danes fly frigates made in Germany", parsed as a small clause: the verb above acts on the thing
    small_clause = verb.dep_ == "xcomp" and not _auxiliaries(verb) and listed_as(verb.head, "action")
    return verb.dep_ in ("acl", "amod") or small_clause


def _controls(verb: Token, head: Token) -> bool:
    """Whether ``head`` controls ``verb``: an xcomp ("plans to send"), an adjective ("due to arrive"),
    or a known controller reached through a preposition or clause ("ruled out sending")."""
    if verb.dep_ in ("xcomp", "acomp"):
        return True
    if verb.dep_ == "ccomp" and _question_or_that(verb):
        return False  # "will see how many troops are deployed": a question is not a plan
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OWN_CLAUSE_MARKS for c in verb.children):
        return False  # "took a new turn as Minsk handed Moscow shells": a clause of its own, not controlled
    if verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and _finite_with_subject(verb):
        return False  # "the plan, under which 210 instructors have already arrived": done, not planned
    if verb.dep_ in ("prep", "pobj", "pcomp", "advcl", "acl", "dobj", "ccomp") or _infinitive_relative(verb):
        target = head.head if head.pos_ in ("ADP", "SCONJ") else head
        # "be" controls only its own infinitive ("is to receive"), not any clause it heads
        return _cue(target, "control") is not None and target.lemma_ not in _INFINITIVE_ONLY
    return False


# Auxiliaries of a clause told in the past or the present as a fact ("have arrived", "was sent").
_FACT_AUXILIARIES = {"has", "have", "had", "'ve", "is", "are", "was", "were", "did", "does", "do", "been"}


def _finite_with_subject(verb: Token) -> bool:
    """A clause with a subject of its own (not a relative pronoun) and a verb in the past, the present
    or the perfect: it tells what happened, whatever noun it hangs from."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children)
    auxiliaries = {a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")}
    if not subject or auxiliaries - _FACT_AUXILIARIES:
        return False  # "will arrive", "to send", "could have sent": not told as a fact
    return bool(auxiliaries) or verb.tag_ in ("VBD", "VBZ", "VBP")


def _question_or_that(verb: Token) -> bool:
    """A clause opened by "that", "whether" or a question word, not a bare clause ("see jets sent")."""
    return any(c.dep_ == "mark" for c in verb.children) or \
        any(t.tag_ in ("WRB", "WP", "WDT") for t in verb.subtree if t.i < verb.i)


def _infinitive_relative(verb: Token) -> bool:
    """"calls to send jets" misread as a relative clause: an infinitive that hangs from a noun."""
    return verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _own_participle(root: Token, kind: str) -> list[Token]:
    """"A contract signed in September", "the dispatched soldiers": a participle that modifies the
    term is the term's own verb."""
    nouns = [root]
    while nouns[-1].dep_ in ("compound", "amod") and nouns[-1].head.i > nouns[-1].i and len(nouns) < 3:
        nouns.append(nouns[-1].head)  # "Rafale fighter jets bought from France": the participle is on "jets"
    for child in (c for noun in nouns for c in noun.children):
        # an "acl" in the past tense is a participle the tagger misread ("jets bought from Russia")
        participle = child.tag_ == "VBN" or (child.tag_ == "VBD" and child.dep_ == "acl")
        if child.dep_ in ("acl", "amod") and participle and _cue(child, "action", kind) is not None \
                and _cue(child, "maker") is None:
            return [child]
    return []


def _own_relative(root: Token, kind: str) -> list[Token]:
    """"Twelve jets, which had been exported to Chile, ...": a relative clause on the term with a verb
    of transfer is the term's own claim; the verbs above the term speak of something else."""
    nouns = [root]
    while nouns[-1].dep_ == "compound" and nouns[-1].head.i > nouns[-1].i and len(nouns) < 3:
        nouns.append(nouns[-1].head)  # "the Su-35 fighter jets that Egypt ordered": the clause is on "jets"
    for child in (c for noun in nouns + _postmodifier_nouns(nouns[-1]) for c in noun.children):
        cue = _cue(child, "action", kind) if child.dep_ == "relcl" else None
        # "missiles, which have a range of 300 km": holding a property is a description, not a claim
        if cue is not None and cue.status != "present" and _cue(child, "maker") is None \
                and (any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in child.children)
                     or _object_gap(child) or _object_relative(child)):
            return [child]
    return []


def _postmodifier_nouns(noun: Token) -> list[Token]:
    """The nouns of the phrases after a noun that modify it ("vessels built under a credit line",
    "the partnership between the two countries"): the parser hangs a relative clause that closes the
    sentence on the last of them, though it tells of the noun they modify ("..., which the navy
    received last week")."""
    found, frontier = [], [noun]
    for _ in range(3):
        below = []
        for word in frontier:
            for child in word.children:
                if child.i < noun.i:
                    continue
                if child.dep_ == "prep":
                    below += [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
                elif child.dep_ == "acl" and _describes(child):
                    below += [c for p in child.children if p.dep_ in ("prep", "agent")
                              for c in p.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        found += below
        frontier = below
    return found


def _object_relative(relative: Token) -> bool:
    """"the jets that Egypt ordered": a relative clause whose object is the relative pronoun, with a
    subject of its own; the noun it hangs from is what the verb moves."""
    return any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in relative.children) \
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in relative.children)


def _object_gap(relative: Token) -> bool:
    """"the 40 howitzers Seoul promised": a relative clause with a subject of its own and no object,
    whose missing object is the noun it hangs from."""
    return relative.i > relative.head.i and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in relative.children) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in relative.children)


def _purpose_noun(path: list[Token], kind: str) -> list[Token]:
    """"The frigate was launched for delivery in 2026", "built for export": the action noun the
    governing verb is for, when that verb moves nothing itself."""
    verb = next((t for t in path if _is_verb(t)), None)
    if verb is None:
        return []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if noun is not None and _cue(noun, "action", kind) is not None:
                return [noun]
    return []


def _complement_action(root: Token, path: list[Token], kind: str) -> list[Token]:
    """"The missiles are due to arrive", "Russia is set to receive": the subject's verb holds the action
    in its complement; returns the words from the action up to (not including) the subject's verb."""
    if root.dep_ not in ("nsubj", "nsubjpass") or not path or path[0].i != root.head.i:
        return []
    if _cue(path[0], "action", kind) is not None:
        return []
    below, token = [], path[0]
    for _ in range(3):
        nxt = next((c for c in token.children if c.dep_ in ("xcomp", "acomp")), None)
        if nxt is None:
            return [] if below else _planned_course(token, kind)
        below.insert(0, nxt)
        if _cue(nxt, "action", kind) is not None:
            return below
        token = nxt
    return []


def _planned_course(verb: Token, kind: str) -> list[Token]:
    """"The system is on track to reach Riyadh", "is on course to receive": a control noun after a
    preposition of the subject's verb, whose infinitive is the action. Returns [action, noun]."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and _cue(c, "control", kind) is not None):
            action = next((c for c in noun.children if c.dep_ == "acl" and _cue(c, "action", kind) is not None
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if action is not None:
                return [action, noun]
    return []


def _object_control(root: Token, path: list[Token], kind: str) -> Token | None:
    """"Niger ordered U.S. troops to leave", "urged Berlin to send tanks": the term is the object of a
    verb whose infinitive says what happens to it."""
    if root.dep_ != "dobj" or not path or path[0].i != root.head.i:
        return None
    return next((c for c in root.head.children if c.dep_ == "xcomp" and _cue(c, "action", kind) is not None), None)


# Links from a verb up to the clause it is part of: "requesting help in modernizing radars", "requested
# that Beijing speed up the production of radars".
_CLAUSE_LINKS = {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj"}


def _clause_action(root: Token, path: list[Token], kind: str) -> list[Token]:
    """When no word of the term's path acts on it: a verb conjoined to its verb that shares the term
    as subject ("the howitzers were kept in depots and will be flown to Kyiv"), else the nearest verb
    of transfer above its verb's clause, short of a verb of saying. Returns that verb and its controllers."""
    verb = next((t for t in path if _is_verb(t)), None)
    if verb is None:
        return []
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.i == verb.i:
        for child in verb.children:
            if child.dep_ == "conj" and _is_verb(child) and _cue(child, "action", kind) is not None \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                return [child]
            # "the forces completed their withdrawal": the subject's own action noun
            if child.dep_ == "dobj" and child.pos_ == "NOUN" and _cue(child, "action", kind) is not None \
                    and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in child.children):
                return [child]
    own = _said_of_itself([root, *path], kind)
    if own:
        return own
    token = verb
    for _ in range(4):
        if not _in_clause_of_head(token):
            return []
        sibling = token.dep_ == "conj"  # "modernizing radars and repairing jets": a parallel verb, not a governor
        token = token.head
        if _cue(token, "report") is not None:
            return []
        if not sibling and _is_verb(token) and _cue(token, "action", kind) is not None:
            return [token, *governing_path(token)]
    return []


def _said_of_itself(chain: list[Token], kind: str) -> list[Token]:
    """"the battalion said it was withdrawing from Estonia": the term (``chain``: its root, then its path) is
    the subject of a verb of saying whose reported clause has a pronoun for subject; that clause's
    verb of transfer is the term's."""
    verb = next((t for t in chain[1:] if _is_verb(t)), None)
    if verb is None or _cue(verb, "report") is None or chain[chain.index(verb) - 1].dep_ not in ("nsubj", "nsubjpass"):
        return []
    for clause in verb.children:
        if clause.dep_ == "ccomp" and _cue(clause, "action", kind) is not None \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" for c in clause.children):
            return [clause]
    return []


def _in_clause_of_head(token: Token) -> bool:
    """Whether a word belongs to the clause of its head: not a clause of its own ("while the fourth
    frigate is under construction", "and Seoul sent ..." with a subject of its own)."""
    if token.head.i == token.i:
        return False
    if token.dep_ == "conj":
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OWN_CLAUSE_MARKS for c in token.children):
        return False
    return token.dep_ in _CLAUSE_LINKS


def _going_to(verb: Token) -> bool:
    """"are going to increase": the infinitive under a progressive "go" speaks of the future."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)


def _auxiliaries(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass", "neg")]


# Controllers that control only their own infinitive: "is to receive", "has to send" ("has troops
# deployed" is no obligation).
_INFINITIVE_ONLY = {"be", "have"}


def _state_put_in(verb: Token, kind: str) -> VerbCue | None:
    """"put the shipment on hold", "the purchase was under discussion": a verb that puts the thing in
    a state its "on"/"under" object names."""
    if not _is_verb(verb):
        return None
    if verb.dep_ == "dobj" and verb.i > 0 and verb.doc[verb.i - 1].lower_ == "on" and verb.doc[verb.i - 1].head.i == verb.head.i:
        # "put on hold a shipment" parsed with "hold" as the verb of the shipment
        return next((c for c in verb_cues().get((verb.lower_, "control"), ()) if c.pos == "noun"), None)
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "under"):
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if noun is None and prep.i + 1 < len(prep.doc) and prep.doc[prep.i + 1].head.i == verb.i:
                # "put on hold a shipment", parsed with "hold" as a second object of "put"
                word = prep.doc[prep.i + 1].lower_
                return next((c for c in verb_cues().get((word, "control"), ()) if c.pos == "noun"), None)
            if noun is not None and prep.lower_ == "under" and any(c.dep_ in ("det", "poss") for c in noun.children):
                continue  # "bought under a bilateral agreement" names the deal, not a state ("under discussion")
            if noun is not None and (cue := _cue(noun, "control", kind)) is not None:
                return cue
    return None


def _qualifying_participle(action: Token, kind: str) -> VerbCue | None:
    """The controller a participle in front of an action noun names ("the expected delivery", "a
    proposed sale", "the suspended shipments"): it qualifies the action as a controlling verb would."""
    if action.pos_ != "NOUN":
        return None
    for child in action.children:
        if child.dep_ == "amod" and child.tag_ == "VBN":
            control = _cue(child, "control", kind)
            if control is not None and control.status not in ("", "="):
                return control
    return None


def _status_of(path: list[Token], kind: str) -> tuple[str, str, str, Token | None, list[Token]]:
    """(status, direction, certainty, action, controllers): the innermost word that moves the thing,
    then each word above it that controls it."""
    action, cue = next(((t, c) for t in path for c in [_cue(t, "action", kind)] if c), (None, None))
    if action is None or cue is None:
        return "", "", "", None, []
    status, certainty, controllers, direction = cue.status, cue.certainty, [], cue.direction
    qualifier = _qualifying_participle(action, kind)
    if qualifier is not None:  # "the expected delivery", "the cancelled sale"
        status, certainty = qualifier.status, qualifier.certainty or certainty
    above = path[path.index(action) + 1:]
    for below, token in zip([action, *above], above, strict=False):
        control = _cue(token, "control", kind)
        if control is not None and token.lemma_ in _INFINITIVE_ONLY and not (below.dep_ == "xcomp" and below.head.i == token.i):
            control = None  # "be" controls only its own infinitive ("is to receive"), not "supply ... is in violation"
        control = control or _state_put_in(token, kind)  # "the purchase was under discussion"
        if control is None:
            if _is_verb(token) and _cue(token, "action", kind) is None:
                break  # a verb of its own ("coordinated the shipment") closes the claim's chain
            continue
        controllers.append(token)
        direction = control.direction or direction  # "took delivery of": the subject receives
        if status in ("requested", "ended") and control.status == "agreed":
            continue  # "decided to seek the Apaches", "decided to halt the shipment": the decision keeps its content
        if control.status and control.status != "=":
            status = control.status
        elif status == "present" and control.lemma in _ONSET_LEMMAS:
            status = "delivered"  # "a plant began operating": the start of a state is its delivery
        certainty = control.certainty or certainty
    return status, direction, certainty, action, controllers


def _modal_cue(aux: Token, verb: Token, reported: bool) -> VerbCue | None:
    """The modal cue of an auxiliary. A headline's bare "to" ("Germany to send tanks") and a reported
    "would" ("Macron said Paris would send") speak of the future."""
    word = aux.lower_
    if word == "going" or (word == "to" and verb.dep_ == "ROOT"):
        word = "will"
    elif word == "would" and reported:
        word = "will"
    return next(iter(verb_cues().get((word, "modal"), ())), None)


def _modality(verbs: list[Token], status: str, action_cue: VerbCue | None, reported: bool = False) -> tuple[str, str]:
    """A modal on the action or its controllers: "will send" is a pledge, "will be delivered" and
    "would buy" are planned, "could have sent" is speculative."""
    certainty = ""
    for token in verbs:
        for aux in _auxiliaries(token) + ([token.head] if _going_to(token) else []):
            cue = _modal_cue(aux, token, reported)
            if cue is None:
                continue
            certainty = cue.certainty or certainty
            if status in ("planned", "pledged") or _perfect(token):
                continue  # "could have sent": a hedge on what happened, not a plan
            if cue.status == "future":
                # the action's own future ("will send" pledged, "will remain" present), planned in the passive
                passive = any(a.dep_ == "auxpass" for a in _auxiliaries(token))
                future = action_cue.future if action_cue is not None and status == action_cue.status else ""
                status = future if future and not (passive and future == "pledged") else "planned"
            else:
                status = cue.status
    return status, certainty


def _simple_present(action: Token, verbs: list[Token]) -> bool:
    """"Chile uses", "the jets are used by", "are training": the action in the present, active or passive."""
    if not _is_verb(action) or len(verbs) != 1:
        return False
    words = {a.lower_ for a in _auxiliaries(action) if a.dep_ != "neg"}
    if not words:
        return action.tag_ in ("VBZ", "VBP")
    return words <= {"is", "are", "am", "'s", "'re"} and action.tag_ in ("VBN", "VBG")  # "are used", "are training"


def _still_going_on(action: Token, verbs: list[Token]) -> bool:
    """"Marines have been training Taiwanese forces": a force at work until now is there now (items
    "have been used" were delivered: that reading stays the action's own)."""
    if not _is_verb(action) or len(verbs) != 1 or action.tag_ != "VBG":
        return False
    return {a.lower_ for a in _auxiliaries(action) if a.dep_ != "neg"} in ({"has", "been"}, {"have", "been"})


def _moves_somewhere(verb: Token) -> bool:
    """"deploys missiles to the border": a verb with a goal moves the thing, it does not hold it."""
    return any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into", "toward", "towards") for c in verb.children)


def _perfect(verb: Token) -> bool:
    return any(a.lemma_ == "have" and a.dep_ == "aux" for a in verb.children)


def _present_perfect(verb: Token) -> bool:
    """"has purchased", "have bought" (not "had bought": a past perfect tells of a time before)."""
    return _is_verb(verb) and any(a.dep_ == "aux" and a.lower_ in ("has", "have", "'ve", "'s") and a.lemma_ == "have"
                                  for a in verb.children)


# Prepositions that give a perfect a span of time ("has bought jets for a decade", "since 2019"):
# a habit of buying, whose goods arrived, not one deal.
_SPAN_PREPS = {"for", "since", "over"}
_SPAN_UNITS = {"day", "week", "month", "year", "decade", "century"}


def _over_a_span(verb: Token) -> bool:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _SPAN_PREPS:
            if prep.lower_ == "since" or any(t.lemma_.lower() in _SPAN_UNITS for t in prep.subtree):
                return True
    return False


def _purpose_head(action: Token) -> list[Token]:
    """"Australia will pay $6 billion to acquire the frigates": an infinitive of purpose has no tense of
    its own; the verb it serves gives it one."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in action.children)
    bare = action.tag_ == "VB" and not _auxiliaries(action)  # "would see Brazil acquire jets"
    if (infinitive or bare) and action.dep_ in ("advcl", "xcomp", "ccomp") and _is_verb(action.head):
        return [action.head]
    if infinitive and (action.dep_ == "acl" or _infinitive_relative(action)):
        return _clause_verb(action.head)  # "will be the third nation to fly the trainer"
    return []


def _means_to(action: Token) -> bool:
    """An infinitive under a noun that a present "be" or "have" holds ("there are funds to deliver",
    "Peru has the money to buy"): the means or the option to act, not the act."""
    if not _is_verb(action) or not any(c.dep_ == "aux" and c.lower_ == "to" for c in action.children):
        return False
    if action.dep_ != "acl" and not _infinitive_relative(action):
        return False
    verbs = _clause_verb(action.head)
    return bool(verbs) and verbs[0].lemma_ in ("be", "have") and verbs[0].tag_ in ("VBZ", "VBP") \
        and not _auxiliaries(verbs[0])


def _first_to(action: Token) -> bool:
    """"Peru became the first country to buy J-10Cs", "making Chile the second buyer to order": an
    infinitive on a noun ranked by a role=rank word of data/verb_cues.csv tells a deed done, not one
    ahead. The parser hangs the infinitive on the noun or takes the noun as its subject."""
    if not _is_verb(action) or not any(c.dep_ == "aux" and c.lower_ == "to" for c in action.children):
        return False
    nouns = [action.head] if action.dep_ in ("relcl", "acl") else []
    nouns += [c for c in action.children if c.dep_ == "nsubj"]
    if not any(listed_as(m, "rank") for n in nouns for m in n.children if m.dep_ == "amod"):
        return False
    # "wants to be the first to buy", "could become the first": a rank hoped for, not held
    above = _verb_above(action.head) if action.dep_ in ("relcl", "acl") else action.head
    return above is None or not _is_verb(above) or not (
        above.dep_ == "xcomp" or any(a.lower_ == "to" or a.tag_ == "MD" for a in _auxiliaries(above)))


def _clause_verb(noun: Token) -> list[Token]:
    """The verb a noun phrase hangs from ("nation" in "will be the third nation to ...")."""
    token = noun
    for _ in range(4):
        if token.dep_ not in _NOMINAL_LINKS or token.head.i == token.i:
            return []
        token = token.head
        if _is_verb(token):
            return [token]
    return []


def _purpose_subject_verb(action: Token, controllers: list[Token]) -> int:
    """"Australia will pay $6 billion to acquire the frigates": an infinitive of purpose (or an
    adverbial participle) with no subject of its own acts through the subject of the verb it
    serves; returns that verb's index."""
    top = (controllers or [action])[-1]
    if not controllers and top.pos_ == "NOUN" and top.dep_ == "dobj" and _cue(top.head, "report") is not None \
            and not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in top.children):
        return top.head.i  # "Canada announced the allocation of aid to Ukraine": the announcer's own act
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)
    # "Poland has become a big supplier, sending T-72s to Ukraine": a participle too
    participle = top.tag_ == "VBG" and top.dep_ == "advcl"
    if not (_is_verb(top) and (infinitive or participle) and top.dep_ in ("advcl", "xcomp") and _is_verb(top.head)):
        return -1
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children):
        return -1
    head = top.head
    if top.dep_ == "xcomp" and any(c.dep_ == "dobj" and not _is_money(c) for c in head.children):
        return -1  # "trained Indian crews to operate the systems": the object acts, not the trainer
    if any(t.lower_ == "for" for t in head.doc[min(head.i, top.i) + 1:max(head.i, top.i)]):
        return -1  # "paid millions for Peru to acquire": the infinitive's subject is Peru
    return head.i


def _is_money(noun: Token) -> bool:
    """"$2 billion", "5 billion euros": a sum paid, not a party made to act."""
    return noun.like_num or any(t.tag_ == "$" for t in noun.subtree)


def _tense(verbs: list[Token]) -> str:
    if not verbs:
        return "noun"
    top = verbs[-1]
    words = {a.lower_ for t in verbs for a in _auxiliaries(t)}
    if words & {"will", "shall", "'ll"} or any(_going_to(t) for t in verbs):
        return "future"
    if words & {"has", "have", "'ve"}:
        return "perfect"
    if top.tag_ == "VBD" or words & {"had", "was", "were", "did"}:
        return "past"
    if top.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "'s", "'re"}:
        return "present"
    return "noun"


def _governing_verb(path: list[Token], action: Token) -> list[Token]:
    """"Washington has now confirmed the sale of rockets": a noun action has no tense of its own; the verb it
    hangs from tells when it was made news."""
    return next(([t] for t in path[path.index(action) + 1:] if _is_verb(t)), [])


def _negated(verbs: list[Token], root: Token) -> bool:
    """"did not send", "never delivered", "has no nuclear weapons"."""
    if any(c.dep_ == "neg" or (c.lower_ in _NEGATIONS and c.dep_ == "advmod") for t in verbs for c in t.children):
        return True
    return any(c.lower_ == "no" and c.dep_ == "det" for c in root.children)


def phrase_head(token: Token, stop: set[int]) -> Token:
    """The head word of the noun phrase ``token`` modifies ("Korea" for "South", "Putin" for "Russian
    President Vladimir Putin"), not climbing into the claim's own term."""
    for _ in range(_MAX_STEPS):
        if token.dep_ not in _PHRASE_LINKS or token.head.i == token.i or token.head.i in stop:
            return token
        if token.head.pos_ not in ("NOUN", "PROPN"):
            return token
        token = token.head
    return token


def _through_possessor(doc: Doc, start: int, end: int, term_ids: set[int]) -> bool:
    """Whether a country mention reaches its phrase's head only as a possessor ("Kenya's neighbour
    Uganda received", "Iran's ally Russia sent"): the phrase names its own party, which ranks first."""
    mention = span_of(doc, start, end)
    if mention is None:
        return False
    token = mention.root
    for _ in range(_MAX_STEPS):
        if token.dep_ not in _PHRASE_LINKS or token.head.i == token.i or token.head.i in term_ids:
            return False
        if token.head.pos_ not in ("NOUN", "PROPN"):
            return False
        if token.dep_ == "poss":
            return True
        token = token.head
    return False


def relation(mention_root: Token, anchors: set[int], term_ids: set[int], action: int = -1,
             subject_of_purpose: int = -1) -> str:
    """How a country mention stands to the claim: agent, patient, goal, source, host, partner,
    object, modifier (of the term), possessor (of the term), or '' (elsewhere in the sentence).
    ``anchors`` are the action word and the words controlling it."""
    if mention_root.i in term_ids:
        return "modifier"
    if mention_root.dep_ in ("amod", "compound", "nmod") and mention_root.head.i in anchors \
            and mention_root.head.pos_ == "NOUN":
        return "agent"  # "a planned French sale of helicopters", "the Indian purchase": the nation that acts
    head = phrase_head(mention_root, term_ids)
    if head.head.i in term_ids and head.dep_ in ("amod", "compound", "nmod"):
        return "modifier"
    if head.head.i in term_ids and head.dep_ == "poss":
        return "possessor"
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i not in term_ids:
        head = phrase_head(head.head, term_ids)  # "Peru's neighbour, Chile, received": Chile stands where its noun does
    owner = head.head
    if head.dep_ == "poss" and owner.i in anchors and owner.pos_ == "NOUN":
        return "agent"  # "Russia's delivery of S-400s"
    if head.dep_ in ("nsubj", "csubj") and (owner.i in anchors or owner.i == subject_of_purpose):
        return "agent"
    if head.dep_ == "nsubjpass" and owner.i in anchors:
        # "Russia is set to receive", "Iran is expected to send": the subject of a raising verb acts
        return "patient" if owner.i == action else "agent"
    if head.dep_ == "dative" and owner.i in anchors:
        return "goal"
    if head.dep_ == "dobj" and owner.i in anchors:
        return "object"
    if head.dep_ == "pobj" and (owner.head.i in anchors or owner.head.i in term_ids):
        word = owner.lower_
        if owner.dep_ == "agent":
            return "agent"
        if word in _GOAL_PREPS or owner.dep_ == "dative":
            return "goal"
        if word in _SOURCE_PREPS:
            return "source"
        if word in _HOST_PREPS:
            return "host"
        if word == "with":
            return "partner"
    return ""


def roles_from_relations(direction: str, relations: dict[str, list[str]], passive: bool) -> tuple[str, str]:
    """(supplier, recipient) the relations give under the action's direction."""
    def first(*names: str) -> str:
        for name in names:
            if relations.get(name):
                return relations[name][0]
        return ""

    # "signed an agreement with the Philippines to supply jets": the other party of a deal is the
    # recipient of what is given, the supplier of what is bought
    if direction == "give":
        supplier = first("agent") if not passive else first("agent", "source")
        recipient = first("goal", "patient" if passive else "", "object", "host", "partner")
        return supplier or first("source"), recipient
    if direction == "receive":
        return first("source", "partner"), first("agent") if not passive else first("goal", "host")
    if direction == "move":
        return first("source", "modifier"), first("goal", "host")
    if direction == "end":
        return first("agent", "modifier"), first("source", "host")
    if direction == "return":  # "shipped the jets back to Russia from Syria": where they go back to supplied them
        supplier = first("goal", "agent", "modifier")
        # "Germany sent the tanks back to Spain": the sender, when not the one they return to, had them
        sender = first("agent") if first("agent") != supplier else ""
        return supplier, first("source", "host") or sender
    return "", ""


def reporting_verb(top: Token) -> Token | None:
    """The verb of saying the claim's clause hangs from ("..., the ministry said")."""
    token = top
    for _ in range(4):
        if token.head.i == token.i or token.dep_ not in _REPORTED_LINKS:
            return None
        token = token.head
        if _cue(token, "report") is not None:
            return token
    return None


def is_report_verb(token: Token) -> bool:
    """Whether ``token`` is a verb of saying (data/verb_cues.csv, role=report)."""
    return _cue(token, "report") is not None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with."""
    for token in (verb, verb.head if verb.dep_ == "conj" else None):
        if token is None:
            continue
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def read_claim(doc: Doc, term_start: int, term_end: int, kind: str,
               mentions: list[tuple[int, int, str]], category: str = "") -> Reading:
    """The tree's reading of the term of ``kind`` at characters [term_start, term_end) of the parsed
    sentence ``doc``; ``mentions`` are the sentence's country mentions as (start, end, ISO3)."""
    span = span_of(doc, term_start, term_end)
    reading = Reading()
    if span is None:
        return reading
    term_ids = {t.i for t in span}
    if _is_verb(span.root) and _cue(span.root, "signing") is not None:
        # an agreement read from its verb ("agreed to buy"): made when the verb says
        reading.action, reading.status, reading.tense = span.root, "agreed", _tense([span.root])
        return reading
    # "a contract signed in September": an agreement's own participle is its verb; an item's only
    # when no verb above it acts ("tanks ordered by Peru arrived": arrived governs)
    path = governing_path(span.root)
    if kind == "agreement" or not any(_cue(t, "action", kind) for t in path):
        path = _own_participle(span.root, kind) + path  # its controllers still speak ("will see jets deployed")
    if kind != "agreement" and not any(_cue(t, "action", kind) for t in [span.root, *path]):
        path = _own_relative(span.root, kind) or _purpose_noun(path, kind) + path
    elif kind != "agreement" and span.root.pos_ == "NUM":
        # "ordering 30 more jets on top of the 24 it bought in 2015": a bare count's own clause tells
        # its story, the verb above tells of the others
        path = _own_relative(span.root, kind) or path
    if span.root.pos_ == "NOUN" and _cue(span.root, "action", kind) is not None:
        path = [span.root, *path]  # "the deliveries have started": the term is its own action
    if kind == "agreement" and path and path[0].pos_ == "NOUN" and _cue(path[0], "signing") is not None:
        # "following the finalisation of a deal": the deal is made
        reading.path, reading.action, reading.status, reading.tense = path, path[0], "agreed", "noun"
        return reading
    path = _complement_action(span.root, path, kind) + path
    object_control = _object_control(span.root, path, kind)
    if object_control is not None:
        path = [object_control, *path]
    status, direction, certainty, action, controllers = _status_of(path, kind)
    if action is None:
        whole = _whole_of(span.root)
        if whole is not None:  # "the sale includes radars": the part stands where the whole stands
            path = [whole, *governing_path(whole)]
            status, direction, certainty, action, controllers = _status_of(path, kind)
    if action is None and (above := _clause_action(span.root, path, kind)):
        path = [*path, *above]
        status, direction, certainty, action, controllers = _status_of(path, kind)
    back = _sent_back(action) if action is not None and direction in ("give", "move") else None
    if back is not None:  # "radars flown back to Paris": the transfer ends, home is its supplier
        status, direction = back[1].status, back[1].direction
    reading.path, reading.action, reading.direction = path, action, direction
    if action is None:
        reading.status, reading.tense = _unmoved_status(path, kind, category)
        if kind == "agreement" and reading.status == "pledged" and _in_force_under(span.root):
            reading.status = "agreed"  # "troops will remain under a new training agreement": the deal is made
        return reading
    if object_control is not None:
        direction = ""  # "ordered U.S. troops to leave": the orderer is neither side of the troops' move
    # the verbs whose auxiliaries speak for the claim: the action's, and its controllers'
    verbs = [t for t in [action, *controllers] if _is_verb(t)]
    if _is_verb(action) and not controllers:
        verbs += _purpose_head(action)
    anchors = {action.i} | {t.i for t in controllers} | ({back[0].i} if back is not None else set())
    if (action.pos_ == "NOUN" and action.dep_ == "dobj" and _is_verb(action.head)
            and getattr(_cue(action, "action", kind), "status", "") == "requested"):
        anchors.add(action.head.i)  # "Vietnam has expressed interest in it": who shows it is who asks
    # "delivery of the first batch of howitzers from Korea": the nouns between the term and its action
    # carry its prepositions too
    term_ids = term_ids | {t.i for t in path[:path.index(action)] if t.pos_ in ("NOUN", "PROPN")}
    relations: dict[str, list[str]] = {}
    for start, end, iso3 in sorted(mentions, key=lambda m: _through_possessor(doc, m[0], m[1], term_ids)):
        mention = span_of(doc, start, end)
        if mention is None:
            continue
        name = relation(mention.root, anchors, term_ids, action.i, _purpose_subject_verb(action, controllers))
        if name and iso3 not in relations.setdefault(name, []):
            relations[name].append(iso3)
    passive = _is_verb(action) and any(a.dep_ == "auxpass" for a in _auxiliaries(action))
    if _is_verb(action) and span.root.dep_ == "nsubj" and span.root.head.i == action.i and direction == "give":
        direction = "move"  # "North Korean troops moved into Russia": the force itself travels
    reading.supplier, reading.recipient = roles_from_relations(direction, relations, passive)
    reading.reporter = reporting_verb((controllers or [action])[-1])
    status, modal_certainty = _modality(verbs, status, _cue(action, "action", kind), reading.reporter is not None)
    if not controllers and status in ("delivered", "agreed") and _means_to(action):
        status = "planned"  # "there are funds to deliver shells", "has the money to buy jets": not done yet
    if not controllers and _first_to(action):
        cue = _cue(action, "action", kind)
        if cue is not None and cue.perfect:
            status = cue.perfect  # "the first country to purchase the TB2": a purchase made, as "has purchased"
    certainty = certainty or modal_certainty
    if _negated(verbs, span.root) and not certainty:
        certainty = "denied"
    reading.tense = _tense(verbs or _governing_verb(path, action))
    if not controllers and (_simple_present(action, verbs) or (kind == "deployment" and _still_going_on(action, verbs))) \
            and not _moves_somewhere(action):
        cue = _cue(action, "action", kind)
        if cue is not None and cue.now and status == cue.status:
            status = cue.now  # "Chile uses Brazilian jets", "the F-16s are used by": held now
            if status == "present" and direction == "give":
                # "Peru's navy deploys Italian-built frigates": who deploys its own ships holds them
                reading.direction = "receive"
                reading.supplier, reading.recipient = roles_from_relations("receive", relations, passive)
    if not controllers and (_present_perfect(action) or _backshifted_perfect(action, reading.reporter)) \
            and not _over_a_span(action):
        cue = _cue(action, "action", kind)
        if cue is not None and cue.perfect and status == cue.status:
            status = cue.perfect  # "Chile has purchased 18 jets": the deal is made, no arrival is said
    if reading.reporter is not None:
        status = _reporter_control(reading.reporter, status, kind)
    if status == "pledged" and _sent_to_an_exercise(action):
        status = "planned"  # "will send helicopters to the drill": taking part in an event ahead, no promise to a state
    reading.status, reading.certainty = status, certainty
    return reading


def deal_frame_status(path: list[Token]) -> str:
    """The status a deal that frames the claim's verbs gives it ("Under the deal, Peru is set to
    receive radars": agreed): a role=frame preposition with a status in data/verb_cues.csv on one of
    the path's verbs, whose object is a deal noun (role=deal), or a frame noun "of" a deal ("as part
    of the agreement"), set before the verb. Empty when no deal frames them."""
    verbs = [t for t in path if _is_verb(t)]
    if any(_intends(v) for v in verbs[1:]):
        return ""  # "Under the deal, the US intends to sell": a party's intention, still a plan
    for verb in verbs:
        # set before its verb, the deal is the topic the sentence spells out; after it ("will receive
        # radars under the 2022 deal"), the sentence tells the next step of an older deal
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                frame = _cue(prep, "frame") if _deal_named_again(noun) else _frame_of_deal(noun)
                if frame is not None and frame.status:
                    return frame.status
    return ""


def _intends(verb: Token) -> bool:
    """A control verb in the active voice with a subject of its own ("the US intends to sell",
    "Peru plans to buy"): someone's intention. Passive or adjectival schedules ("is set to receive",
    "is due to") tell what is fixed."""
    return (_cue(verb, "control") is not None and any(c.dep_ == "nsubj" for c in verb.children)
            and not any(c.dep_ == "auxpass" for c in verb.children))


def _deal_named_again(noun: Token) -> bool:
    """A deal noun not introduced as a new one: "the deal", "this contract", not "a bilateral
    agreement which would ..."."""
    return _cue(noun, "deal") is not None and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _frame_of_deal(noun: Token) -> VerbCue | None:
    """"part of the agreement": the frame row of a noun whose "of" names a deal."""
    frame = _cue(noun, "frame")
    if frame is None:
        return None
    deals = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" and _deal_named_again(g)]
    return frame if deals else None


def _in_force_under(term_root: Token) -> bool:
    """"will stay under a new training agreement", "under the 2019 pact": an agreement something is
    done under is one already made, whatever the tense of the doing."""
    return term_root.dep_ == "pobj" and term_root.head.lower_ == "under"


def context_words(context: str) -> str:
    """The words of one context (acquisition, exercise, leaving, combat, background, current) in
    data/context_cues.csv, as one alternation."""
    words = [row["pattern"] for row in load_table("context_cues") if row.get("context") == context]
    return "|".join(words) or "(?!)"  # a context without rows matches nothing


@lru_cache(maxsize=1)
def _exercise_words() -> re.Pattern:
    """The words of an exercise (context=exercise in data/context_cues.csv), as one pattern."""
    return re.compile("(?:" + context_words("exercise") + ")", re.I)


def _sent_to_an_exercise(action: Token) -> bool:
    """"will send jets to the exercise", "to the drills": the goal of the verb is an exercise."""
    return _is_verb(action) and any(
        prep.lower_ in ("to", "for") and any(o.dep_ == "pobj" and _exercise_words().fullmatch(o.lower_)
                                            for o in prep.children)
        for prep in action.children if prep.dep_ in ("prep", "dative"))


def _backshifted_perfect(verb: Token, reporter: Token | None) -> bool:
    """"He said in September that Iran had bought Su-35s": a past perfect under a past verb of saying
    is the speaker's "has bought", reported."""
    return reporter is not None and reporter.tag_ == "VBD" and _is_verb(verb) \
        and any(a.dep_ == "aux" and a.lower_ == "had" for a in verb.children)


def _sent_back(action: Token) -> tuple[Token, VerbCue] | None:
    """The adverb on a verb of sending that sends the thing back ("flown back to Paris", "sent the
    jets back"), with its cue; its prepositions ("back to Paris") are the verb's too."""
    if not _is_verb(action):
        return None
    return next(((c, cue) for c in action.children if c.dep_ in ("advmod", "prt")
                 for cue in [_cue(c, "return")] if cue is not None), None)


def _whole_of(root: Token) -> Token | None:
    """The thing the term is part of: the subject of a verb of content ("the sale comprises seven
    items", "containers that could contain shells"), or the noun "including" hangs from ("seven
    items, including torpedoes"), climbing through nested parts."""
    whole, token = None, root
    for _ in range(_MAX_STEPS):
        if token.head.i == token.i:
            return whole
        token = token.head
        if token.pos_ not in ("VERB", "AUX", "ADP", "NOUN") or not _is_content(token):
            if _is_verb(token) and whole is not None:
                return whole
            continue
        if token.tag_ == "VBG" and token.dep_ in ("prep", "acl", "advcl"):
            part_of = token.head  # "seven items, including torpedoes"
        else:
            part_of = subject_of(token) or next((c for c in token.children if c.dep_ == "compound"
                                                 and c.i < token.i), None)  # "the sale comprises" misread as a noun
            if part_of is not None and part_of.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                part_of = token.head  # "containers that could contain shells": the relative's noun
        if part_of is None or part_of.pos_ not in ("NOUN", "PROPN"):
            return whole
        whole = token = part_of
    return whole


def listed_as(token: Token, role: str) -> bool:
    """Whether data/verb_cues.csv lists the word (its lemma or form) in ``role``, whatever its
    part of speech or kinds (``_cue`` checks those too)."""
    return any((word, role) in verb_cues() for word in _cue_words(token))


def _is_content(token: Token) -> bool:
    return listed_as(token, "content")


def _unmoved_status(path: list[Token], kind: str, category: str = "") -> tuple[str, str]:
    """The status of a claim no action word governs: a deal it is part of ("the contract covers
    jets": agreed), a noun held now ("its current fleet of jets": present), or a verb in the future
    ("Chile will modernise its fleet with frigates": planned)."""
    whole = path[0] if path else None
    if whole is not None and whole.pos_ in ("NOUN", "PROPN") and (_cue(whole, "deal") or _cue(whole, "control")):
        control = _cue(whole, "control", kind)
        if control is not None and control.status == "agreed" and _deal_ahead(path[1:]):
            return "planned", "future"  # "a contract for 15 launchers could follow": not yet signed
        if control is not None and control.status not in ("", "="):
            return control.status, "noun"
    for token in path:
        if _is_verb(token):
            break
        if any(c.dep_ == "amod" and _cue(c, "state") is not None for c in token.children):
            return "present", "present"
    for token in path:
        # "are preparing a treaty", "needs 300 tanks", "told parliament of plans to double the
        # contingent": a word that controls the thing with no action between them
        control = _cue(token, "control", kind)
        if control is not None and control.status not in ("", "=") and token.lemma_ not in _INFINITIVE_ONLY:
            if control.status == "agreed" and not _is_verb(token) and _deal_ahead(path[path.index(token) + 1:]):
                return "planned", "future"  # "a contract for 15 launchers could follow": not yet signed
            return control.status, _tense([token]) if _is_verb(token) else "noun"
    verb = next((t for t in path if _is_verb(t)), None)
    if kind == "agreement":
        # "ties with Moscow will continue", "we are going to deepen cooperation": a commitment
        future = category == "cooperation" and verb is not None and not _is_content(verb) and _tense([verb]) == "future"
        if not future and verb is not None and _deal_ahead(path) and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
            return "planned", "future"  # "a contract could follow in 2025", "a deal may come later": not yet made
        return ("pledged", "future") if future else ("", "")
    if verb is None or _perfect(verb):
        return "", ""
    auxiliaries = {a.lower_ for a in _auxiliaries(verb)}
    if auxiliaries & _FUTURE_MODALS:
        return "planned", "future"
    if "to" in auxiliaries and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return "planned", "future"  # "with the first ship to be afloat by 2030": a clause of its own, ahead
    if verb.lemma_ == "be" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in _auxiliaries(c)) for c in verb.children):
        return "planned", "future"  # "the CV90 is to be assembled locally": what is to be done is ahead
    return "", ""


def _deal_ahead(above: list[Token]) -> bool:
    """Whether the verb a deal noun hangs from puts the deal ahead: "could follow", "may be signed",
    "will come"."""
    verb = next((t for t in above if _is_verb(t)), None)
    return verb is not None and not _perfect(verb) \
        and bool({a.lower_ for a in _auxiliaries(verb)} & (_FUTURE_MODALS | {"could", "may", "might"}))


def speaks_of_the_future(text: str) -> bool:
    """Whether a line holds a modal of the future or a plan ("The group will include:")."""
    words = {w.lower() for w in text.replace("’", "'").split()}
    return any(cue.status in ("future", "planned") for word in words for cue in verb_cues().get((word, "modal"), ()))


# Auxiliaries that put a verb in the future or the conditional ("will upgrade", "would culminate").
_FUTURE_MODALS = {"will", "shall", "'ll", "would"}


def _reporter_control(reporter: Token, status: str, kind: str) -> str:
    """"The US is expected to announce that it will send tanks": what is only expected to be
    announced is planned."""
    token = reporter
    for _ in range(3):
        if token.dep_ not in ("xcomp", "ccomp") or token.head.i == token.i:
            break
        token = token.head
        control = _cue(token, "control", kind)
        if control is not None and control.status == "planned" and status in ("delivered", "pledged", "agreed"):
            return "planned"
    return status


# An agreement found by the tree is an arms deal when it buys or supplies something, else cooperation.
_DEAL_DIRECTIONS = {"give", "receive"}


def find_signed_agreements(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Agreements the lexicon's patterns miss, read from the tree: a deal noun a signing verb takes
    ("signed a long-term agreement", "the pact was sealed"), or a signing verb with a purchase in its
    infinitive ("agreed to buy four corvettes"). Returns (start, end, category) character spans that
    overlap none of ``taken``."""
    found = []
    for token in doc:
        span = _signed_deal(token) or _agreed_purchase(token) or _ordered_work(token)
        if span is None:
            continue
        start, end, category = span
        if not any(s < end and start < e for s, e in taken):
            found.append((start, end, category))
            taken = [*taken, (start, end)]
    return found


def find_teaching(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Trainers a state sends, named only by the verb ("Britain trains Kenyan marines"): a
    role=teach verb of data/verb_cues.csv whose subject is a proper name (the state) and whose object is
    another party's forces (a proper name or a nationality word in it). Returns the verb's character spans
    that overlap none of ``taken``."""
    found = []
    for token in doc:
        if not _is_verb(token) or not listed_as(token, "teach"):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        taught = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subject is None or taught is None or subject.pos_ != "PROPN":
            continue
        if not any(t.pos_ == "PROPN" or (t.dep_ == "amod" and t.text[:1].isupper()) for t in taught.subtree):
            continue  # "trained its pilots": no other party's forces
        start, end = token.idx, token.idx + len(token.text)
        if not any(s < end and start < e for s, e in taken):
            found.append((start, end))
    return found


def _signed_deal(token: Token) -> tuple[int, int, str] | None:
    deal = _cue(token, "deal")
    if deal is None:
        return None
    verb = token.head if token.dep_ in ("dobj", "nsubjpass") else None
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        verb = token.head.head  # "the finalisation of the contract", "the signing of the order"
    participle = next((c for c in token.children if c.dep_ in ("acl", "amod") and _cue(c, "signing")), None)
    if (verb is None or _cue(verb, "signing") is None) and participle is None:
        return None
    end = token.idx + len(token.text)
    if token.lower_ == "letter":  # "a letter of intent"
        end = max(end, max((t.idx + len(t.text) for t in token.subtree), default=end))
    category = deal.category or ("arms-deal" if _purchases(token) else "cooperation")
    return token.idx, end, category


def signed_deal_category(doc: Doc | None, start: int, end: int) -> str:
    """The category of a deal noun the term ends on when a signer signs it ("Lima signed the contract
    with MBDA"): the deal row's category of data/verb_cues.csv, or '' when the tree does not read a
    party signing it (a passive "the pact was sealed last year" tells of a deal already spoken of) or
    the noun names no category (an accord, a treaty)."""
    span = span_of(doc, start, end) if doc is not None else None
    if span is None or span.root.dep_ != "dobj" or _signed_deal(span.root) is None:
        return ""
    return _cue(span.root, "deal").category


def _agreed_purchase(token: Token) -> tuple[int, int, str] | None:
    if token.lemma_ != "agree" or token.pos_ != "VERB":
        return None
    purchase = next((c for c in token.children if c.dep_ == "xcomp" and (_cue(c, "action") or _cue_direction(c))), None)
    if purchase is not None:
        if _cue_direction(purchase) != "receive":
            return None  # "agreed to buy" is a purchase agreement; "agreed to send" a pledge of the items
        return token.idx, token.idx + len(token.text), "arms-deal"
    # "agreed to Lima's purchase of two frigates", "agreed on the transfer of the ships": a noun of
    # moving hands, whichever way, is the deal both sides made
    moved = next((obj for prep in token.children if prep.dep_ == "prep"
                  for obj in prep.children if obj.dep_ == "pobj" and _cue_direction(obj) in _DEAL_DIRECTIONS), None)
    if moved is None:
        return None
    return token.idx, token.idx + len(token.text), "arms-deal"


def _ordered_work(token: Token) -> tuple[int, int, str] | None:
    """"Commissioned a shipyard to build four frigates": a verb of ordering (a control row whose
    subject receives) above the work it orders is a purchase agreement."""
    control = _cue(token, "control")
    if control is None or not orders_work(control):
        return None
    if not any(_infinitive_below(c) and _cue(c, "action") for c in token.children):
        return None
    return token.idx, token.idx + len(token.text), "arms-deal"


def orders_work(cue: VerbCue) -> bool:
    """Whether a row of data/verb_cues.csv is a verb of ordering work: a control verb whose subject
    receives what the work makes, an agreement made."""
    return cue.role == "control" and cue.pos == "verb" and cue.direction == "receive" and cue.status == "agreed"


def _infinitive_below(token: Token) -> bool:
    """An infinitive hanging from a verb: "to build" as its complement, or read as a clause of purpose."""
    return token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def _cue_direction(token: Token) -> str:
    cue = _cue(token, "action")
    return cue.direction if cue else ""


def action_direction(token: Token, kind: str = "") -> str:
    """The direction of the action ``token`` names (give, receive, move, end, agree) for a claim of
    ``kind``, or ''."""
    cue = _cue(token, "action", kind)
    return cue.direction if cue else ""


def _purchases(deal: Token) -> bool:
    """Whether a deal noun buys or supplies something: an infinitive ("a deal to buy"), a "for"
    object, or the sentence's verb of buying or supplying."""
    for token in deal.subtree:
        if token.i != deal.i and _cue_direction(token) in _DEAL_DIRECTIONS:
            return True
    head = deal.head
    return _cue_direction(head) in _DEAL_DIRECTIONS or any(_cue_direction(c) in _DEAL_DIRECTIONS for c in head.children)


def describes_capability(doc: Doc, term_start: int, term_end: int) -> bool:
    """Whether the term is only described: what it can do ("the Su-34 can carry glide bombs",
    "is capable of", "was designed to destroy"), not a claim that anything moved."""
    span = span_of(doc, term_start, term_end)
    if span is None:
        return False
    verb = next((t for t in governing_path(span.root) if _is_verb(t)), None)
    for _ in range(4):  # the verb, its first conjunct, what it is the infinitive of ("designed to destroy drones")
        if verb is None:
            return False
        if _capability_verb(verb):
            return True
        if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
            verb = verb.head.head  # "cells capable of launching missiles"
        elif verb.dep_ == "conj" and _is_verb(verb.head) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # "can fly far and carry bombs": the conjunct shares the first verb's "can"
        elif verb.dep_ == "xcomp":
            verb = verb.head
        else:
            return False
    return False


def _capability_verb(verb: Token) -> bool:
    if verb.pos_ == "ADJ" and _cue(verb, "capability") is not None:
        return True  # "launchers capable of firing", "cells able to fire": the adjective on the platform
    auxiliaries = _auxiliaries(verb)
    if any(verb_cues().get((a.lower_, "capability")) for a in auxiliaries):
        return True  # "can carry"
    if any(c.dep_ == "acomp" and _cue(c, "capability") is not None for c in verb.children):
        return True  # "is capable of"
    return any(a.dep_ == "auxpass" for a in auxiliaries) and _cue(verb, "capability") is not None  # "was designed to"


def _verb_above(token: Token, inside: frozenset[int] = frozenset()) -> Token | None:
    """The first verb at or above ``token``; None past the root, or when the climb enters ``inside``
    (the term's words: "the 2019 deal" dates the term itself)."""
    for _ in range(_MAX_STEPS):
        if token.i in inside:
            return None
        if _is_verb(token):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def times_the_event_joined(doc: Doc, time_start: int, time_end: int, term_start: int, term_end: int,
                           action: Token | None) -> bool:
    """Whether the time expression at [time_start, time_end) sits in a relative clause on a common
    noun the claim's verb (its action, else the verb the term hangs from) governs: the event the claim
    joins, and so its time ("troops will take part in the exercise, which is scheduled to begin on May 14")."""
    time, term = span_of(doc, time_start, time_end), span_of(doc, term_start, term_end)
    if time is None or term is None:
        return False
    action = action if action is not None else _verb_above(term.root)
    if action is None:
        return False
    token = time.root
    for _ in range(_MAX_STEPS):
        if token.head.i == token.i:
            return False
        if token.dep_ in ("relcl", "acl") and _is_verb(token):
            noun = token.head
            # "an exercise in Laos, which is scheduled ...": the parser hangs the clause on the nearest name
            if noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
                noun = noun.head.head
            if noun.pos_ != "NOUN":
                return False
            above = _verb_above(noun.head) if noun.head.i != noun.i else None
            return above is not None and above.i == action.i
        token = token.head
    return False


def dates_another_event(doc: Doc, time_start: int, time_end: int, term_start: int, term_end: int,
                        action: Token | None = None) -> bool:
    """Whether the time expression at [time_start, time_end) modifies the verb of another event than
    the claim about the term: an adverbial clause of its own beside the claim's verb ("has used
    drones after the rebellion began in 2019", "Approved on 4 June, the memorandum seeks to ...").
    A time on the claim's own verb, or on a verb above it ("announced on Monday that it will send"),
    dates the claim."""
    time, term = span_of(doc, time_start, time_end), span_of(doc, term_start, term_end)
    if time is None or term is None:
        return False
    root = time.root
    if _is_verb(root) and root.head.i != root.i:
        root = root.head  # "before the year is out": the expression's own verb is no event
    verb = _verb_above(root, frozenset(t.i for t in term))
    if verb is None or (action is not None and verb.i == action.i):
        return False
    ancestors, token = set(), term.root
    for _ in range(_MAX_STEPS * 2):
        if token.head.i == token.i:
            break
        token = token.head
        ancestors.add(token.i)
    if verb.i in ancestors:
        # "received six jets earlier this month and has purchased 25": a present perfect beside a
        # dated simple past tells an event the past's time does not date
        if action is not None and _perfect_beside_past(action, verb):
            return True
        # "froze its membership in February and says Russia never delivered": the claim is told in a
        # coordinated clause in another tense, which the first verb's time does not date
        return _conjunct_below(_child_towards(verb, term.root), {verb.i})
    if any(_share_subject(c) for c in verb.children):
        return True  # "the tanks, four of which landed in May": the four's arrival, not the order's
    if _conjunct_below(verb, ancestors):
        return True  # "received missiles and is likely to use them within weeks": the use's time
    if verb.dep_ != "advcl":
        return False
    # a clause of its own: a subject or a conjunction of its own ("after the war broke out"), or a
    # participle set before the subject ("Signed on 9 May, the letter ..."); not "following a deal in 2014"
    return (any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            or any(c.dep_ == "mark" and c.lower_ in _OWN_CLAUSE_MARKS for c in verb.children)
            or (verb.tag_ == "VBN" and verb.i < verb.head.i))


def dates_the_telling(doc: Doc, time_start: int, time_end: int, action: Token | None) -> bool:
    """Whether the time expression at [time_start, time_end) dates only the report of a past event:
    it hangs from the verb of saying above a clause told in its own past ("sent shells to Moscow,
    the agency reported on Tuesday", "said in June that Minsk had shipped ..."). The report is made
    then; the event it tells happened before, at a time the sentence does not give. A claim told
    in the present or future ("said on Monday it will send") is voiced then, and keeps the time."""
    time = span_of(doc, time_start, time_end)
    if time is None or action is None or not _told_in_past(action):
        return False
    verb = _verb_above(time.root)
    if verb is None or verb.i == action.i or not is_report_verb(verb):
        return False
    if time.start < verb.i:
        # a report's own time follows its verb ("reported on Tuesday", "said in June that"); one
        # before it sets the scene for all the sentence tells ("In May, it was said the
        # jets were handed over") or belongs to the words before the verb ("debris found after
        # strikes in January showed"), whatever the parse hangs it from
        return False
    teller = reporting_verb(_clause_top(action))
    return teller is not None and teller.i == verb.i


def speaks_ahead(doc: Doc, time_start: int, time_end: int) -> bool:
    """Whether the time expression at [time_start, time_end) times something still ahead: the verb
    it hangs from is told in the future ("will be sent in September"), or it or a word above it
    through its infinitive says it is due ("is due in March", "are expected to arrive in May",
    "scheduled for delivery in June": control rows with status=planned in data/verb_cues.csv), in
    the present; "were expected to arrive in May" tells a past expectation."""
    time = span_of(doc, time_start, time_end)
    verb = _verb_above(time.root) if time is not None else None
    if verb is None:
        return False
    if _time_told(verb) == "future":
        return True
    for _ in range(_MAX_STEPS):
        due = [verb] + [c for c in verb.children if c.dep_ == "acomp"]
        if any(_cue(w, "control") is not None and _cue(w, "control").status == "planned" for w in due):
            return _time_told(verb) in ("present", "future", "noun")
        if verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _told_in_past(verb: Token) -> bool:
    """A finite simple past ("sent") or a past perfect ("had sent"): an event before its telling."""
    auxiliaries = {a.lower_ for a in _auxiliaries(verb) if a.dep_ != "neg"}
    if verb.tag_ == "VBD" and not auxiliaries:
        return True
    return verb.tag_ == "VBN" and "had" in auxiliaries


def _clause_top(verb: Token) -> Token:
    """The top of the clause a verb heads: up through the verbs that control it ("began to send")."""
    for _ in range(_MAX_STEPS):
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return verb
        verb = verb.head
    return verb


def _child_towards(top: Token, token: Token) -> Token:
    """The child of ``top`` on the way up from ``token`` (``token`` itself when it hangs from ``top``)."""
    for _ in range(_MAX_STEPS * 2):
        if token.head.i == top.i or token.head.i == token.i:
            return token
        token = token.head
    return token


def _time_told(verb: Token) -> str:
    """The tense of a verb, with "would" as a future ("will be sold and would be delivered" tell one time)."""
    if {a.lower_ for a in _auxiliaries(verb)} & {"will", "shall", "would", "'ll"}:
        return "future"
    return _tense([verb])


def _conjunct_below(verb: Token, ancestors: set[int]) -> bool:
    """Whether ``verb`` joins the claim's clause as a later coordinated verb in another tense ("has
    received missiles and will use them"), climbing through the verbs that control it, before it
    reaches a verb above the term."""
    token = verb
    for _ in range(_MAX_STEPS):
        if token.head.i == token.i or token.head.i in ancestors:
            # a conjunct in another tense ("has received ... and is likely to use"): a later act
            return (token.dep_ == "conj" and token.head.i in ancestors and token.i > token.head.i
                    and _time_told(token) != _time_told(token.head))
        if token.dep_ not in ("xcomp", "acomp", "conj"):
            return False
        token = token.head
    return False


# Relative adverbs that set a clause on the occasion of the noun it hangs from ("visited Minsk on
# Monday, where he signed ...").
_OCCASION_ADVERBS = {"where", "when"}


def same_occasion(doc: Doc, time_start: int, time_end: int, term_start: int, term_end: int) -> bool:
    """Whether the time expression at [time_start, time_end) modifies a verb above a "where" or
    "when" relative clause that holds the term: "In May, the minister visited Hanoi, where he signed a
    defence agreement" signs it in May."""
    time, term = span_of(doc, time_start, time_end), span_of(doc, term_start, term_end)
    if time is None or term is None:
        return False
    verb = _verb_above(time.root)
    if verb is None:
        return False
    token, occasion = term.root, False
    for _ in range(_MAX_STEPS * 2):
        if token.head.i == token.i:
            return False
        if token.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in _OCCASION_ADVERBS for c in token.children):
            occasion = True
        token = token.head
        if token.i == verb.i:
            return occasion
    return False


def _share_subject(token: Token) -> bool:
    """A count of what "which" stands for, as a clause's subject: "six of which"."""
    return (token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NUM"
            and any(c.lower_ == "of" and any(w.lower_ == "which" for w in c.children) for c in token.children))


def dates_a_deal(doc: Doc, time_start: int, time_end: int, action: Token | None = None) -> bool:
    """Whether the time expression at [time_start, time_end) is a modifier inside a deal noun's phrase
    ("delivered under a 2023 deal", "the 2019 contract"): it dates the deal (data/verb_cues.csv,
    role=deal), not what the deal moves."""
    time = span_of(doc, time_start, time_end)
    if time is None:
        return False
    root = time.root
    head = root.head
    return (root.dep_ in ("nummod", "compound", "amod", "nmod") and head.i != root.i and head.pos_ == "NOUN"
            and (action is None or head.i != action.i) and _cue(head, "deal") is not None)


def modifies(doc: Doc, time_start: int, time_end: int, words: set[int]) -> bool:
    """Whether the time expression at [time_start, time_end) hangs from one of ``words`` (token
    indices: the claim's action, the term's own participle) before any other verb: "an expected
    delivery in October", "bombers delivered in May"."""
    time = span_of(doc, time_start, time_end)
    if time is None:
        return False
    token = time.root
    for _ in range(_MAX_STEPS):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i in words:
            return True
        if _is_verb(token):
            return False
    return False


def own_verbs(doc: Doc, term_start: int, term_end: int) -> set[int]:
    """The verbs that describe the term itself: a participle or relative clause hanging from it or
    from the nouns it hangs from below its verb ("a pair of gunships delivered in May"), not one whose
    subject is a share of it ("six of which")."""
    return {c.i for t in _term_nouns(doc, term_start, term_end) for c in t.children
            if c.dep_ in ("acl", "relcl") and _is_verb(c) and not any(_share_subject(g) for g in c.children)}


def _term_nouns(doc: Doc, term_start: int, term_end: int) -> list[Token]:
    """The term's words and the nouns it hangs from below its verb ("a pair of gunships")."""
    span = span_of(doc, term_start, term_end)
    if span is None:
        return []
    nouns, token = list(span), span.root
    for _ in range(_MAX_STEPS):
        if token.head.i == token.i or _is_verb(token.head):
            break
        token = token.head
        nouns.append(token)
    return nouns


def _late_relatives(noun: Token, after: int) -> set[int]:
    """The relative clauses hung on a noun after the term (_postmodifier_nouns, past token ``after``)
    whose relative pronoun is their subject or object: they may tell of the term itself."""
    return {c.i for n in _postmodifier_nouns(noun) if n.i > after for c in n.children
            if c.dep_ == "relcl" and _is_verb(c) and any(g.tag_ in ("WDT", "WP") for g in c.children)}


def own_stage_verbs(doc: Doc, term_start: int, term_end: int, state: str, kind: str) -> set[int]:
    """The term's own participles and relative clauses (own_verbs) that tell the claim's own stage
    ("an IRIS-T system, which arrived in October": delivered), by their action cue in
    data/verb_cues.csv; not one that tells something else ("which made its first flight in 2019")."""
    span = span_of(doc, term_start, term_end)
    # the nouns the term hangs from reach the late clause too ("the growth of the pact between the
    # two countries, which was upgraded in 2016"), but only through phrases after the term
    late = {i for n in _term_nouns(doc, term_start, term_end) for i in _late_relatives(n, span[-1].i)} if span else set()
    return {i for i in own_verbs(doc, term_start, term_end) | late
            if (cue := _cue(doc[i], "action", kind)) is not None and cue.status == state}


def dates_another_stage(doc: Doc, time_start: int, time_end: int, term_start: int, term_end: int,
                        state: str, kind: str, action: Token | None = None) -> bool:
    """Whether the time expression at [time_start, time_end) hangs from a participle or relative clause
    of the term that tells another stage of the deal than the claim ("deliveries of fighters ordered in
    2023 are scheduled for this year": 2023 dates the order, not the planned delivery). A participle
    telling the claim's own stage ("gunships delivered in May") still dates it."""
    for verb in own_verbs(doc, term_start, term_end) - ({action.i} if action is not None else set()):
        if modifies(doc, time_start, time_end, {verb}):
            cue = _cue(doc[verb], "action", kind)
            return cue is not None and cue.status not in ("", "=") and cue.status != state
    return False


def shared_by_conjunct(doc: Doc, time_start: int, time_end: int, term_start: int, term_end: int) -> bool:
    """Whether the time expression at [time_start, time_end) modifies a verb the term's own verb is
    coordinated with ("announced aid last November, and part of it went to buying jets"): what the
    second verb tells, with no time of its own, follows from the first, then."""
    time, term = span_of(doc, time_start, time_end), span_of(doc, term_start, term_end)
    if time is None or term is None:
        return False
    verb, own = _verb_above(time.root), _verb_above(term.root)
    return verb is not None and own is not None and own.dep_ == "conj" and own.head.i == verb.i \
        and not _perfect_beside_past(own, verb)


def _perfect_beside_past(verb: Token, past: Token) -> bool:
    """"received six jets earlier this month and has purchased 25": a present perfect coordinated with
    (or subordinate to) a dated simple past tells an event the past's time does not date."""
    return verb.dep_ in ("conj", "advcl") and verb.head.i == past.i and _present_perfect(verb) \
        and past.tag_ == "VBD"


def _list_top(token: Token) -> Token:
    """The first item of the list a word belongs to (itself when it is not listed); a noun after a
    listed preposition ("to Chile and to Peru") is listed through it."""
    if token.dep_ == "pobj" and token.head.dep_ == "conj" and token.head.pos_ == "ADP":
        token = token.head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.pos_ == "ADP":  # "prep", or "dative" after a verb of giving
        token = next((c for c in token.children if c.dep_ == "pobj"), token)
    return token


def same_list(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> Token | None:
    """The first item of the list holding two distinct spans of the sentence, their heads linked by
    "conj" in the tree ("howitzers and rocket launchers", "to Chile and to Peru"); None if unlisted."""
    first, second = span_of(doc, *a), span_of(doc, *b)
    if first is None or second is None or first.root.i == second.root.i:
        return None
    top = _list_top(first.root)
    return top if top.i == _list_top(second.root).i else None


def listed_together(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans are distinct things listed as handed over or held, not as the ones acting."""
    top = same_list(doc, a, b)
    # a list that does something ("fighter jets and bombers flew near the island") is one force in
    # action, not things handed over ("howitzers and mortars were delivered" is passive: nsubjpass)
    return top is not None and top.dep_ != "nsubj"
