"""Roles: which country supplies and which receives, from the country mentions of a sentence.

Each mention is scored as supplier and as recipient by its place in the dependency tree, read through
data/role_words.csv (the object of "from" or "to", the subject of a giving or a receiving verb, the
one asked, a possessor of "backers"), by a demonym modifying the term ("Iranian drones"), and by a
possessive ("Venezuela's radars"). The best pair wins; gaps are filled
from the sentence's other countries, the item's maker, and the article's main pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from . import limits, syntax
from .lexicon import load_table, split_values
from .places import CountryMention
from .terms import Term

# A cue far from the term in a long sentence counts for less (its weight fades to this floor).
_FADE_CHARS = 300
_FADE_FLOOR = 0.3
# Words that cannot stand between a modifier and its noun: a preposition, verb or determiner starts
# another phrase ("Azerbaijani forces used a Harop": the forces are Azerbaijani, not the Harop).
_STOP_IN_MODIFIER = {"of", "for", "to", "from", "with", "in", "on", "by", "that", "which", "who", "has", "have",
                     "had", "is", "are", "was", "were", "said", "says", "at", "as", "after", "before", "than",
                     "a", "an", "the", "this", "these", "those", "its", "their", "his", "her", "used", "uses"}
_MODIFIER_WEIGHT = 2.5
_POSSESSIVE_WEIGHT = 1.5
# Weak: a cue in the text outweighs it ("Poland sent Soviet-made T-72s").
_MAKER_PRIOR = 1.0
_RELATIVE = re.compile(r"\s*,\s*(?:who|which|that)\s+")


@dataclass
class Party:
    """One country's case for each role in one claim."""

    iso3: str
    supplier: float = 0.0
    recipient: float = 0.0
    distance: int = 10**6
    first: int = 10**6
    in_clause: bool = False
    mentions: list[CountryMention] = field(default_factory=list)
    speaker: bool = False  # named only as the one who says the claim ("the White House said that ...")


@dataclass(frozen=True)
class RoleWord:
    """One row of data/role_words.csv: a place in the tree that makes a mention a supplier or a recipient."""

    link: str
    word: str
    head: str
    direction: str
    role: str
    weight: float
    kinds: frozenset[str]
    forms: frozenset[str]

    def specificity(self, governor: tuple[str, ...] = ()) -> int:
        """How narrowly the row fits: a direction or the very word a preposition hangs from counts
        more than a word further off ("withdrew its troops from": the verb, not the troops)."""
        return bool(self.word) + (2 if self.head in governor else 1 if self.head else 0) + 2 * bool(self.direction)


@lru_cache(maxsize=1)
def role_words() -> dict[str, tuple[RoleWord, ...]]:
    """link -> the rows of data/role_words.csv with that link."""
    table: dict[str, list[RoleWord]] = {}
    for row in load_table("role_words"):
        table.setdefault(row["link"], []).append(RoleWord(
            row["link"], row.get("word", "").lower(), row.get("head", "").lower(), row.get("direction", ""),
            row["role"], float(row["weight"] or 0), frozenset(split_values(row.get("kinds", ""))),
            frozenset(split_values(row.get("forms", "")))))
    return {link: tuple(rows) for link, rows in table.items()}


def _words(token: Token | None) -> tuple[str, ...]:
    return (token.lemma_.lower(), token.lower_) if token is not None else ()


def _role_word(link: str, word: Token | None, heads: list[Token], kind: str, form: str) -> RoleWord | None:
    """The most specific row of ``link`` that fits the word (a verb, noun or preposition), the words it
    hangs from (for a preposition: its head, that verb's object, that noun's modifiers: "sent a letter
    to", "a deploying process by"), and the claim."""
    words = _words(word)
    head_words = tuple(w for h in heads for w in _words(h))
    # a noun's direction is its own ("the delivery"), not its subject's: "took delivery" receives
    governors = heads if link == "prep" else [word] if word is not None and word.pos_ in ("VERB", "AUX") else []
    direction = next((d for d in (syntax.action_direction(g, kind) for g in governors) if d), "")
    governor_words = _words(heads[0]) if heads else ()
    best = None
    for row in role_words().get(link, ()):
        if (row.word and row.word not in words) or (row.head and row.head not in head_words) \
                or (row.direction and row.direction != direction):
            continue
        if (row.kinds and kind not in row.kinds) or (row.forms and form not in row.forms):
            continue
        if best is None or row.specificity(governor_words) > best.specificity(governor_words):
            best = row
    return best


