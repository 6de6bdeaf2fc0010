"""From one sentence to candidate claims: each term with its parties, status, certainty, date,
quantity and place. The article-level steps (filling roles from context, filtering, ids) live in
pipeline.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

from spacy.tokens import Doc

from . import certainty as certainties
from . import components, dates, matchers, quantities, quotes, roles, status, syntax, targets
from .agreements import find_agreements
from .deployments import find_deployments
from .equipment import find_items
from .places import (
    SPECIFICITY,
    CountryMention,
    Place,
    PlaceMention,
    country_place,
    find_countries,
    find_places,
    lookup_place,
)
from .sentences import Sentence
from .terms import Term, drop_overlaps, find_table_terms

DEFAULT_STATUS = {"item": "present", "deployment": "present", "agreement": "agreed"}
# Without a time expression, a state or a pledge, plan or request voiced now takes the publication date;
# a past event stays undated (records.md).
_CURRENT_STATUSES = {"present", "pledged", "planned"}
_PAST_EVENTS = {"delivered", "agreed", "ended"}
_DATELINE = re.compile(r"^([A-Z][A-Z .'’-]{2,}?)(?:,|\s+\()")
_OPEN_QUOTES = "“\"«"


@dataclass
class Claim:
    """A candidate record before article-level context is applied."""

    term: Term
    sentence: Sentence
    view: SentenceView
    supplier: str
    recipient: str
    status: str
    certainty: str
    date: str
    quantity: int | None
    place: Place | None
    parties: dict = field(default_factory=dict)
    explicit_pair: bool = False
    cued: bool = False  # whether a status cue (a verb of giving, asking, holding...) governs it
    extra_suppliers: list[str] = field(default_factory=list)
    extra_recipients: list[str] = field(default_factory=list)
    guessed_direction: bool = False  # an agreement's sides ordered only by the exporters' ranking
    lineage: bool = False  # a design the term descends from ("based on the American M109"), not a transfer
    context_certainty: str = ""  # "claimed" when its paragraph reports what others say (pipeline.claims_from)


@dataclass
class SentenceView:
    """What one sentence names, found once and shared by all its terms."""

    sentence: Sentence
    countries: list[CountryMention]
    places: list[PlaceMention]
    terms: list[Term]
    times: list[dates.TimeExpression]
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    tokens: Doc | None = None  # the sentence as the tokenizer cut it for the lexicon; the parser takes it on
    doc: Doc | None = None  # the sentence parsed by spaCy (extract/nlp.py), when it holds a term
    news_date: date | None = None  # the day the article's news happened (see pipeline.news_date)
    lead: bool = False  # whether the sentence opens the article (its first paragraphs)
    news_day_named: bool = False  # whether the text names the news day ("on Thursday"), not only the dateline


@lru_cache(maxsize=1)
def _own_country() -> re.Pattern:
    """"his country", "her government": the nouns are the rows with role=homeland in data/verb_cues.csv."""
    nouns = sorted(lemma for lemma, role in syntax.verb_cues() if role == "homeland")
    return re.compile(r"\b(?:his|her) (?:" + "|".join(map(re.escape, nouns)) + r")\b")
_SAID_IT = re.compile(r"\b(?:says|said|say|announced|confirmed|stated|added)\s+(?:that\s+)?(?P<it>it)\b")


def _own_country_mentions(text: str, mentions: list[CountryMention]) -> list[CountryMention]:
    """"Lukashenko said his country has started receiving": "his country" is the last person's."""
    out = []
    for match in _own_country().finditer(text):
        # a person, a demonym, or a country's official ("Togo's foreign minister ... his country")
        people = [m for m in mentions if m.end <= match.start() and (m.form in ("person", "demonym")
                  or text[m.end:m.end + 2] in ("'s", "’s"))]
        if people:
            out.append(CountryMention(match.start(), match.end(), people[-1].iso3, "name", match.group(0)))
    for match in _SAID_IT.finditer(text):
        # "Burkina Faso's government says it has received": "it" is the country that says so
        speakers = [m for m in mentions if m.form in ("name", "metonym") and 0 <= match.start() - m.end <= 40]
        if speakers:
            it = match.start("it")
            out.append(CountryMention(it, it + 2, speakers[-1].iso3, "name", "it"))
    return out


def read_sentence(sentence: Sentence, pub: date | None, anchor: date | None,
                  pronouns: list[CountryMention] | None = None) -> SentenceView:
    """Find every mention in a sentence: countries (and the speaker's "we"), places, terms, time
    expressions. Statuses are read later, from the parse (syntax.read_claim)."""
    text = sentence.text
    words = matchers.tokens(text)  # once: every lexicon matcher reads the same tokens
    items = find_items(words)
    forces = find_deployments(words)
    generic = find_table_terms(words, "generic_terms") if forces else []  # once, not once per force
    forces = [t for t in forces if not _names_a_system(text, t, items) and not _inside_an_item(t, generic)]
    terms = drop_overlaps(items + forces + find_agreements(words))
    terms = [naval_as_deployment(text, t) for t in terms]
    items = [t for t in terms if t.kind == "item"]
    # "the Abrams": a designation that is also a person's name is the weapon
    countries = [m for m in find_countries(words) + (pronouns or [])
                 if not (m.form == "person" and any(t.start <= m.start and m.end <= t.end for t in items))]
    countries = sorted(countries + _own_country_mentions(text, countries), key=lambda m: m.start)
    # "Mirage 2000": a number inside a system's name is no year
    times = [t for t in dates.find_time_expressions(text, pub, anchor)
             if not any(i.start <= t.start and t.end <= i.end for i in items)]
    return SentenceView(sentence, countries, find_places(words), terms,
                        times, quotes.quoted_spans(text), tokens=words.doc)


# "two S-300 units", "four Patriot batteries": a unit right after a designation is of that system.
_UNIT_AFTER_SYSTEM = re.compile(r"\s*(?:[\w’'-]+\s+){0,2}$")


def _inside_an_item(force: Term, generic: list[Term]) -> bool:
    """Whether a force word is part of a longer generic item's name (``generic``: the sentence's
    generic_terms matches): "jet trainers" are aircraft, not instructors, even where a designation
    then stands for that item ("the KT-1 ... jet trainers")."""
    return any(i.start <= force.start and force.end <= i.end and (i.start, i.end) != (force.start, force.end)
               for i in generic)


