"""How the article holds a claim (records.md: confirmed, claimed, speculative, denied), read from the
attribution chain above it in the sentence's dependency tree.

From the claim's term up to the root of its sentence: the hedges on the way ("could have sent",
"presumably", "what appeared to be"), a condition ("if Russia sends"), denials ("Tehran denied
sending", "rejected a report that", "no deliveries were observed"), and who says it: the subject of
the verb of saying above the claim, the X of "according to X", "as per X", "citing X". A party to the
claim (its country, government, ministry, officials, leader, its own arms maker) states it as fact:
confirmed. A third party (another country, a news outlet, an analyst, an unnamed source, a report,
satellite imagery) is claimed. The innermost speaker decides: "the ministry said, Reuters reported"
is the ministry's word.

The vocabulary lives in data/attribution_cues.csv (sources, outlets, anonymous speakers, frame
nouns, hedges, observation verbs, conditions) and in the role=report rows of data/verb_cues.csv
(verbs of saying and their own stance: "claim", "allege" claimed; "deny" denied).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from . import syntax
from .lexicon import load_table

# How far up the tree the attribution chain is followed.
_MAX_STEPS = 16
# The links that make up a speaker's noun phrase ("the Russian defence ministry", "Dassault, the
# French maker", and "of": "the commander of the Egyptian navy"); another prepositional phrase ("an
# adviser close to the Turkish navy") does not.
_PHRASE_LINKS = {"compound", "amod", "nmod", "poss", "flat", "appos", "det", "npadvmod", "nummod"}
# Conjunctions that open a clause of its own: the verbs above it say nothing of the claim.
_OWN_CLAUSE_MARKS = {"as", "when", "while", "whilst", "after", "before", "because", "since", "although", "though",
                     "until", "once", "whereas", "so"}
# "its defence ministry", "their own list": the channel of the clause's subject.
_OWN = {"its", "their", "his", "her"}
# The parts of speech of the table's pos column, as the tagger may give them ("according" is often
# tagged as a verb, "alleged" as a participle).
_POS = {"adp": {"ADP", "VERB", "SCONJ"}, "verb": {"VERB", "AUX"}, "noun": {"NOUN", "PROPN"},
        "adj": {"ADJ", "VERB", "NOUN"}, "adv": {"ADV"}, "sconj": {"SCONJ", "ADP"}}


@lru_cache(maxsize=1)
def _cues() -> dict[tuple[str, str], tuple[str, str]]:
    """(word, role) -> (pos, certainty), from data/attribution_cues.csv."""
    return {(row["word"].lower(), row["role"]): (row["pos"], row["certainty"]) for row in load_table("attribution_cues")}


def is_outlet(token: Token) -> bool:
    """Whether a noun names the press, analysts or documents (role=outlet): never a party to a claim."""
    return token.pos_ in ("NOUN", "PROPN") and _cue(token, "outlet") is not None


def _cue(token: Token, role: str) -> str | None:
    """The certainty ``token`` carries in ``role`` (its lemma or its form, in the row's part of speech), or None."""
    for word in (token.lemma_.lower(), token.lower_):
        pos, certainty = _cues().get((word, role), ("", None))
        if certainty is not None and token.pos_ in _POS.get(pos, {token.pos_}):
            return certainty
    return None


def _report_stance(verb: Token) -> str | None:
    """None if ``verb`` is no verb of saying, else its own stance ('' when it has none: "said")."""
    if not syntax.is_report_verb(verb):
        return None
    for word in (verb.lemma_.lower(), verb.lower_):
        for cue in syntax.verb_cues().get((word, "report"), ()):
            return cue.certainty
    return ""


@dataclass
class _Frame:
    """One attribution above the claim: a verb of saying, "according to X", a report noun."""

    speaker: Token | None
    stance: str  # the frame's own certainty: '' (neutral), confirmed, claimed, speculative, denied
    verb: Token | None = None  # the clause verb the speaker's "its" refers through
    decisive: bool = False  # a verb's own stance ("alleged") holds whoever speaks; a source's only when unplaced
    cited: bool = False  # "according to X", "citing X": X is quoted by someone else


def read_certainty(doc: Doc | None, start: int, end: int, tree_certainty: str, parties: set[str],
                   mentions: list[tuple[int, int, str, str]], context: str = "") -> str:
    """confirmed, claimed, speculative or denied for the claim whose term spans characters [start,
    end) of the parsed sentence ``doc``. ``tree_certainty`` is what the claim's own chain says
    (syntax.Reading.certainty: modals, controllers, negation); ``parties`` the claim's supplier and
    recipient; ``mentions`` the sentence's country mentions as (start, end, ISO3, form); ``context``
    the certainty the paragraph lends a sentence that names no speaker of its own.

    Without a parse the sentence's attribution cannot be read: the claim stands as the article
    states it (confirmed), or as its paragraph holds it."""
    if doc is None:
        return context or "confirmed"
    span = syntax.span_of(doc, start, end)
    if span is None:
        return context or "confirmed"
    chain, conditional = _chain(span.root)
    conditional = conditional or _under_condition(chain)
    found = {_own_certainty(tree_certainty, chain), _governing_modal(chain), _negated_governor(chain),
             _denying_noun(chain)}
    if conditional:
        found.add("speculative")
    frames: list[_Frame] = []
    for token, coordinate in chain:
        found.update(_hedges(token))
        if _negated_observation(token):
            found.add("denied")
        if coordinate:
            continue  # "Iran denied it but sent drones": a coordinate verb is no frame of the claim
        frames.extend(_frames_at(token))
    for frame in frames:
        if frame.stance in ("denied", "speculative"):
            found.add(frame.stance)
    for level in ("denied", "speculative"):
        if level in found:
            return level
    # the sentence's own speaker covers every clause of it, also those the chain does not reach ("Reuters
    # reported that X happened after Y sent jets"); only its attribution, not its denials or hedges
    root = span.root.sent.root
    outer = [] if any(t.i == root.i and not coordinate for t, coordinate in chain) else _frames_at(root)
    outer += [f for f in _edge_sources(span.root.sent) if all(f.speaker != g.speaker for g in frames + outer)]
    said = _attribution(frames + outer, parties, mentions)
    if said:
        return said
    if "claimed" in found or any(f.stance == "claimed" for f in frames):
        return "claimed"
    return context or "confirmed"


def _own_certainty(tree_certainty: str, chain: list[tuple[Token, bool]]) -> str:
    """The claim's own chain: a modal, a controller or a negation (syntax.Reading.certainty). A
    denial that is itself negated ("has not ruled out sending") leaves the claim open."""
    if tree_certainty == "denied":
        for token, _ in chain:
            if syntax.listed_as(token, "control") and _is_negated(token) and any(
                    cue.certainty == "denied" for word in (token.lemma_.lower(), token.lower_)
                    for cue in syntax.verb_cues().get((word, "control"), ())):
                return "speculative"
    return tree_certainty


def _under_condition(chain: list[tuple[Token, bool]]) -> bool:
    """"would halt the shipments if the offensive goes ahead": a condition on the verb that governs the claim."""
    verb = next((t for t, _ in chain if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
    return verb is not None and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and _cue(m, "condition")
                                                              for m in c.children) for c in verb.children)


def _negated_governor(chain: list[tuple[Token, bool]]) -> str:
    """"the convoy did not include tanks": the verb whose object the claim is, negated, says it is
    not so ("not only sent" is no negation)."""
    tokens = [t for t, _ in chain]
    at = next((n for n, t in enumerate(tokens) if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
    if not at or not _is_negated(tokens[at]) or tokens[at - 1].dep_ not in ("dobj", "attr", "oprd"):
        return ""  # "the package did not violate the act": the package is not what is denied
    verb = tokens[at]
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return "" if following is not None and following.lower_ == "only" else "denied"


def _denying_noun(chain: list[tuple[Token, bool]]) -> str:
    """"there is no plan for a naval presence", "no deal for frigates was signed": a noun the claim
    hangs from, determined by "no", says that what it would hold does not exist."""
    return "denied" if any(t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
                           for t, _ in chain[1:]) else ""


def _governing_modal(chain: list[tuple[Token, bool]]) -> str:
    """"a larger presence may be necessary": a hedging modal (data/verb_cues.csv, role=modal) on the
    verb that governs the claim, when that verb moves nothing itself (the tree reads those)."""
    verb = next((t for t, _ in chain if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
    if verb is None:
        return ""
    return next((cue.certainty for a in verb.children if a.dep_ == "aux"
                 for cue in syntax.verb_cues().get((a.lower_, "modal"), ()) if cue.certainty == "speculative"), "")


def _chain(root: Token) -> tuple[list[tuple[Token, bool]], bool]:
    """The words above the term up to the sentence's root, each with whether it is only coordinated
    with the claim's clause; and whether the claim sits in a condition ("if Russia sends jets").
    The chain stops at a clause of its own ("after Kyiv denied it") and at the noun a relative clause
    describes, unless that noun is a frame ("a report that Iran sent missiles")."""
    chain: list[tuple[Token, bool]] = [(root, False)]
    conditional = False
    token = root
    for _ in range(_MAX_STEPS):
        head = token.head
        if head.i == token.i:
            break
        marks = [c for c in token.children if c.dep_ == "mark"]
        if any(_cue(m, "condition") for m in marks):
            conditional = True
            break
        if token.dep_ == "advcl" and any(m.lower_ in _OWN_CLAUSE_MARKS for m in marks):
            break
        if token.dep_ in ("relcl", "acl", "appos") and head.pos_ in ("NOUN", "PROPN") and _cue(head, "frame") is None \
                and token.pos_ in ("VERB", "AUX") and not _content_clause(token):
            break  # "Russia, which sent jets, denied ...": the antecedent's verbs speak of it, not of the jets
        # "Iran denied it but sent drones": a verb coordinated with the claim's verb is no frame of it
        chain.append((head, token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")))
        if _said_in_passing(head):
            break  # "denied it, saying the Russians were instructors": what is said is the speaker's own account
        token = head
    return chain, conditional


def _content_clause(verb: Token) -> bool:
    """"claims by some countries that the port would host troops": a clause with its own subject
    and a "that" marker is what a frame says, even when the parser hangs it on the nearest noun;
    a relative clause's "that" stands for a part of it ("jets that Russia sent")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _said_in_passing(verb: Token) -> bool:
    """A participle of saying that hangs from another verb ("..., saying", "..., adding")."""
    return verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and _report_stance(verb) is not None


def _hedges(token: Token) -> set[str]:
    """What the word's hedges make of the claim: "presumably sent", "reportedly delivered", "what
    appeared to be"."""
    found = set()
    own = _cue(token, "hedge")
    if own and token.pos_ in ("VERB", "AUX"):
        found.add(own)  # "appear", "seem"
    for child in token.children:
        if (child.dep_ == "advmod" and child.pos_ == "ADV") or (child.dep_ == "amod" and _hedged_noun(token)):
            cue = _cue(child, "hedge")  # "presumably sent", "the possible deployment"
            if cue:
                found.add(cue)
        if child.dep_ in ("oprd", "acomp", "attr", "appos") and any(_cue(t, "denial") for t in (child, *child.children)):
            found.add("denied")  # "called the reports groundless rumours", "reports that ... are false"
    return found


def _hedged_noun(noun: Token) -> bool:
    """A noun an adjective can hedge ("talk of a possible deployment"), not one a verb of approval
    takes ("approved the possible sale": the approval is the news)."""
    if noun.pos_ != "NOUN":
        return False
    head = noun.head
    return not (noun.dep_ in ("dobj", "nsubjpass") and any(
        cue.status == "agreed" for role in ("action", "control") for word in (head.lemma_.lower(), head.lower_)
        for cue in syntax.verb_cues().get((word, role), ())))


def _is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in token.children)


def _negated_observation(token: Token) -> bool:
    """"No deliveries were observed", "inspectors did not see any jets": an observation that found nothing."""
    if _cue(token, "observe") is None or token.pos_ not in ("VERB", "AUX"):
        return False
    if _is_negated(token):
        return True
    objects = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj")]
    return any(d.dep_ == "det" and d.lower_ == "no" for o in objects for d in o.children)


def _frames_at(token: Token) -> list[_Frame]:
    """The attributions a word of the chain carries: it is a verb of saying, or a frame noun, or
    "according to X" / "as per X" / "citing X" hangs from it."""
    frames = _asides(token)
    stance = _report_stance(token) if token.pos_ in ("VERB", "AUX") else None
    if stance is None and token.pos_ == "VERB" and _cue(token, "source") is not None:
        stance = ""  # "the paper cited two executives as saying": the paper speaks
    if stance is not None and not _is_negated(token):
        passive = any(c.dep_ == "auxpass" for c in token.children)
        # "Iran is said to have sent drones": the passive's subject is what is said of, not who says it
        speaker = _agent(token) if passive else syntax.subject_of(token)
        if speaker is None and _said_in_passing(token):
            speaker = syntax.subject_of(token.head)  # "Kyiv denied it, saying ...": Kyiv says it
        if speaker is None and passive:
            stance = stance or "claimed"  # "is said to have sent", "it was reported that": nobody named
        frames.append(_Frame(speaker, stance, token, decisive=True, cited=_tells_the_press(token)))
    frame_noun = _cue(token, "frame") if token.pos_ == "NOUN" else None
    if frame_noun is not None:
        speaker = next((c for c in token.children if c.dep_ == "poss"), None) or _by_object(token)
        frames.append(_Frame(speaker, _hedge_of(token) or frame_noun))
    for child in token.children:
        source = _source_of(child)
        if source is not None:
            frames.append(_Frame(source, _hedge_of(source) or _cue(child, "source") or "claimed", token,
                                 cited=True))
    return frames


def _tells_the_press(verb: Token) -> bool:
    """"Four officials told Reuters", "officials briefed reporters": speakers who talk to the press
    without a name are its sources."""
    return _cue(verb, "press") is not None and any(
        c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or _cue(c, "outlet") is not None) for c in verb.children)


def _asides(token: Token) -> list[_Frame]:
    """Verbs of saying set aside below the word, nearer the claim than the word itself: "Minsk, Polish
    officials say, has received", "..., the shipbuilder said, Reuters reported", "as quoted by TASS"."""
    frames = []
    for child in token.children:
        if child.dep_ == "parataxis" or _trailing(child) or (child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in child.children)):
            aside = _report_stance(child)
            if aside is not None and not _is_negated(child):
                frames.append(_Frame(syntax.subject_of(child) or _agent(child), aside, child, decisive=True))
    return frames


def _edge_sources(sent: Span) -> list[_Frame]:
    """"According to X, ..." opening the sentence, "..., as per X." closing it: a source for the whole
    sentence, wherever the parser hangs it (often from the last item of a list)."""
    frames = []
    for token in sent:
        for child in token.children:
            source = _source_of(child)
            if source is None:
                continue
            opening = child.left_edge.i == sent.start
            closing = child.right_edge.i >= sent.end - 2 and child.left_edge.i > sent.start \
                and child.doc[child.left_edge.i - 1].text == ","
            if opening or closing:
                frames.append(_Frame(source, _hedge_of(source) or _cue(child, "source") or "claimed", token,
                                 cited=True))
    return frames


def _trailing(clause: Token) -> bool:
    """"..., The Post reports.": a clause of saying after a comma at the end of the sentence, which
    the parser may hang below what it reports."""
    first = clause.left_edge
    return clause.dep_ == "ccomp" and clause.i > clause.head.i and first.i > 0 and first.nbor(-1).text == "," \
        and clause.right_edge.i >= len(clause.doc) - 2


def _source_of(child: Token) -> Token | None:
    """X in "according to X", "as per X", "citing X", hanging from a word of the chain."""
    if child.dep_ == "prep" and _cue(child, "source") is not None:
        return _object(child)
    if child.dep_ == "prep" and child.lower_ == "as":  # "as per X"
        inner = next((c for c in child.children if c.dep_ == "prep" and _cue(c, "source") is not None), None)
        return _object(inner) if inner is not None else None
    if child.dep_ in ("advcl", "xcomp", "acl") and child.tag_ == "VBG" and _cue(child, "source") is not None:
        return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def _object(prep: Token) -> Token | None:
    """The object of a preposition, through a second one ("according" -> "to" -> X)."""
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
        if child.dep_ == "prep":
            return _object(child)
    return None


def _agent(verb: Token) -> Token | None:
    """"it was reported by the agency": the passive's agent."""
    return next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)


def _by_object(noun: Token) -> Token | None:
    """"a report by the agency": who made the frame."""
    return next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
                 if o.dep_ == "pobj"), None)


def _hedge_of(noun: Token) -> str:
    """"unconfirmed information", "unverified reports": a hedge on the source itself."""
    return next((cue for c in noun.children if c.dep_ == "amod" for cue in [_cue(c, "hedge")] if cue), "")


def _phrase(head: Token) -> list[Token]:
    """The words of the speaker's noun phrase: its modifiers and appositions, not its prepositions."""
    out, todo = [], [head]
    while todo:
        token = todo.pop()
        out.append(token)
        todo.extend(c for c in token.children if c.dep_ in _PHRASE_LINKS or (c.dep_ == "conj" and token.i == head.i)
                    or (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "pobj" and token.lower_ == "of"))
    return out


def _attribution(frames: list[_Frame], parties: set[str], mentions: list[tuple[int, int, str, str]]) -> str:
    """Who says it, innermost speaker first: confirmed for a party, claimed for a third party; ''
    when no frame names a speaker one can place. A verb's own stance ("claimed", "alleged") holds
    whoever speaks."""
    for frame in frames:
        if frame.decisive and frame.stance == "claimed":
            return "claimed"
        who = _speaker_kind(frame, parties, mentions)
        if who == "party":
            return "confirmed"
        if who == "third":
            return "claimed"
    return ""


def _speaker_kind(frame: _Frame, parties: set[str], mentions: list[tuple[int, int, str, str]]) -> str:
    """party, third or '' (a pronoun, "the minister", "officials": not placed from this sentence)."""
    head = frame.speaker
    if head is None:
        return ""
    while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    released = _agent_of_participle(head)
    if released is not None:
        head = released  # "footage released by the defence ministry": the ministry's own channel
    phrase = _phrase(head)
    if any(_cue(t, "anonymous") is not None for t in phrase if t.pos_ == "NOUN"):
        return "third"  # "sources told the agency", "Western sources": nobody named
    # the speaker's head word is a noun whatever the tagger made of it ("a Moscow daily said": daily/ADJ)
    if any(_cue(t, "outlet") is not None for t in phrase if t.pos_ in ("NOUN", "PROPN")) or (
            head.dep_ in ("nsubj", "nsubjpass") and (head.lower_, "outlet") in _cues()):
        return "third"  # the press, analysts, documents, imagery
    named = [m for m in mentions if any(m[0] <= t.idx < m[1] for t in phrase)]
    if not named and any(t.lower_ in _OWN and t.dep_ == "poss" for t in head.subtree) and frame.verb is not None:
        owner = syntax.subject_of(frame.verb)  # "according to its aid list": the clause subject's own
        if owner is not None and owner.i != head.i:
            named = [m for m in mentions if any(m[0] <= t.idx < m[1] for t in _phrase(owner))]
    if named:
        if any(m[2] in parties for m in named):
            if _unnamed_official(head, named, frame.cited) and frame.stance != "confirmed":
                return "third"  # "a senior army officer said": an anonymous official
            return "party"
        # a country named that is not (yet) a side: third, unless a side is still open
        return "third" if len(parties) >= 2 else ""
    if head.pos_ == "PROPN" and not any(t.pos_ == "NOUN" or _cue(t, "office") is not None for t in phrase):
        return "third"  # a bare name that is no country, leader or maker of the claim: a paper, an outsider
    return ""


def _agent_of_participle(noun: Token) -> Token | None:
    """"footage released by the ministry", "documents published by the agency": who put it out."""
    return next((agent for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 for agent in [_agent(c)] if agent is not None), None)


def _unnamed_official(head: Token, named: list[tuple[int, int, str, str]], cited: bool = False) -> bool:
    """A single official, officer or diplomat the text does not name ("a senior officer", "the
    senior US official"); officials in the plural speak for their government, unless someone else
    cites them ("citing three officials", "according to officials")."""
    if _cue(head, "official") is None or head.tag_ not in (("NN", "NNS") if cited else ("NN",)):
        return False
    names = [t for t in _phrase(head) if t.pos_ == "PROPN" and not any(m[0] <= t.idx < m[1] for m in named)]
    return not names and not any(m[3] == "person" for m in named)


def told_by_others(doc: Doc | None, mentions: list[tuple[int, int, str, str]]) -> bool:
    """Whether a parsed sentence puts what it says in someone else's mouth at its root: the press,
    an unnamed source, an analyst ("the paper reported", "sources said", "according to the agency"),
    or a verb that only alleges ("claimed", "alleged"), or "reportedly" on its verb."""
    if doc is None:
        return False
    for root in (t for t in doc if t.dep_ == "ROOT"):
        if "claimed" in _hedges(root):
            return True  # "Maduro reportedly sent a letter"
        for frame in _frames_at(root):
            if (frame.decisive and frame.stance == "claimed") or _speaker_kind(frame, set(), mentions) == "third":
                return True
    return False


# Determiners that point back to something named before ("the letter", "that report", "these jets").
_BACK = {"the", "that", "this", "these", "those"}


def refers_back(doc: Doc | None, before: Doc | None) -> bool:
    """Whether a sentence names again a thing the sentence before it named ("... sent a letter. The
    letter also included a request"): a noun with a determiner that points back, whose lemma the
    earlier sentence has."""
    if doc is None or before is None:
        return False
    earlier = {t.lemma_.lower() for t in before if t.pos_ == "NOUN"}
    # the thing named again is what was reported, not a speaker ("The minister also said")
    return any(t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"
               and not syntax.is_report_verb(t.head) and t.lemma_.lower() in earlier
               and any(c.dep_ == "det" and c.lower_ in _BACK for c in t.children) for t in doc)