_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE_PRONOUNS = ("WDT", "WP")
# "countries, including the United States": a listed example stands where the list stands.
_EXAMPLE_PREPS = ("including", "like")
_MAX_STEPS = 12

# (link, word, the words it hangs from, the verb that must govern the term or None)
Link = tuple[str, Token, list[Token], Token | None]


def _verbs_of(verb: Token) -> list[Token]:
    """A subject's verb, what it controls ("agreed to sell", "is set to receive") and the verbs
    coordinated with it that have no subject of their own ("signed a deal and sent tanks")."""
    verbs, queue = [], [verb]
    while queue and len(verbs) < 6:
        token = queue.pop(0)
        verbs.append(token)
        queue += [c for c in token.children if c.dep_ == "xcomp"
                  or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(g.dep_ in _SUBJECTS for g in c.children))]
        queue += _noun_infinitives(token)
    return verbs


def _noun_infinitives(verb: Token) -> list[Token]:
    """"is in talks to buy", "signed a deal to sell": the infinitive of the verb's object noun,
    which the subject performs."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return [a for n in nouns for a in n.children
            if a.dep_ == "acl" and a.pos_ == "VERB" and any(x.dep_ == "aux" and x.lower_ == "to" for x in a.children)]


def _governs(verb: Token, term_root: Token, own: set[int]) -> bool:
    """Whether the term hangs from ``verb`` with no other subject's verb between them ("the
    Saudis use F-15s" governs the F-15s; "Egypt has ties: the Saudis use F-15s" does not).
    ``own``: the mention's tokens, whose clause it is anyway ("asked that China send")."""
    token = term_root
    for _ in range(_MAX_STEPS):
        if token.i == verb.i:
            return True
        # a pronoun subject speaks of someone named before ("provided Iran with help to build it")
        if token.pos_ in ("VERB", "AUX") and token.i != term_root.i \
                and any(c.dep_ in _SUBJECTS and c.i not in own and c.tag_ != "PRP" for c in token.children):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _stands_for_country(mention: CountryMention, root: Token, head: Token) -> bool:
    """Whether a demonym's noun acts for its country ("the Chinese government", "a Chinese firm"),
    not only a thing or people of it ("transported the Turkish soldiers"): link=actor rows."""
    if mention.form != "demonym" or head.i == root.i:
        return True
    return head.pos_ == "PROPN" or any(row.word in _words(head) for row in role_words().get("actor", ()))