def _names_a_system(text: str, term: Term, items: list[Term]) -> bool:
    return any(i.designation and i.end <= term.start and _UNIT_AFTER_SYSTEM.fullmatch(text, i.end, term.start)
               for i in items)


def _in_quote(text: str, position: int) -> bool:
    before = text[:position]
    opened = sum(before.count(q) for q in _OPEN_QUOTES) + before.count("‘")
    closed = before.count("”") + before.count("»") + before.count("’ ")
    return text.lstrip().startswith(tuple(_OPEN_QUOTES)) or opened > closed


def is_headline(sentence: Sentence) -> bool:
    """A title, or a summary bullet under it: a short line without a full stop. Headlines speak of
    what just happened in the present tense ("tanks arrive in Poland", "jets unloaded in Gdynia"),
    so their verbs date the claim at publication."""
    text = sentence.text.rstrip().rstrip("\"”’')]")
    if _SENTENCE_END_INSIDE.search(text):
        return False  # "... and Laos. (end of page)": a sentence with a tail, not a title
    return not text.endswith((".", "!", "?", ":", ";", ",")) and len(text.split()) <= 25 and not _DATELINE.match(text)


# A full stop after a word, then more text: a sentence ended here, and a title has none.
_SENTENCE_END_INSIDE = re.compile(r"[a-z]{2}[.!?]\s+\S")


def resolve_date(view: SentenceView, term: Term, cue: status.Cue | None, state: str, pub: date | None,
                 pub_inferred: bool = False) -> str:
    """The claim's date: its time expression, else the publication date for current states and
    pledges, else empty for past events. A publication date only inferred from the text is not
    known well enough to stand for "now"."""
    lo, hi = status.clause_bounds(view.sentence.text, term.start, term.end)
    in_clause = [t for t in view.times if lo <= t.start and t.end <= hi]
    # "Germany delivered an IRIS-T system, which arrived in October, and ...": the term's own relative
    # clause or participle dates it, though commas set it apart from the claim's clause
    relative = _own_clause_times(view, term, state)
    in_clause += [t for t in relative if t not in in_clause]
    told_before = False
    if view.doc is not None and in_clause:
        # "used drones after the rebellion began in 2019": a time on another event's verb does not date this one
        action = read_tree(view, term).action
        in_clause = [t for t in in_clause
                     if not syntax.dates_another_event(view.doc, t.start, t.end, term.start, term.end, action)]
        if state in _PAST_EVENTS:
            # "sent shells to Moscow, the agency reported on Tuesday": Tuesday dates the report only,
            # and the news day, which is the report's, no more dates the event
            telling = [t for t in in_clause if syntax.dates_the_telling(view.doc, t.start, t.end, action)]
            in_clause = [t for t in in_clause if t not in telling]
            told_before = bool(telling)
        # "fighters ordered in 2023 are scheduled for this year": the participle's time dates the order
        in_clause = [t for t in in_clause if not syntax.dates_another_stage(view.doc, t.start, t.end, term.start,
                                                                            term.end, state, term.kind, action)]
        if term.kind != "agreement" and state != "agreed":
            # "took delivery of four helicopters ordered under a 2023 deal": the year dates the deal, not
            # the delivery ("the 2019 deal covers 12 jets": the jets are agreed when the deal is)
            in_clause = [t for t in in_clause if not syntax.dates_a_deal(view.doc, t.start, t.end, action)]
        # "launched at the 2023 fair for a scheduled delivery in March 2026": the action's own time wins
        words = syntax.own_verbs(view.doc, term.start, term.end) | ({action.i} if action is not None else set())
        own = [t for t in in_clause if syntax.modifies(view.doc, t.start, t.end, words)]
        in_clause = own or in_clause
    if view.doc is not None and not in_clause:
        # "visited Hanoi in May, where he signed a defence pact": the visit's time is the signing's
        in_clause = [t for t in view.times
                     if syntax.same_occasion(view.doc, t.start, t.end, term.start, term.end)]
    if view.doc is not None and not in_clause and state in _PAST_EVENTS:
        in_clause = [t for t in view.times
                     if syntax.shared_by_conjunct(view.doc, t.start, t.end, term.start, term.end)]
    if state in _PAST_EVENTS and len(in_clause) > 1:
        # "In November, ministers signed a cooperation plan for 2025": the year after "for" is the
        # period the deal covers; the other time dates the signing
        dated = [t for t in in_clause if not _period_covered(view, t)]
        in_clause = dated or in_clause
    aside_text = None if in_clause and all(t in relative for t in in_clause) else view.sentence.text
    expression = dates.choose_expression(in_clause, term.start, term.end, aside_text)
    if expression and expression.scope == "deadline" and state == "agreed":
        expression = None  # "signed a deal to supply 12 jets by 2030": the deal was not made in 2030
    if expression is None and state == "planned" and pub is not None and view.doc is not None:
        # "troops will take part in the drill, which is scheduled to begin on June 3": the drill's time, if ahead
        action = read_tree(view, term).action
        expression = next((t for t in view.times if t.first > pub
                           and syntax.times_the_event_joined(view.doc, t.start, t.end, term.start, term.end, action)), None)
    if expression:
        if expression.ahead and view.doc is not None and syntax.speaks_ahead(view.doc, expression.start, expression.end):
            return dates.format_range(*expression.ahead)  # "will arrive in March", written in November
        return expression.value
    if pub is None or pub_inferred:
        return ""
    if cue is None or state in _CURRENT_STATUSES:
        return pub.isoformat()
    text = view.sentence.text
    if cue.tense in ("present", "future") or is_headline(view.sentence):
        return pub.isoformat()
    if cue.tense == "perfect" and _in_quote(text, cue.start):
        return pub.isoformat()  # "we have ratified", said at the event the article reports
    if is_news_event(view, cue, state) and not told_before:
        return view.news_date.isoformat()
    if cue.tense == "noun" and state == "requested" and not _past_before(view, cue.start):
        return pub.isoformat()
    return ""