def _tree_links(doc: Doc, mention: CountryMention, term: Term) -> list[Link]:
    """How the mention hangs in the sentence's tree, as (link, word, heads, verb) candidates for
    data/role_words.csv, the nearest first."""
    span = syntax.span_of(doc, mention.start, mention.end)
    if span is None:
        return []
    root = span.root
    links: list[Link] = []
    if root.dep_ == "poss":
        links.append(("possessor", root.head, [], None))  # "Ukraine's backers"
    # "Russian tanks were sent", "Syria's jets": a modifier or owner of the term takes no verb's role
    term_ids = {t.i for t in doc if term.start <= t.idx < term.end}
    token = syntax.phrase_head(root, term_ids)
    for _ in range(_MAX_STEPS):
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "Germany and the Netherlands sent": the first of the list carries the link
        if token.dep_ == "pobj" and token.head.lower_ in _EXAMPLE_PREPS and token.head.head.pos_ in ("NOUN", "PROPN"):
            token = token.head.head
        elif token.dep_ in _SUBJECTS and token.head.pos_ in ("NOUN", "PROPN"):
            token = token.head  # "making Poland the first country to buy": Poland is that country
        else:
            break
    head = token.head
    if token.dep_ not in ("pobj", "appos") and not _stands_for_country(mention, root, token):
        return links  # a verb's role goes to the noun, not to the demonym of "the Turkish soldiers"
    if token.dep_ == "pobj" and head.pos_ in ("ADP", "SCONJ"):
        governor = head.head
        # "plans by Moscow to send": a noun's modifiers and infinitive say what it is
        heads = [governor, *(c for c in governor.children
                             if c.dep_ == "dobj" or (c.dep_ in ("amod", "compound", "acl") and governor.pos_ == "NOUN"))]
        links.append(("prep", head, heads, None))
    elif token.dep_ in _SUBJECTS and head.dep_ == "ccomp" and not any(c.dep_ == "dobj" for c in head.head.children):
        # "requested that the Chinese government accelerate", "helped Venezuela design": the one
        # asked or helped, whom the parse makes the subject of the clause after the verb
        links.append(("object", head.head, [], None))
        links.append(("passive" if token.dep_ == "nsubjpass" else "subject", head, [], head))
    elif token.dep_ in _SUBJECTS:
        links += _subject_links(token, head)
    elif token.dep_ == "dobj":
        links.append(("object", head, [], None))
        # "accused Turkey of sending": the object acts in the verb its preposition takes
        links += [("act", verb, [], verb) for prep in head.children if prep.dep_ == "prep"
                  for verb in prep.children if verb.dep_ == "pcomp" and verb.pos_ == "VERB"]
    elif token.dep_ == "dative":
        links.append(("dative", head, [], None))
    # "the Houthis, who have received Iranian missiles": the relative clause speaks of them
    for relative in (c for c in token.children if c.dep_ == "relcl"):
        subject = next((c for c in relative.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and subject.tag_ in _RELATIVE_PRONOUNS:
            links += _subject_links(subject, relative)
    # "Russia, the main supplier of ...": an apposition says what the country is
    links += [("attribute", c, [], None) for c in token.children if c.dep_ == "appos"]
    return links


def _subject_links(subject: Token, verb: Token) -> list[Link]:
    links: list[Link] = []
    for i, each in enumerate(_verbs_of(verb)):
        # "sent a letter asking for": the object names what the subject's act is
        links += [("subject", c, [], each) for c in each.children if c.dep_ == "dobj"]
        passive = i == 0 and subject.dep_ == "nsubjpass"
        links.append(("passive" if passive else "subject", each, [], each))
        links += [("attribute", c, [], each) for c in each.children if c.dep_ == "attr"]  # "is a supplier"
    return links


def tree_cues(doc: Doc | None, mention: CountryMention, term: Term) -> list[RoleWord]:
    """The rows of data/role_words.csv that the mention's place in the tree fits: the first that
    fits per link kind (a subject of "agreed to sell" is read from "sell")."""
    if doc is None:
        return []  # no parse, no cue: the modifiers, owners and makers still speak
    found: dict[str, RoleWord] = {}
    span = syntax.span_of(doc, term.start, term.end)
    own = {t.i for t in syntax.span_of(doc, mention.start, mention.end) or ()}
    for link, word, heads, verb in _tree_links(doc, mention, term):
        key = link if link in ("prep", "possessor", "act") else "verb"  # one verb's role per mention, the nearest
        if key in found:
            continue
        if verb is not None and (span is None or not _governs(verb, span.root, own)):
            continue  # "an aide who asked not to be named": that verb does not move the term
        row = _role_word("subject" if link == "act" else link, word, heads, term.kind, mention.form)
        if row is not None:
            found[key] = row  # a row of role=none stops the search: "officials from Russia"
    if "possessor" in found and found["possessor"].role != "none":
        found.pop("verb", None)  # "Chile's backers have promised": the backers act, not Chile
    return [row for row in found.values() if row.role != "none"]


@lru_cache(maxsize=1)
def exporter_rank() -> dict[str, int]:
    """ISO3 -> rank among arms exporters (1 = largest), from data/exporters.csv."""
    return {row["iso3"]: int(row["rank"]) for row in load_table("exporters")}


def _is_possessive(text: str, mention: CountryMention) -> bool:
    if mention.form == "pronoun":
        return mention.text.lower() in ("our", "ours")
    return re.match(r"['’]s\b", text[mention.end:mention.end + 2]) is not None


def _modifies(text: str, mention: CountryMention, term: Term, others: list[Term]) -> bool:
    """Whether the mention stands right before the term as its modifier ("Russian arms", "Iranian
    military equipment and drones")."""
    if mention.end > term.start:
        return False
    gap = text[mention.end:term.start]
    removed = False
    for other in others:
        if mention.end <= other.start and other.end <= term.start and other is not term:
            gap = gap.replace(text[other.start:other.end], " ")
            removed = True
    gap = re.sub(r"^['’]s\b", "", gap)
    words = re.findall(r"[\w’'-]+|[,()\[\]]", gap)
    if mention.form == "name" and not re.match(r"['’]s\b", text[mention.end:mention.end + 2]) \
            and any(_present_verb_form(w) for w in words):
        return False  # "Algeria fields Su-30s": a subject and its verb, whatever the parser made of them
    if removed:
        words = [w for w in words if w not in ("and", "or", ",")]
    return len(words) <= 3 and not any(w.lower() in _STOP_IN_MODIFIER or w in ",()" for w in words)


def _present_verb_form(word: str) -> bool:
    """Whether ``word`` is the third-person present of an action verb of data/verb_cues.csv ("fields",
    "buys", "receives"): a country name right before it is its subject, not a modifier of the term after."""
    lower = word.lower()
    if not lower.endswith("s"):
        return False
    stems = {lower[:-1], lower[:-2]} if lower.endswith("es") else {lower[:-1]}
    return any(cue.pos == "verb" for stem in stems for cue in syntax.verb_cues().get((stem, "action"), ()))


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$")
# How much a country counts for a term when it belongs to another one ("TB2 drones from Turkey and
# Mi-171 helicopters from Russia": Turkey is the drones' supplier, not the helicopters').
_OTHER_TERM_FADE = 0.3
_FORCE_SENDER_BONUS = 1.5


def _belongs_to_another(text: str, mention: CountryMention, term: Term, terms: list[Term]) -> bool:
    """Whether a "from X" phrase completes another term of the same kind: the nearest term on its left."""
    if not _FROM_BEFORE.search(text[max(0, mention.start - 12):mention.start]):
        return False
    left = [t for t in terms if t.kind == term.kind and t.end <= mention.start]
    return bool(left) and max(left, key=lambda t: t.end).start != term.start


def _side_of_fighting(doc: Doc | None, mention: CountryMention, term: Term) -> bool:
    """Whether the parse reads the mention as a side of a war (role=war in data/verb_cues.csv),
    which is no side of the transfer: the owner or modifier of a war noun ("Russia's invasion",
    "the Gaza war"), the object of "against" ("used against Ukrainians"), or for items the object
    of a war's preposition ("for use in the war in Yemen": where they are used, not who gets them;
    a force sent to the war is hosted there)."""
    span = syntax.span_of(doc, mention.start, mention.end) if doc is not None else None
    if span is None:
        return False
    token = span.root
    for _ in range(_MAX_STEPS):
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "against Ukraine and Georgia"
        if token.dep_ not in ("poss", "compound", "nmod", "amod") or token.head.pos_ not in ("NOUN", "PROPN"):
            break
        if _war_noun(token.head):
            return True
        token = token.head  # "against Ukrainian positions"
    head = token.head
    if token.dep_ != "pobj":
        return False
    return head.pos_ == "ADP" and syntax.listed_as(head, "war") or (
        term.kind == "item" and head.head.pos_ in ("NOUN", "PROPN") and _war_noun(head.head))


def _war_noun(token: Token) -> bool:
    """A role=war noun, or one ending a hyphenated word the parse split ("counter-offensive")."""
    doc = token.doc
    last = token
    while (last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and not last.whitespace_
           and not doc[last.i + 1].whitespace_):
        last = doc[last.i + 2]
    return syntax.listed_as(token, "war") or syntax.listed_as(last, "war")


def score_parties(text: str, mentions: list[CountryMention], term: Term, terms: list[Term],
                  clause: tuple[int, int], subjects: frozenset[int] = frozenset(),
                  doc: Doc | None = None) -> dict[str, Party]:
    """Every country of the sentence with its supplier and recipient scores for ``term``.
    ``subjects``: the starts of the mentions the parse reads as a verb's subject ("the Chileans
    use F-5s"), which modify no term however close they stand. ``doc``: the sentence parsed,
    whose tree gives each mention's cues (data/role_words.csv); without it only modifiers,
    owners and makers speak."""
    mentions = [m for m in nearest_mentions(mentions, term) if not _side_of_fighting(doc, m, term)]
    parties: dict[str, Party] = {}
    for mention in mentions:
        party = parties.setdefault(mention.iso3, Party(mention.iso3))
        party.mentions.append(mention)
        distance = max(term.start - mention.end, mention.start - term.end, 0)
        party.distance = min(party.distance, distance)
        party.first = min(party.first, mention.start)
        if not (clause[0] <= mention.start and mention.end <= clause[1]):
            relative = _RELATIVE.match(text, mention.end)
            if not (relative and relative.end() >= clause[0] and relative.start() <= clause[0]):
                continue
            # "the Houthis, who have received Iranian missiles": the relative clause speaks of them
            for cue in tree_cues(doc, mention, term):
                setattr(party, cue.role, getattr(party, cue.role) + cue.weight)
            party.in_clause = True
            continue
        party.in_clause = True
        if term.origin == mention.iso3 and term.kind == "item":
            party.supplier += _MAKER_PRIOR  # the maker of a designated system is likely its supplier
        if term.kind == "deployment" and mention.start < term.end and term.start < mention.end:
            party.supplier += _MODIFIER_WEIGHT  # "Wagner", "Africa Corps": the force names its sender
            continue
        fade = max(_FADE_FLOOR, 1 - distance / _FADE_CHARS)
        if _belongs_to_another(text, mention, term, terms):
            fade *= _OTHER_TERM_FADE
        possessive = _is_possessive(text, mention)
        # "Turkish drones and Russian helicopters": a demonym spreads over a list only up to the next one
        own_modifier = not any(m is not mention and mention.end <= m.start and m.end <= term.start for m in mentions)
        if term.kind != "agreement" and own_modifier and mention.start not in subjects \
                and _modifies(text, mention, term, terms):
            if possessive and term.kind == "item" and term.origin != mention.iso3:
                party.recipient += _POSSESSIVE_WEIGHT  # "Venezuela's radars": the owner (not "Turkey's Akinci")
            elif mention.form in ("demonym", "name", "metonym", "group", "pronoun") or possessive:
                party.supplier += _MODIFIER_WEIGHT
                if term.kind == "deployment":
                    party.supplier += _FORCE_SENDER_BONUS  # "French troops": France sent them, whatever else the clause says
        for cue in tree_cues(doc, mention, term):
            setattr(party, cue.role, getattr(party, cue.role) + cue.weight * fade)
    _share_coordinated(text, parties)
    return parties


def nearest_mentions(mentions: list[CountryMention], term: Term) -> list[CountryMention]:
    """At most MAX_MENTIONS mentions, the nearest to the term, in text order (a cut is noted): the
    weighing below compares mentions pairwise."""
    if len(mentions) <= limits.MAX_MENTIONS:
        return mentions
    limits.note(f"a sentence naming {len(mentions)} countries: only the {limits.MAX_MENTIONS} nearest "
                f"to each term were weighed")
    near = sorted(mentions, key=lambda m: (max(term.start - m.end, m.start - term.end, 0), m.start))
    return sorted(near[:limits.MAX_MENTIONS], key=lambda m: m.start)


def _share_coordinated(text: str, parties: dict[str, Party]) -> None:
    """"Germany and the Netherlands have supplied": countries listed together share their role."""
    for party in list(parties.values()):
        for iso3 in coordinated(text, parties, party.iso3):
            other = parties[iso3]
            # only a country with no cue of its own takes its neighbour's ("Maduro and Russian President
            # Putin" each keep theirs)
            for a, b in ((party, other), (other, party)):
                if a.supplier == a.recipient == 0 and (b.supplier or b.recipient):
                    a.supplier, a.recipient = b.supplier, b.recipient


def choose_pair(parties: dict[str, Party]) -> tuple[str, str]:
    """The (supplier, recipient) with the best combined score; '' where nothing speaks for a role."""
    best, best_score = ("", ""), 0.0
    options = [""] + list(parties)
    for s in options:
        for r in options:
            if s and s == r:
                continue
            score = (parties[s].supplier if s else 0) + (parties[r].recipient if r else 0)
            if score > best_score + 1e-9:
                best, best_score = (s, r), score
    supplier, recipient = best
    if supplier and parties[supplier].supplier <= 0:
        supplier = ""
    if recipient and parties[recipient].recipient <= 0:
        recipient = ""
    return supplier, recipient


def coordinated(text: str, parties: dict[str, Party], iso3: str, within: tuple[int, int] | None = None,
                doc: Doc | None = None) -> list[str]:
    """Countries listed together with ``iso3`` ("from China and Iran", "to Cuba and Venezuela").
    With ``within`` (a claim's clause), the list must hold the mention of ``iso3`` in that clause
    when there is one: "Chile and Spain are close ...: Chile flies F-16s" lists nobody with the user."""
    if not iso3 or iso3 not in parties:
        return []  # a party the cue scores did not weigh (beyond the cap on mentions) lists nothing
    links = _list_links(text, parties)
    if doc is not None:
        _listed_in_tree(doc, parties, links)
    rank = {code: i for i, code in enumerate(parties)}
    chain, seen = [iso3], {iso3}
    first = parties[iso3].mentions
    if within is not None:
        first = [m for m in first if within[0] <= m.start and m.end <= within[1]] or first
    # transitively: "to Poland, Norway, Finland and Egypt" links each country to the next
    for mention in (m for member in chain for m in (first if member == iso3 else parties[member].mentions)):
        for other in sorted(links.get(id(mention), ()), key=rank.__getitem__):
            if other not in seen:
                chain.append(other)
                seen.add(other)
    return chain[1:]


# The widest gap between two listed countries (", and the " with a few spare spaces): only the
# mentions starting this close after one can be listed with it, so each is compared with a few.
_MAX_LIST_GAP = 24
_JOINED_GAP = re.compile(r"\s*,?\s*(?:and|or)\s*(?:the\s+)?")
_COMMA_GAP = re.compile(r"\s*,\s*(?:the\s+)?")


def _listed_in_tree(doc: Doc, parties: dict[str, Party], links: dict[int, set[str]]) -> None:
    """Adds the countries the tree lists together beyond what the words between them show
    ("to Chile and to Peru", "Chile, as well as Peru"): their heads linked by "conj"."""
    named = [m for p in parties.values() for m in p.mentions if m.form == "name"]
    for a in named:
        for b in named:
            if a.iso3 != b.iso3 and syntax.same_list(doc, (a.start, a.end), (b.start, b.end)) is not None:
                links.setdefault(id(a), set()).add(b.iso3)


def _list_links(text: str, parties: dict[str, Party]) -> dict[int, set[str]]:
    """id(mention) -> the countries listed right beside that mention, by "and", "or" or a comma
    (a bare comma lists only countries named alike: "Russia, Belarus and Iran")."""
    ordered = sorted((m for p in parties.values() for m in p.mentions if m.form != "person"), key=lambda m: m.start)
    starts = [m.start for m in ordered]
    pairs = []  # (left, right, joined by "and"/"or")
    for left in ordered:
        for right in ordered[bisect_left(starts, left.end):bisect_right(starts, left.end + _MAX_LIST_GAP)]:
            if right.iso3 == left.iso3:
                continue
            gap = text[left.end:right.start]
            if _JOINED_GAP.fullmatch(gap) or _COMMA_GAP.fullmatch(gap):
                pairs.append((left, right, bool(_JOINED_GAP.fullmatch(gap))))
    # a bare comma lists only when the list goes on after it ("Russia, Belarus and Iran"); "made in
    # France, Peru flies ..." ends one clause and starts another. Countries named alike may go on
    # with another comma; named unlike ("Turkish, Iranian, UAE and Chinese jets"), the list must
    # reach its "and"
    joined_next = {id(left) for left, _, joined in pairs if joined}
    for _ in range(len(pairs)):
        grown = {id(left) for left, right, joined in pairs if not joined and id(right) in joined_next}
        if grown <= joined_next:
            break
        joined_next |= grown
    alike_next = {id(left) for left, right, _ in pairs if right.form == left.form}
    links: dict[int, set[str]] = {}
    for left, right, joined in pairs:
        if joined or id(right) in joined_next or (right.form == left.form and id(right) in alike_next):
            links.setdefault(id(left), set()).add(right.iso3)
            links.setdefault(id(right), set()).add(left.iso3)
    return links


def agreement_parties(text: str, parties: dict[str, Party], term: Term, clause: tuple[int, int],
                      maker: str = "") -> list[str]:
    """The two countries an agreement binds, most telling first: a partner named with the term
    ("cooperation with Russia", "between Russia and Venezuela"), the maker of the item a deal is
    for ("a contract for the TB2"), the clause's subject, the nearest."""
    partners, subject = [], None
    for party in list(parties.values()):
        located = all(m.form == "metonym" and re.search(r"\b(?:in|at)\s+$", text[max(0, m.start - 5):m.start])
                      for m in party.mentions)
        if located and len(parties) > 1:
            continue  # "signed in Budapest": where, not who
        for m in party.mentions:
            gap = text[term.end:m.start] if m.start >= term.end else None
            if gap is not None and re.fullmatch(r"[”\"’']?\s*(?:(?:signed|agreed|reached|concluded)\s+)?(?:with|between|among|and)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}?", gap):
                partners.append(party.iso3)
            if clause[0] <= m.start < clause[1] and (subject is None or m.start < subject[1]):
                subject = (party.iso3, m.start)
    # "between Russia and Venezuela": the second partner follows the first
    for iso3 in list(partners):
        partners += [c for c in coordinated(text, parties, iso3) if c not in partners]
    ordered = partners + ([maker] if maker else []) + ([subject[0]] if subject else [])
    ordered += [p.iso3 for p in sorted(parties.values(), key=lambda p: p.distance)
                if not all(m.form == "metonym" and re.search(r"\b(?:in|at)\s+$", text[max(0, m.start - 5):m.start])
                           for m in p.mentions)]
    unique = []
    for iso3 in ordered:
        if iso3 not in unique:
            unique.append(iso3)
    return unique[:2]


def orient_agreement(text: str, parties: dict[str, Party], term: Term, clause: tuple[int, int],
                     maker: str = "") -> tuple[str, str]:
    """Supplier and recipient of an agreement (see ``orient_agreement_guessed``)."""
    supplier, recipient, _ = orient_agreement_guessed(text, parties, term, clause, maker)
    return supplier, recipient


def orient_agreement_guessed(text: str, parties: dict[str, Party], term: Term, clause: tuple[int, int],
                             maker: str = "") -> tuple[str, str, bool]:
    """Supplier and recipient of an agreement: an explicit cue between the two parties first, else
    the larger arms exporter supplies (an agreement's text rarely says which side gives support).
    A lone party is returned as the recipient; the article's context places it later. The flag says
    whether the direction is only a guess (the exporters' ranking; a lone party), not the text's."""
    bound = agreement_parties(text, parties, term, clause, maker)
    if len(bound) < 2:
        return "", bound[0] if bound else "", bool(bound)
    if maker in bound:  # the maker of what a deal buys is its supplier
        return maker, next(c for c in bound if c != maker), False
    a, b = (parties[c] for c in bound)
    # only giving cues orient an agreement: "in Moscow" says where it was discussed, not who gives
    lead = a.supplier - b.supplier
    if abs(lead) >= 1:
        return ((a.iso3, b.iso3) if lead > 0 else (b.iso3, a.iso3)) + (False,)
    ranked = sorted(bound, key=lambda c: exporter_rank().get(c, 999))
    return ranked[0], ranked[1], True


_MODIFIERS = ("amod", "compound", "nmod", "npadvmod")


def collective_supplier(doc: Doc | None, term: Term) -> bool:
    """Whether the term's noun, or the noun it is a compound of ("Western arms deliveries"), has a
    modifier listed role=collective in data/verb_cues.csv ("Western tanks", "NATO-standard shells"):
    suppliers the text leaves unnamed, whom no other country of the article stands in for."""
    span = syntax.span_of(doc, term.start, term.end) if doc is not None else None
    if span is None:
        return False
    noun = span.root
    while True:
        if any(syntax.listed_as(m, "collective") for m in _left_modifiers(noun)):
            return True
        if noun.dep_ != "compound" or noun.head.i == noun.i:
            return False
        noun = noun.head


def _left_modifiers(token: Token) -> list[Token]:
    """The modifiers before a noun, and theirs ("NATO - standard")."""
    found = []
    for child in token.lefts:
        if child.dep_ in _MODIFIERS or child.dep_ == "punct" and child.text == "-":
            found += [child, *_left_modifiers(child)]
    return found


def fill_roles(supplier: str, recipient: str, parties: dict[str, Party], term: Term,
               main_pair: tuple[str, str], allow_context_recipient: bool,
               co_suppliers: tuple[str, ...] = (), collective: bool = False, leaving: bool = False) -> tuple[str, str]:
    """Fill an empty role from the sentence's other countries, the maker, then the article's main pair.
    ``collective``: the term names its suppliers as a group (``collective_supplier``)."""
    main_supplier, main_recipient = main_pair
    parties = {k: v for k, v in parties.items() if k not in co_suppliers}
    if term.kind == "agreement" and not supplier and recipient and recipient == main_supplier:
        return main_supplier, main_recipient  # the lone party named is the article's supplier
    others = sorted((p for p in parties.values() if p.iso3 not in (supplier, recipient)), key=lambda p: p.distance)
    named_at_all = others  # before the recipient's search below narrows ``others`` to countries named by name
    # a force's host comes from its own sentence, and only once the sentence names its sender
    if not recipient and term.kind == "deployment" and supplier and leaving:
        hosts = [p for p in others if p.in_clause and p.iso3 != supplier and any(m.form != "demonym" for m in p.mentions)]
        if hosts:
            recipient = min(hosts, key=lambda p: p.first).iso3  # "Mali's junta expelled French troops": Mali hosted them
        elif main_recipient != supplier:
            recipient = main_recipient  # "Wagner is going home": it leaves the country the article is about
    if not recipient and (term.kind != "deployment" or supplier):
        if main_recipient and main_recipient in parties and main_recipient != supplier:
            recipient = main_recipient
        # a country named only by a demonym ("expelled French troops") is not the clause's subject;
        # nor is one named as a giver ("took 12 jets from the United States" names the seller of a
        # second item of the sentence, not the buyer of this one)
        elif (others := [p for p in others if p.in_clause and any(m.form != "demonym" for m in p.mentions)
                         and not (p.supplier > 0 and p.recipient == 0)]) \
                and (supplier or len(others) > 1) and term.kind != "deployment":
            # nor is the one who only reports it ("The White House said Iran shipped the drones")
            subject = min((p for p in others if not p.speaker), key=lambda p: p.first, default=None)
            if subject is not None and subject.iso3 != supplier \
                    and (not term.origin or subject.iso3 != term.origin or supplier):
                recipient = subject.iso3
    # "Germany said the Arrow 3 batteries would become operational": the one country named, with no
    # cue of giving and not the maker, holds the system; the maker supplied it
    if not supplier and not recipient and term.kind == "item" and term.origin:
        # "the first Emirati batteries were delivered": a demonym counts here too
        holders = [p for p in named_at_all if p.in_clause and p.supplier == 0 and p.iso3 != term.origin]
        if len(holders) == 1 and len([p for p in named_at_all if p.in_clause]) == 1:
            recipient = holders[0].iso3
    # a country with a recipient's cue ("in Ukraine") is no supplier; nor one outside the clause
    # ("He accused Trump ..., noting that Venezuela has no nuclear arms")
    others = [p for p in others if p.iso3 != recipient and p.recipient == 0 and p.in_clause]
    if not supplier and collective:
        others, main_supplier = [], ""  # "Western arms deliveries": suppliers the text leaves unnamed
    if not supplier:
        # the context's supplier, when the sentence names it: in the term's own clause, or anywhere
        # when the item's maker is unknown ("..., while the UAE took delivery of MQ-9Bs": the maker)
        if main_supplier and main_supplier in parties and main_supplier != recipient \
                and (parties[main_supplier].in_clause or not term.origin):
            supplier = main_supplier
        elif main_supplier and recipient and recipient == main_recipient and main_supplier not in (recipient, term.origin) \
                and term.origin not in parties:
            supplier = main_supplier  # the story's supplier passes on what others make (Danish F-16s for Ukraine)
        elif term.origin and term.origin != recipient and (term.origin in parties or recipient):
            supplier = term.origin  # the maker of a designated system, before a country named for another reason
        elif others:
            supplier = others[0].iso3
        elif term.origin and term.origin != recipient:
            supplier = term.origin
    if not recipient and allow_context_recipient and main_recipient and main_recipient != supplier:
        recipient = main_recipient
    if not supplier and main_supplier and main_supplier != recipient and (recipient == main_recipient or not parties):
        supplier = main_supplier
    return supplier, recipient