def _own_clause_times(view: SentenceView, term: Term, state: str) -> list:
    """The time expressions of the term's own participle or relative clause ("the troops, who were
    first shipped east in October, ..."), when that clause tells the claim's own stage."""
    if view.doc is None:
        return []
    verbs = syntax.own_stage_verbs(view.doc, term.start, term.end, state, term.kind)
    return [t for t in view.times if syntax.modifies(view.doc, t.start, t.end, verbs)] if verbs else []


def _period_covered(view: SentenceView, time) -> bool:
    """A year given as the span something covers ("a plan for 2025": the object of "for"), not when
    it happened."""
    span = syntax.span_of(view.doc, time.start, time.end) if view.doc is not None else None
    if span is None:
        return False
    return span.root.dep_ == "pobj" and span.root.head.lower_ == "for" and span.root.like_num


def _past_before(view: SentenceView, position: int) -> bool:
    """Whether the parse tags a verb before ``position`` as finite past ("sent a letter requesting"):
    a noun or participle cue after it speaks of the past, not of today."""
    return view.doc is not None and any(t.tag_ == "VBD" for t in view.doc if t.idx < position)


def is_background(text: str) -> bool:
    """Whether a sentence speaks of the past as background, not the news the article reports ("Russia
    has previously sold", "already operates"): context=background rows of data/context_cues.csv."""
    return bool(_context("background").search(text))


def tells_the_present(text: str) -> bool:
    """Whether a sentence says how things stand now ("at the moment", "currently"):
    context=current rows of data/context_cues.csv."""
    return bool(_context("current").search(text))


def is_news_event(view: SentenceView, cue: status.Cue, state: str) -> bool:
    """Whether an undated claim reports the article's news ("X has signed a deal", or the lead's "X signed"):
    it then happened on the article's news day."""
    if view.news_date is None or state not in ("agreed", "delivered", "ended"):
        return False
    if cue.tense not in ("perfect", "past") or not view.lead:
        return False
    if cue.tense == "past" and not view.news_day_named:
        return False  # "X signed" with no day anywhere: the text does not say when
    return not is_background(view.sentence.text)


def _placed_by_preposition(view: SentenceView, start: int, end: int) -> bool:
    """Whether the parse reads the place at [start, end) as the object of a role=locative
    preposition of data/verb_cues.csv ("arrived in Caracas"), itself or through the noun it
    modifies ("moved into Russia's Kursk border region")."""
    span = syntax.span_of(view.doc, start, end) if view.doc is not None else None
    if span is None:
        return False
    token = [t for t in span if t.dep_ != "det"][-1] if any(t.dep_ != "det" for t in span) else span.root  # "the Caspian"
    for _ in range(3):
        if token.dep_ == "pobj":
            return syntax.listed_as(token.head, "locative")
        if token.dep_ not in ("compound", "poss", "amod", "nmod") or token.head.i == token.i:
            return False
        token = token.head
    return False


def resolve_place(view: SentenceView, term: Term, recipient: str) -> Place | None:
    """The most specific place the sentence names for the claim, else the recipient country.

    A place counts when a locative preposition introduces it ("arrived in Caracas") or it is the
    dateline, and it lies in the recipient's country or in no country (seas, regions).
    """
    text = view.sentence.text
    people = [(m.start, m.end) for m in view.countries if m.form == "person"]
    candidates = []
    for mention in view.places:
        if mention.place.kind == "country" or any(s < mention.end and mention.start < e for s, e in people):
            continue
        if recipient and mention.place.iso3 and mention.place.iso3 != recipient:
            continue
        if _placed_by_preposition(view, mention.start, mention.end):
            distance = abs(mention.start - term.start)
            candidates.append((-SPECIFICITY.get(mention.place.kind, 0), distance, mention.place))
    dateline = _DATELINE.match(text)
    if dateline:
        place = lookup_place(dateline.group(1).strip())
        if place and place.kind != "country" and (not recipient or place.iso3 in ("", recipient)):
            candidates.append((-SPECIFICITY.get(place.kind, 0), 10**6, place))
    if candidates:
        return min(candidates, key=lambda c: (c[0], c[1]))[2]
    return country_place(recipient) if recipient else None


@cache
def _context(context: str) -> re.Pattern:
    return re.compile(r"\b(?:" + syntax.context_words(context) + r")\b", re.I)


def naval_as_deployment(text: str, term: Term) -> Term:
    """Warships named generically are a naval deployment (sent, stationed, escorting) unless the
    clause speaks of selling or building them; a designated ship class stays an item. Aircraft sent
    for exercises or patrols are an aircraft deployment."""
    if term.kind != "item" or term.category not in ("naval", "aircraft"):
        return term
    lo, hi = status.clause_bounds(text, term.start, term.end)
    clause = text[lo:hi]
    if term.category == "aircraft":
        leaving = not term.designation and _context("leaving").search(clause)  # "French warplanes left"
        if (_context("exercise").search(clause) or leaving) and not _context("acquisition").search(clause):
            return Term(term.start, term.end, "deployment", term.label, "aircraft", term.origin, designation=term.designation)
        return term
    if term.designation or _context("acquisition").search(clause):
        return term
    return Term(term.start, term.end, "deployment", "warships", "naval", needs_context=True)


# A verb of combat, then up to three words and a list, right before the term.
_COMBAT_GAP = r"\s+(?:[\w’'-]+\s+){0,3}(?:[\w’'-]+(?:\s+[\w’'-]+){0,2},?\s+(?:and\s+|or\s+)?){0,4}$"


def _at_a_site(view: SentenceView, term: Term) -> bool:
    """Whether a preposition introduces the base or plant ("stationed jets at Namhsan airbase", "withdrew
    from a drone base"): a place in the story, not a thing supplied. Prepositions: role=site in
    data/verb_cues.csv."""
    token = syntax.listed_head(view.doc, term.start, term.end, compounds=True)
    if token is None:
        return False
    return token.dep_ == "pobj" and syntax.listed_as(token.head, "site")


def _payment_named_again(view: SentenceView, term: Term) -> bool:
    """Whether the term is what was given in return, named again ("in exchange for the shells", "in
    return for its rounds"): it travels the other way, no claim of this sentence's verb. A payment not
    named before ("in exchange for Su-35 jets") stays a claim. Nouns: role=payment in data/verb_cues.csv."""
    token = syntax.listed_head(view.doc, term.start, term.end, compounds=True)
    if token is None:
        return False
    if not (token.dep_ == "pobj" and token.head.lower_ == "for" and syntax.listed_as(token.head.head, "payment")):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType")))
               for c in token.children)


@cache
def _combat() -> re.Pattern:
    """"intercepted a drone", "destroyed two tanks": weapons in combat, not a transfer or holding.
    The verbs: context=combat in data/context_cues.csv."""
    return re.compile(r"\b(?:" + syntax.context_words("combat") + ")" + _COMBAT_GAP, re.I)


def _in_combat(view: SentenceView, term: Term) -> bool:
    """Whether the term is the object of a verb of combat ("destroyed two tanks"), with no verb of
    transfer (data/verb_cues.csv, role=action) between them ("seized power in 2020, sent troops": sent governs)."""
    text = view.sentence.text
    lo = max(0, term.start - 50)
    match = _combat().search(text[lo:term.start])
    if not match:
        return False
    start = lo + match.start()
    return not any(start + 12 <= token.idx and token.idx + len(token) <= term.start and token.pos_ in ("VERB", "NOUN")
                   and syntax.listed_as(token, "action") for token in (view.doc if view.doc is not None else ()))


def _maker_named(view: SentenceView, term: Term) -> bool:
    """Whether a demonym stands right before the term ("used Iranian drones"): where it came from."""
    return any(m.form == "demonym" and 0 <= term.start - m.end <= 25
               and re.fullmatch(r"[\s\w-]*", view.sentence.text[m.end:term.start]) for m in view.countries)


def _deal_status(view: SentenceView, term: Term) -> str:
    """"Executive contracts for 180 K2s followed in August": items a deal is for, with no verb of
    their own, stand where the deal stands (agreed)."""
    if term.kind == "item" and any(t.kind == "agreement" and t.category == "arms-deal" for t in view.terms):
        return "agreed"
    return ""


def _deal_maker(view: SentenceView, term: Term, parties: dict) -> str:
    """The maker of the designated item an arms deal in this sentence is for, if the lexicon knows it."""
    if term.category != "arms-deal":
        return ""
    for item in view.terms:
        if item.kind == "item" and item.designation and item.origin in parties:
            return item.origin
    return ""


def claims_of(view: SentenceView, pub: date | None, context_claimed: bool, pub_inferred: bool = False) -> list[Claim]:
    """One candidate claim per term of the sentence."""
    text = view.sentence.text
    out = []
    view.countries = [m for m in view.countries if not _names_the_press(view, m)]
    subjects = _subject_mentions(view)
    speakers = _speaker_mentions(view)
    listed: status.Cue | None = None  # the status of the sentence's last term a word governs
    for term in view.terms:
        if _in_combat(view, term):
            continue
        if describes_capability(view, term) or is_target(view, term):
            continue
        if term.kind != "agreement" and view.doc is not None and targets.outfitted_platform(view.doc, term.start, term.end):
            continue  # "to equip its frigates with missiles": the frigates carry the claim, they are none
        if term.kind != "agreement" and view.doc is not None and _intrudes(view, term):
            continue  # "kept sending fighter jets into Peruvian airspace": an incursion, no transfer
        if term.kind == "item" and view.doc is not None and _makers_line(view, term):
            continue  # "KAI, which builds the T-50, did not reply": the maker described, no claim
        if view.doc is not None and _left_open(view, term):
            continue  # "did not say whether the jets carried missiles": a question left open
        if term.kind == "item" and _payment_named_again(view, term):
            continue  # "in exchange for the shells, Russia sent ...": the payment named again
        if term.category == "facility" and not term.designation and _at_a_site(view, term):
            continue  # "at the Minhas air base", "from Yemen's al-Anad air base": where something happens
        if view.doc is not None and targets.aimed_at_target(view.doc, term.start, term.end) and not _maker_named(view, term):
            continue
        term = _as_trainers(view, term)
        clause = status.clause_bounds(text, term.start, term.end)
        guessed = False
        parties = roles.score_parties(text, view.countries, term, view.terms, clause, subjects, view.doc)
        for party in parties.values():
            party.speaker = all(m.start in speakers for m in party.mentions)
        parties = {iso3: p for iso3, p in parties.items()
                   if not all(_names_membership(view, m) for m in p.mentions)}
        if term.kind == "agreement":
            maker = _deal_maker(view, term, parties)
            supplier, recipient, guessed = roles.orient_agreement_guessed(text, parties, term, clause, maker)
            extra_s, extra_r = [], []
        else:
            supplier, recipient = roles.choose_pair(parties)
            extra_s, extra_r = (roles.coordinated(text, parties, supplier, clause, view.doc),
                                roles.coordinated(text, parties, recipient, clause, view.doc))
        reading = read_tree(view, term)
        cue = _tree_cue(reading, term) if reading.status else _listed_after(view, term, reading, listed)
        if cue is not None:
            listed = cue
        if (term.kind == "agreement" and term.category == "cooperation" and cue is None and view.doc is not None
                and reading.action is None and not _names_instrument(view, term)):
            continue  # "the deepening defence ties of the two": a relationship described, no claim
        if (term.kind == "agreement" and term.category == "cooperation" and view.doc is not None and reading.action is None
                and not _names_instrument(view, term) and _described_relationship(view, term, reading)):
            continue  # "the sale will deepen ties", "ties have grown": no party commits to anything
        if term.kind == "agreement" and view.doc is not None and _only_its_effect(view, term):
            continue  # "the deal is expected to strengthen ties": what a deal may bring, no claim about the deal
        if term.kind == "item" and view.doc is not None and reading.action is None and _system_described(view, term):
            continue  # "The Gripen is the best aircraft for us": what the system is, no claim
        if term.kind == "agreement" and view.doc is not None and reading.action is None and _deal_described(view, term):
            continue  # "The deal is the latest in a series of sales": a deal told before, only described
        if term.category == "naval" and term.needs_context and view.doc is not None and reading.action is None:
            continue  # "its ageing fleet", "a fleet of frigates": ships no verb moves, sends or holds
        if term.kind != "agreement" and reading.action is not None and _to_no_one_named(view, reading.action):
            continue  # "has the right to sell arms to any country": no recipient, no claim
        if term.kind == "deployment" and view.doc is not None and _holding_not_sent(view, term, reading):
            continue  # "to acquire a fleet of frigates", "Peru's fleet operates corvettes": ships held, no force sent
        if term.kind == "deployment" and _made_by_its_verb(view, term):
            continue  # "two units were assembled in Kiel": hardware made, no force sent
        if term.kind == "item" and reading.direction not in ("give", "receive", "move") and _own_branch(view, term):
            continue  # "Chile's air defences have long relied on ...": its own arm, no system supplied
        if term.kind == "item" and reading.action is None and _held_or_domain(view, term, reading, supplier):
            continue  # "its bomber fleet", "a leader in the field of drones": nothing moves
        if (reading.supplier or reading.recipient) and term.kind != "agreement":
            supplier, recipient = _tree_roles(reading, supplier, recipient, parties)
            extra_s, extra_r = (roles.coordinated(text, parties, supplier, clause, view.doc),
                                roles.coordinated(text, parties, recipient, clause, view.doc))
        supplier, recipient = _prefer_states(supplier, recipient, parties)
        if term.category == "advisers" and not recipient:
            recipient = _taught_party(view, term, supplier)  # "Britain trains Kenyan marines"
        state = cue.status if cue else _deal_status(view, term) or DEFAULT_STATUS[term.kind]
        if term.kind == "agreement" and state == "delivered":
            state = "agreed"  # "a deal for the delivery of jets": what is delivered is the jets; the deal was made
        if term.category == "arms-deal" and state == "pledged":
            continue  # "had offered F-16s through a foreign military sale": an offer, which the items carry; no deal
        certainty = claim_certainty(view, term, reading, (supplier, recipient, *extra_s, *extra_r),
                                    "claimed" if context_claimed else "")
        when = resolve_date(view, term, cue, state, pub, pub_inferred)
        if cue is None and term.kind == "agreement" and when and pub and when < pub.isoformat()[:len(when)]:
            state = "agreed"  # "contracts for 180 K2s followed in August": a deal dated in the past was made then
        state = _framed_by_a_deal(reading, term, state, when, pub)
        out.append(Claim(
            term=term, sentence=view.sentence, view=view, supplier=supplier, recipient=recipient, status=state,
            certainty=certainty, date=when,
            quantity=None if term.kind == "agreement" else
            quantities.find_quantity(text, term.start, term.end, allow_article=term.kind == "item"),
            place=None, parties=parties, explicit_pair=bool(supplier and recipient), cued=cue is not None,
            extra_suppliers=extra_s, extra_recipients=extra_r, guessed_direction=guessed,
            lineage=_descends_from(view, term),
            context_certainty="claimed" if context_claimed else "",
        ))
    _deals_follow_their_items(out)
    return out


def _framed_by_a_deal(reading: syntax.Reading, term: Term, state: str, when: str, pub: date | None) -> str:
    """"Under the deal, Peru will receive 12 radars": what a made deal holds is agreed, though told in
    the future; a time ahead of the news ("under the contract, four jets arrive in 2027") makes it a
    schedule, still planned."""
    if term.kind == "agreement" or state not in ("planned", "pledged") or reading.action is None:
        return state
    if when and pub is not None and when > pub.isoformat()[:len(when)]:
        return state
    above = reading.path[reading.path.index(reading.action):] if reading.action in reading.path else [reading.action]
    return syntax.deal_frame_status(above) or state


def _as_trainers(view: SentenceView, term: Term) -> Term:
    """"Marines have been training Taiwanese forces": troops that teach another's forces are advisers.
    The force is the subject of a role=teach verb of data/verb_cues.csv that has an object."""
    if term.kind != "deployment" or term.category != "troops" or view.doc is None:
        return term
    head = syntax.listed_head(view.doc, term.start, term.end)
    if head is None or head.dep_ != "nsubj" or not syntax.listed_as(head.head, "teach"):
        return term
    if not any(c.dep_ == "dobj" for c in head.head.children):
        return term  # "troops trained in Belarus": they learned, they taught no one
    return replace(term, category="advisers", label="military specialists")


def _taught_party(view: SentenceView, term: Term, teacher: str) -> str:
    """The country whose forces the trainers teach: one named in the object of the role=teach verb
    that the term is, or is the subject of ("training Kenyan marines")."""
    head = syntax.listed_head(view.doc, term.start, term.end) if view.doc is not None else None
    verb = head if head is not None and syntax.listed_as(head, "teach") else head.head if head is not None else None
    if verb is None or not syntax.listed_as(verb, "teach"):
        return ""
    taught = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if taught is None:
        return ""
    lo, hi = taught.left_edge.idx, taught.right_edge.idx + len(taught.right_edge.text)
    return next((m.iso3 for m in view.countries if lo <= m.start and m.end <= hi and m.iso3 != teacher), "")


def _deals_follow_their_items(claims: list[Claim]) -> None:
    """"KAI signed a contract to deliver 18 FA-50s to Malaysia": an arms deal stands between the
    parties of the one transfer its sentence names, when it agrees with the deal's supplier (the
    deal's own reading takes the sentence's first country as its other side)."""
    pairs = {(c.supplier, c.recipient) for c in claims if c.term.kind == "item" and c.supplier and c.recipient}
    if len(pairs) != 1:
        return
    supplier, recipient = next(iter(pairs))
    for claim in claims:
        if claim.term.kind == "agreement" and claim.term.category == "arms-deal" and claim.supplier in ("", supplier):
            claim.supplier, claim.recipient = supplier, recipient
            claim.guessed_direction, claim.explicit_pair = False, True


def _descends_from(view: SentenceView, term: Term) -> bool:
    """Whether the term is the design a system descends from, named beside the claim ("adapted from
    the American M109", "based on the Soviet S-300", "a copy of the Israeli Harop"): a verb takes it
    with "from" or "on", a noun with "of". Words: role=lineage in data/verb_cues.csv."""
    token = syntax.listed_head(view.doc, term.start, term.end, compounds=True)
    if token is None:
        return False
    if token.dep_ != "pobj" or not syntax.listed_as(token.head.head, "lineage"):
        return False
    word, preposition = token.head.head, token.head.lower_
    if word.pos_ in ("VERB", "AUX"):
        return preposition in ("from", "on")
    return word.pos_ == "NOUN" and preposition == "of"


# Unions of states (ISO 3166-1 reserves EUU for the EU) are parties only when no state is named:
# "the first NATO and EU member to buy" names Poland as the buyer (gold conventions: optional).
_MULTILATERAL = {"EUU"}


def _names_membership(view: SentenceView, mention: CountryMention) -> bool:
    """"selling tanks to another member state of the EU", "a member of the alliance and the union": the union (or a
    state named so) only describes the unnamed party, which the article's context names. Nouns:
    role=member in data/verb_cues.csv."""
    span = syntax.span_of(view.doc, mention.start, mention.end) if view.doc is not None else None
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("conj", "compound") and token.head.i != token.i:
        token = token.head
        if _member_noun(token):
            return True  # a union parsed as a conjunct of the member noun itself
    return token.dep_ == "pobj" and token.head.lower_ == "of" and _member_noun(token.head.head)


def _member_noun(noun) -> bool:
    return syntax.listed_as(noun, "member") or any(c.dep_ == "compound" and syntax.listed_as(c, "member")
                                                   for c in noun.children)


def _prefer_states(supplier: str, recipient: str, parties: dict) -> tuple[str, str]:
    """Replace a union of states in a role by a state the sentence names and the other role lacks."""
    states = [iso3 for iso3 in parties if iso3 not in _MULTILATERAL and iso3 not in (supplier, recipient)]
    if recipient in _MULTILATERAL and states:
        recipient = states[0]
    if supplier in _MULTILATERAL and states:
        supplier = next((s for s in states if s != recipient), supplier)
    return supplier, recipient


def _subject_mentions(view: SentenceView) -> frozenset[int]:
    """The starts of the country mentions the parse reads as the subject of a verb ("the Chileans
    use F-5s", "Peru operates MiG-29s"): the text's closeness to a term does not make them its modifier."""
    if view.doc is None:
        return frozenset()
    starts = set()
    for mention in view.countries:
        span = syntax.span_of(view.doc, mention.start, mention.end)
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            starts.add(mention.start)
    return frozenset(starts)


def _names_the_press(view: SentenceView, mention: CountryMention) -> bool:
    """Whether a country is named only as the home of an outlet ("reports in the Serbian press",
    "a Greek newspaper"): role=outlet nouns of data/attribution_cues.csv are never a party, nor is
    the country that qualifies them."""
    if view.doc is None or mention.form not in ("name", "demonym"):
        return False
    span = syntax.span_of(view.doc, mention.start, mention.end)
    if span is None or span.root.dep_ not in ("amod", "compound"):
        return False
    return certainties.is_outlet(span.root.head)


def _speaker_mentions(view: SentenceView) -> frozenset[int]:
    """The starts of the country mentions the parse reads as the subject of a verb of saying ("The
    White House has said that ...", "Seoul denied ...")."""
    if view.doc is None:
        return frozenset()
    starts = set()
    for mention in view.countries:
        span = syntax.span_of(view.doc, mention.start, mention.end)
        if span is None:
            continue
        head = syntax.phrase_head(span.root, set())
        if head.dep_ in ("nsubj", "nsubjpass") and syntax.is_report_verb(head.head):
            starts.add(mention.start)
    return frozenset(starts)


def read_tree(view: SentenceView, term: Term) -> syntax.Reading:
    """The dependency tree's reading of a term (components.read_claims), empty when the sentence
    was not parsed."""
    span = components.claim_spans(view.doc).get((term.start, term.end, term.kind))
    return span._.reading if span is not None else syntax.Reading()


def describes_capability(view: SentenceView, term: Term) -> bool:
    """Whether the tree reads the term as a description of what a system can do."""
    span = components.claim_spans(view.doc).get((term.start, term.end, term.kind))
    return span is not None and span._.capability


def is_target(view: SentenceView, term: Term) -> bool:
    """Whether the tree reads the term as what weapons act on ("designed to destroy cruise missiles"),
    or as a platform described: what it is fitted with, what it derives from (extract/targets.py)."""
    if term.kind != "item":
        return False  # "struck a deal", "targeted troops": only weapons are a weapon's target
    span = components.claim_spans(view.doc).get((term.start, term.end, term.kind))
    return span is not None and (span._.target or span._.design)


def _held_or_domain(view: SentenceView, term: Term, reading: syntax.Reading, supplier: str) -> bool:
    """Whether a term no verb moves names a line of business ("the field of drones", "its missile
    program") or the holdings of the country that would supply it ("Russia has upgraded its bomber
    fleet", "with Russian shell stocks running low"); a buyer's fleet ("bolster its fleet of
    Gripens") is a claim. Nouns: role=domain and role=holding in data/verb_cues.csv."""
    for token in reading.path:
        if token.pos_ != "NOUN":
            continue
        if syntax.listed_as(token, "domain") and _names_kind_of(token) and not term.designation:
            return True  # "a missile program"; a named system's program ("the F-35 program") is its own story
        if syntax.listed_as(token, "holding"):
            owner = _holder(view, token)
            return bool(owner) and owner == supplier
    return _possessed_by_maker(view, term, supplier)


def _holding_not_sent(view: SentenceView, term: Term, reading: syntax.Reading) -> bool:
    """Whether a force named by a noun of holdings ("fleet") is only held: a force is one a verb sends
    or moves ("sent its fleet to Cuba", "a fleet arrived in Havana"); a fleet bought, supported or
    replaced, or one that itself operates or deploys things ("Peru's fleet deploys corvettes"), is
    a navy's own. Nouns: role=holding (and role=service) in data/verb_cues.csv."""
    span = syntax.span_of(view.doc, term.start, term.end)
    if span is None or not syntax.listed_as(span.root, "holding"):
        return False
    if any(_names_service(t) for t in reading.path if t.pos_ == "NOUN"):
        return True  # "suspended maintenance support for the fleet": the fleet is served, not moved
    if reading.direction in ("move", "end"):
        return False  # "a fleet arrived in Havana", "withdrew its fleet from Syria"
    return reading.direction != "give" or span.root.dep_ in ("nsubj", "csubj")


def _names_service(noun) -> bool:
    """"maintenance", "maintenance support": a noun of looking after a system (role=service)."""
    return syntax.listed_as(noun, "service") or any(c.dep_ == "compound" and syntax.listed_as(c, "service")
                                                    for c in noun.children)


def _made_by_its_verb(view: SentenceView, term: Term) -> bool:
    """Whether the verb that governs a force noun makes things ("three units were assembled", "will
    build the units"): a force is sent, never built, so the noun names hardware. Verbs: role=making
    in data/verb_cues.csv."""
    verb = _governing_verb(view, term)
    return verb is not None and syntax.listed_as(verb, "making")


def _governing_verb(view: SentenceView, term: Term):
    """The first verb on the term's path up the tree, or None."""
    span = syntax.span_of(view.doc, term.start, term.end) if view.doc is not None else None
    if span is None:
        return None
    return next((t for t in syntax.governing_path(span.root) if t.pos_ in ("VERB", "AUX")), None)


def _makers_line(view: SentenceView, term: Term) -> bool:
    """Whether the term only says what a maker makes: the object of a verb of making in the present,
    in a relative clause on the maker ("Hanwha, which makes the K9"). "The yard, which built the
    frigates for Chile" tells a past event and stays; so does "KAI, maker of the T-50, will deliver
    the jets", whose system is the one delivered. Words: role=maker in data/verb_cues.csv."""
    token = syntax.listed_head(view.doc, term.start, term.end, compounds=True)
    if token is None:
        return False
    head = token.head
    return (token.dep_ == "dobj" and head.dep_ == "relcl" and head.tag_ in ("VBZ", "VBP")
            and syntax.listed_as(head, "maker")
            and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in head.children))


def _to_no_one_named(view: SentenceView, action) -> bool:
    """Whether the word that moves the thing sends it to a common noun no country names ("to any
    country", "exports to third countries"); "to other countries, including Iran" names one. Words:
    role=unnamed in data/verb_cues.csv."""
    goals = [o for c in action.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
             for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    return any(any(syntax.listed_as(m, "unnamed") for m in g.children if m.dep_ in ("det", "amod"))
               and not any(m.start <= t.idx < m.end for t in g.subtree for m in view.countries) for g in goals)


# Prepositions that take the space a verb sends or flies something into; "to" names a destination.
_INTO = ("into", "over", "across", "through", "in")


def _intrudes(view: SentenceView, term: Term) -> bool:
    """Whether the verb that governs the term takes it into an airspace and nowhere else ("kept
    sending jets into Peruvian airspace", "bombers violated Finnish airspace"): an incursion, not a
    transfer; "sent bombers into its airspace on their way to Caracas" has a destination. Nouns:
    role=incursion in data/verb_cues.csv."""
    verb = _governing_verb(view, term)
    if verb is None or any(t.dep_ in ("prep", "dative") and t.lower_ == "to" and any(
            o.dep_ == "pobj" and o.pos_ == "PROPN" for o in t.children) for t in verb.subtree):
        return False  # "into its airspace on their way to Caracas": bound for a named place
    spaces = [c for c in verb.children if c.dep_ == "dobj"]
    spaces += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in _INTO for o in c.children if o.dep_ == "pobj"]
    return any(syntax.listed_as(s, "incursion") for s in spaces)


# Words that open an embedded question: "whether", "if"; wh-words are read from their tags.
_QUESTION_MARKS = ("whether", "if")


def _left_open(view: SentenceView, term: Term) -> bool:
    """Whether the term stands in a question a speaker leaves open ("did not say whether the jets
    carried missiles", "declined to say how many shells were sent"): nothing is claimed. The verb of
    saying (role=report) is negated or refused (role=withhold in data/verb_cues.csv)."""
    span = syntax.span_of(view.doc, term.start, term.end)
    token = span.root if span is not None else None
    for _ in range(12):
        if token is None or token.head.i == token.i:
            return False
        if token.dep_ == "ccomp" and syntax.is_report_verb(token.head):
            return _asks(token) and _withheld(token.head)
        token = token.head
    return False


def _asks(clause) -> bool:
    """Whether a clause is an embedded question: "whether ..." or a wh-word before its verb."""
    return any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in clause.children) or any(
        t.tag_ in ("WDT", "WP", "WP$", "WRB") and t.i < clause.i for t in clause.subtree)


def _withheld(report) -> bool:
    """"did not say", "would not disclose", "declined to say", "refused to confirm"."""
    if any(c.dep_ == "neg" for c in report.children):
        return True
    return report.dep_ == "xcomp" and syntax.listed_as(report.head, "withhold")


def _own_branch(view: SentenceView, term: Term) -> bool:
    """Whether a generic term names a branch of a country's own forces, owned by a possessive
    ("Chile's air defences", "its air defenses"), not a system anyone supplies (the caller keeps one
    a verb gives, receives or moves). Nouns: role=branch in data/verb_cues.csv."""
    span = syntax.span_of(view.doc, term.start, term.end) if view.doc is not None else None
    if span is None or term.designation or not syntax.listed_as(span.root, "branch"):
        return False
    return any(c.dep_ == "poss" for c in span.root.children)


def _possessed_by_maker(view: SentenceView, term: Term, supplier: str) -> bool:
    """"Brazil's KC-390 entered service in 2019": a system its own maker is said to have, in a
    sentence naming no other country, with no verb that moves it."""
    span = components.claim_spans(view.doc).get((term.start, term.end, term.kind))
    if span is None or not term.origin or term.origin != supplier:
        return False
    if any(m.iso3 != supplier for m in view.countries):
        return False
    owners = [c for t in span for c in t.children if c.dep_ == "poss"]
    return any(m.start <= c.idx < m.end and m.iso3 == supplier for c in owners for m in view.countries)


def _names_instrument(view: SentenceView, term: Term) -> bool:
    """Whether a cooperation term names an instrument ("a defence cooperation agreement", "an
    MoU"), a claim in itself; "cooperation" or "ties" needs a verb. Nouns: role=deal in data/verb_cues.csv."""
    span = syntax.span_of(view.doc, term.start, term.end)
    return span is not None and any(syntax.listed_as(t, "deal") for t in span)


def _described_relationship(view: SentenceView, term: Term, reading: syntax.Reading) -> bool:
    """Whether the word that governs a cooperation only describes it (role=described in
    data/verb_cues.csv: "grow", "deepen", "highlight") and no country is that word's subject
    ("ties between Lima and Quito have grown": the ties themselves are)."""
    if not reading.path or not syntax.listed_as(reading.path[0], "described"):
        return False
    word = reading.path[0]
    subjects = [t for c in word.children if c.dep_ in ("nsubj", "nsubjpass")
                and not any(term.start <= t.idx < term.end for t in c.subtree) for t in c.subtree]
    return not any(m.start <= t.idx < m.end for t in subjects for m in view.countries)


def _only_its_effect(view: SentenceView, term: Term) -> bool:
    """Whether the sentence only tells what a deal is hoped to bring: the deal is the subject of an
    effect word (role=effect or role=described in data/verb_cues.csv), itself or as the complement
    of the verb it is the subject of ("the deal should bolster ties", "the pact is likely to boost trade", "the sale
    will deepen ties"). A deal the sentence reports made ("a deal signed on Monday is expected to
    ...") is a claim still."""
    span = syntax.span_of(view.doc, term.start, term.end)
    if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if any(syntax.listed_as(view.doc[i], "signing") for i in syntax.own_verbs(view.doc, term.start, term.end)):
        return False
    verb = span.root.head
    for _ in range(4):  # "is likely to help boost": through the adjective and the helping verb
        if syntax.listed_as(verb, "effect") or syntax.listed_as(verb, "described"):
            return True
        verb = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp")), None)
        if verb is None:
            return False
    return False


def _deal_described(view: SentenceView, term: Term) -> bool:
    """Whether an agreement named again ("the deal", "this sale") is only the subject of a copula that
    describes it ("The deal is the latest in a series of sales", "this sale was a milestone"): the
    deal was claimed where it was first told; here nothing is done with it."""
    span = syntax.span_of(view.doc, term.start, term.end)
    if span is None:
        return False
    root = span.root
    # "the deal", bare; "the agreement to sell corvettes to Peru" tells the deal in full, a claim
    named_again = (any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children)
                   and not any(c.dep_ in ("acl", "relcl", "prep") for c in root.children))
    copula = root.head
    return (named_again and root.dep_ == "nsubj" and copula.lemma_ == "be"
            and any(c.dep_ in ("attr", "acomp") for c in copula.children))


def _system_described(view: SentenceView, term: Term) -> bool:
    """Whether a system is only the subject of a copula with a noun that says what it is ("The Gripen
    is the best aircraft for our country", "The NSM is a sea-skimming missile"): a description, no
    claim; "the S-400 is already in Turkey" places it and stays."""
    span = syntax.span_of(view.doc, term.start, term.end)
    if span is None:
        return False
    root = span.root
    copula = root.head
    # "the radars are part of the package": membership of a deal, a claim (role=content nouns' kin)
    return (root.dep_ == "nsubj" and copula.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_ != "part" for c in copula.children)
            and not any(c.dep_ in ("prep", "advmod", "acomp") for c in copula.children if c.lower_ not in ("with", "of", "for")))


def _names_kind_of(noun) -> bool:
    """Whether a noun takes a kind of thing: "the field of drones", "a missile program"."""
    return any(c.dep_ in ("compound", "amod", "nmod") or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)


def _holder(view: SentenceView, noun) -> str:
    """The country a holding noun belongs to: its possessor or demonym ("Russia's", "Russian"), or
    for "its"/"their" the country of the clause's subject."""
    def country_at(token) -> str:
        return next((m.iso3 for m in view.countries if m.start <= token.idx < m.end), "")

    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and country_at(child):
            return country_at(child)
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children):
        return ""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((country_at(t) for s in subjects for t in s.subtree if country_at(t)), "")


def _tree_roles(reading: syntax.Reading, supplier: str, recipient: str, parties: dict) -> tuple[str, str]:
    """The tree's supplier and recipient where it names them; the cue scores fill the other side."""
    new_supplier = reading.supplier or supplier
    new_recipient = reading.recipient or recipient
    if new_supplier == new_recipient:
        return (new_supplier, "") if reading.supplier else ("", new_recipient)
    return new_supplier, new_recipient


def claim_certainty(view: SentenceView, term: Term, reading: syntax.Reading, sides: tuple[str, ...],
                    context: str = "") -> str:
    """How the article holds the claim (extract/certainty.py), given its sides as known so far."""
    return certainties.read_certainty(view.doc, term.start, term.end, reading.certainty, set(sides) - {""},
                                      [(m.start, m.end, m.iso3, m.form) for m in view.countries], context)


def _listed_after(view: SentenceView, term: Term, reading: syntax.Reading, listed: status.Cue | None) -> status.Cue | None:
    """"told an official that Caracas needed "radars", "jammers" and "drones"": a verb of saying takes no
    weapon as its object; a term the parser hangs on one (as object or conjunct) continues the list
    of the term before it, and takes its status."""
    if listed is None or not reading.path or not syntax.is_report_verb(reading.path[0]):
        return None
    span = syntax.span_of(view.doc, term.start, term.end)
    root = syntax.phrase_head(span.root, set()) if span is not None else None
    if root is None or root.head.i != reading.path[0].i or root.dep_ not in ("dobj", "conj"):
        return None
    return status.Cue(term.start, term.end, listed.status, listed.tense)


def _tree_cue(reading: syntax.Reading, term: Term) -> status.Cue:
    """The status the tree reads, as a cue at its action word (at the term when no word acts on it)."""
    token = reading.action
    start = token.idx if token is not None else term.start
    end = start + (len(token.text) if token is not None else 0)
    return status.Cue(start, end, reading.status, reading.tense or "noun")
