"""The article pipeline: the ordered steps one article goes through, from text to records.

    read each sentence (countries, places, terms, time expressions) -> the spaCy language on the
    sentences that hold a candidate (extract/nlp.py, extract/components.py) -> candidate claims
    -> fill roles from the article's context -> keep real claims -> records with stable ids

Runs over a folder (reading files, hashing, the store, the CSVs) are the runner's (extract/runner.py).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from . import certainty, dates, facts, limits, quotes, references, syntax
from .articles import Article, ArticleError
from .claims import (
    DEFAULT_STATUS,
    Claim,
    SentenceView,
    claim_certainty,
    claims_of,
    is_background,
    read_sentence,
    read_tree,
    resolve_place,
    tells_the_present,
)
from .dates import infer_publication_date
from .headlines import drop_headline_repeats
from .nlp import BATCH_SIZE, annotate, load_nlp, make_docs, parse_model, read_doc
from .places import CountryMention, find_countries
from .records import Record, make_record_id
from .roles import collective_supplier, fill_roles
from .sentences import Sentence, split_sentences
from .terms import Term

# The label data/agreement_terms.csv gives "the pact", "the deal": resolved to the agreement named before.
ANAPHORIC_LABEL = "(earlier agreement)"

Progress = Callable[[int, int], None]


def publication_date(article: Article) -> date | None:
    """The article's publication date; inferred from its text (and marked so) when metadata lacks it."""
    if article.published:
        return date.fromisoformat(article.published)
    inferred = infer_publication_date(article.text)
    if inferred:
        article.published = inferred.isoformat()
        article.published_inferred = True
    return inferred


@lru_cache(maxsize=1)
def _pair_phrase() -> re.Pattern:
    """"the two countries", "both sides": the nouns are the rows with role=pair in data/verb_cues.csv
    (the sentence is not parsed yet at this step), in the plural."""
    nouns = sorted(lemma for lemma, role in syntax.verb_cues() if role == "pair")
    return re.compile(r"\b(?:the two|both) (?:" + "|".join(map(re.escape, map(_plural, nouns))) + r")\b", re.I)


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def pair_mentions(text: str, previous: list[str]) -> list[CountryMention]:
    """"The two countries signed...": the two countries the text named last, as mentions."""
    match = _pair_phrase().search(text)
    if not match:
        return []
    # "Russia and Iran ..., and officials in both countries say": the sentence's own pair comes first
    named_here = list(dict.fromkeys(m.iso3 for m in find_countries(text[:match.start()])))
    previous = named_here if len(named_here) >= 2 else previous
    if len(previous) < 2:
        return []
    return [CountryMention(match.start(), match.end(), iso3, "name", match.group(0)) for iso3 in previous[:2]]


# The lead: the first paragraphs of the text (a headline and a caption count), where a news story
# says what happened.
LEAD_PARAGRAPHS = 4
# A day named this close before publication is the day of the news ("on Thursday").
NEWS_WINDOW_DAYS = 7


def news_date(pub: date | None, times: list) -> tuple[date | None, bool]:
    """The day the article's news happened: the first single day it names within a week before
    publication, else the publication date; and whether the text named it."""
    if pub is None:
        return None, False
    for t in times:
        if t.first == t.last and 0 <= (pub - t.first).days <= NEWS_WINDOW_DAYS:
            return t.first, True
    return pub, False


# Sentences without a lexicon term are parsed when they may name the article's system again.
_REFERENCE_WORD = re.compile(r"\b(?:the|these|this|those|its|their|first|second|new|additional|another|any)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:jets?|aircraft|planes?|fighters?|bombers?|systems?|deliver(?:y|ies)|shipments?|batch(?:es)?|"
                            r"frigates?|submarines?|ships?|vessels?|components?|equipment|units?|batter(?:y|ies)|launchers?)\b"
                            r"|\bit\s+(?:has\s+been|had\s+been|was|is|will\s+be)\s+\w+ed\b", re.I)


@lru_cache(maxsize=1)
def _deal_words() -> frozenset[str]:
    """The words of a sentence that may name a deal the tree finds signed (syntax.find_signed_agreements)
    or trainers it finds sent (syntax.find_teaching): the role=deal nouns and role=signing and role=teach
    verbs of data/verb_cues.csv, and the verbs of ordering work (control rows whose subject receives:
    "commissioned a shipyard to build"), with their plural and past forms, and a teaching verb's -ing
    form ("has been training"; not a noun's: "according" names no accord)."""
    lemmas = [lemma for (lemma, role), cues in syntax.verb_cues().items()
              if role in ("deal", "signing", "teach") or any(syntax.orders_work(cue) for cue in cues)]
    teaching = [lemma + "ing" for lemma, role in syntax.verb_cues() if role == "teach"]
    endings = ("", "s", "es", "d", "ed")
    return frozenset([w + e for w in lemmas for e in endings] + [w[:-1] + "ies" for w in lemmas if w.endswith("y")]
                     + teaching)


def _names_a_deal(text: str) -> bool:
    """Whether a sentence without a lexicon term names a deal: then it is parsed."""
    return not _deal_words().isdisjoint(re.findall(r"[a-z]+", text.lower()))


# A dateline ("TAIPEI, Taiwan (AP) —") says where the story was filed, not who acts in it.
_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'’-]+,[^()\n]{0,40}(?:\([^)]{1,20}\))?\s*[-–—]+\s*")


def mentions_of(view: SentenceView) -> list[tuple[int, int, str, str]]:
    """The sentence's country mentions as (start, end, ISO3, form)."""
    return [(m.start, m.end, m.iso3, m.form) for m in view.countries]


def actor_mentions(view: SentenceView) -> list[tuple[int, int, str]]:
    """The sentence's country mentions that can act in a claim, as (start, end, ISO3): not the dateline's."""
    dateline = _DATELINE_PREFIX.match(view.sentence.text)
    after = dateline.end() if dateline else 0
    return [(m.start, m.end, m.iso3) for m in view.countries if m.start >= after]


def lead_offset(lines: list[str], line_starts: list[int]) -> int:
    """Where the lead ends: the offset of the first line after LEAD_PARAGRAPHS non-empty ones."""
    seen = 0
    for number, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen > LEAD_PARAGRAPHS:
                return line_starts[number]
    return line_starts[-1]


def main_pair(claims: list[Claim]) -> tuple[str, str]:
    """The supplier and the recipient the article is mostly about: the ones its sentences name most
    often in those roles (ties go to the first named). An agreement whose sides were ordered only by
    the exporters' ranking ("cooperation between Chile and Spain") only breaks ties: the text did not
    say who gives, so four such deals do not outvote two frigates the text has Japan supply."""
    def most(role: str, skip: str = "") -> str:
        votes: dict[str, list[int]] = {}
        for claim in claims:
            iso3 = getattr(claim, role)
            if iso3 and iso3 != skip and not claim.lineage:  # a design descended from is no transfer
                votes.setdefault(iso3, [0, 0])[1 if claim.guessed_direction else 0] += 1
        return max(votes, key=lambda iso3: votes[iso3]) if votes else ""  # max keeps the first of equals

    recipient = most("recipient")
    return most("supplier", skip=recipient), recipient


@dataclass
class ArticleReading:
    """An article read sentence by sentence, before any parsing: the sentences that hold a candidate
    (with whether their paragraph is attributed) and what their claims need from the whole article."""

    article: Article
    pub: date | None
    pending: list[SentenceView]
    focus: references.Focus
    news_day: date | None
    news_day_named: bool
    lead_end: int
    # per pending sentence, the systems named up to it: "the aircraft" points back, never forward
    foci: list[references.Focus | None] = field(default_factory=list)

    def sentences(self) -> list[tuple[str | Doc, list, list, references.Focus]]:
        """The pending sentences (their tokens, which the lexicon read) with their lexicon layer, as
        extract/nlp.py takes them."""
        return [(view.tokens if view.tokens is not None else view.sentence.text, view.terms, actor_mentions(view),
                 self.foci[i] or self.focus if i < len(self.foci) else self.focus) for i, view in enumerate(self.pending)]


def read_article(article: Article) -> ArticleReading:
    """Every sentence's mentions (countries, places, terms, cues, dates), and which sentences the
    language must parse: those that hold a candidate."""
    pub = publication_date(article)
    anchor = pub
    pending: list[SentenceView] = []
    focus = references.Focus()
    foci: list[references.Focus | None] = []
    times: list = []
    lines = article.text.splitlines(keepends=True)
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line))
    lead_end = lead_offset(lines, line_starts)
    paragraph: tuple[int, list, str] = (-1, [], "")
    previous_countries: list[str] = []
    views: list[SentenceView] = []
    surnames: set[str] = set()  # country names this article uses as a person's surname ("Roy Vincent Trinidad")
    for sentence in split_sentences(article.text):
        limits.check()  # the article's time budget, between sentences (see extract/limits.py)
        if sentence.line != paragraph[0]:
            line_text = lines[sentence.line]
            spans = quotes.quoted_spans(line_text)
            # the speaker only names the first-person pronouns of quotes: none to name without quotes
            paragraph = (sentence.line, spans, quotes.find_speaker(line_text, spans) if spans else "")
        _, spans, speaker = paragraph
        offset = sentence.start - line_starts[sentence.line]
        pronouns = quotes.pronoun_mentions(lines[sentence.line], spans, speaker, offset, len(sentence.text))
        pronouns += pair_mentions(sentence.text, previous_countries)
        view = read_sentence(sentence, pub, anchor, pronouns)
        surnames |= surnames_in(sentence.text, view.countries)
        view.countries = [m for m in view.countries if not (m.form == "name" and m.text in surnames)]
        named = list(dict.fromkeys(m.iso3 for m in view.countries))
        if len(named) >= 2:
            previous_countries = named
        views.append(view)
        focus.add(view.terms)
        if view.terms or _names_a_deal(sentence.text) or _REFERENCE_WORD.search(sentence.text):
            pending.append(view)
            # before any system is named, the story's opening may point ahead to its subject
            foci.append(focus.copy() if focus.counts else None)
        # a later "a day earlier" counts from the last day this article named
        days = [t for t in view.times if t.first == t.last]
        times.extend(view.times)
        if days:
            anchor = days[-1].first
    narrow_weekends(views)
    day, day_named = (None, False) if article.published_inferred else news_date(pub, times)
    return ArticleReading(article, pub, pending, focus, day, day_named, lead_end, foci)


def narrow_weekends(views: list[SentenceView]) -> None:
    """"Two planes landed over the weekend" then "they arrived on Saturday": the next sentences,
    up to CARRY_WINDOW characters on, name the day of the weekend (see dates.narrowed)."""
    for n, view in enumerate(views):
        if not view.times:
            continue
        later = []
        for after in views[n + 1:]:
            if after.sentence.start - view.sentence.end > CARRY_WINDOW:
                break
            later += after.times
        view.times = [dates.narrowed(t, later) for t in view.times]


# Two capitalised words right before a country's name: a title or given names ("Admiral Roy Vincent
# Trinidad"); a capitalised word right after it means the name is a given name ("Israel Katz").
_NAME_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b[A-Z][a-z]+\.? [A-Z][a-z]+\.? $")
_NAME_AFTER = re.compile(r"^\s?[A-Z][a-z]")


def surnames_in(text: str, mentions: list) -> set[str]:
    """Country names a sentence writes as a person's surname, after a title or given names ("navy
    spokesperson Rear Admiral Roy Vincent Trinidad told reporters"): the article's later "Trinidad
    said" is that person, not the country."""
    found = set()
    for m in mentions:
        if m.form != "name" or _NAME_AFTER.match(text[m.end:m.end + 2]):
            continue
        before = text[max(0, m.start - 40):m.start]
        # the words before are no country's ("North Atlantic ... Turkey" aside, "Korea Republic")
        if _NAME_BEFORE.search(before) and not any(o is not m and 0 <= m.start - o.end <= 1 for o in mentions):
            found.add(m.text)
    return found


def claims_from(reading: ArticleReading, docs: Iterable[Doc]) -> list[Claim]:
    """The candidate claims of the pending sentences, given their Docs in order (roles not yet
    filled from context)."""
    claims: list[Claim] = []
    article = reading.article
    before: SentenceView | None = None
    for view, doc in zip(reading.pending, docs, strict=True):
        limits.check()  # parsing is lazy: the budget is checked as each sentence comes out of the parser
        view.doc, view.news_date, view.news_day_named = doc, reading.news_day, reading.news_day_named
        view.terms = doc._.arms_terms
        view.lead = view.sentence.start < reading.lead_end
        # a sentence that names again what the sentence before put in others' mouths goes on reporting it
        told = before is not None and certainty.told_by_others(before.doc, mentions_of(before)) \
            and certainty.refers_back(doc, before.doc)
        claims.extend(claims_of(view, reading.pub, told, article.published_inferred))
        before = view
    return claims


def find_claims(article: Article) -> list[Claim]:
    """Sentence by sentence, the candidate claims of an article (roles not yet filled from context):
    the language (parser and the project's steps) runs only on sentences that hold a candidate, in
    one batch per article."""
    reading = read_article(article)
    return claims_from(reading, annotate(reading.sentences()))


def fill_from_context(claims: list[Claim]) -> None:
    """Fill roles a sentence leaves open from the previous claim in its paragraph, else the article's
    main pair; a deployment's host must come from its own sentence."""
    pair = main_pair(claims)
    previous: Claim | None = None
    for claim in claims:
        local = pair
        if previous and previous.sentence.line == claim.sentence.line and previous.supplier and previous.recipient:
            local = (previous.supplier, previous.recipient)
        if not claim.parties and previous and previous.sentence.line == claim.sentence.line:
            local = (previous.supplier, previous.recipient)
        if claim.term.kind == "deployment" and claim.parties:
            local = ("", local[1])  # a force's sender is named with it, not guessed from the article
        if claim.certainty == "denied":
            local = ("", local[1])  # "Venezuela has no nuclear arms": nobody supplied what is denied
        if not claim.recipient:
            claim.recipient = place_country(claim)
        own_recipient = claim.recipient
        if claim.guessed_direction and claim.term.category != "strategic" and (claim.recipient, claim.supplier) == local:
            # "a deal between Iranian and Russian officials" ordered by the exporters' ranking: the
            # two sides stand as the paragraph's or the article's transfers have them. A strategic
            # partnership binds both alike; the larger power stays its patron.
            claim.supplier, claim.recipient = local
        claim.supplier, claim.recipient = fill_roles_for(claim, local)
        if claim.term.kind == "deployment" and not at_sea(claim):
            # "About 80 French soldiers will remain in the country": the paragraph's story before the article's
            same_paragraph = previous is not None and previous.sentence.line == claim.sentence.line
            story = (previous.supplier, previous.recipient) if same_paragraph else pair
            claim.supplier, claim.recipient = complete_from_pair(claim.supplier, claim.recipient, story)
        # the speaker is a side or a third party only once both sides are known
        claim.certainty = claim_certainty(claim.view, claim.term, read_tree(claim.view, claim.term),
                                          (claim.supplier, claim.recipient, *claim.extra_suppliers, *claim.extra_recipients),
                                          claim.context_certainty)
        if claim.supplier and claim.recipient and not claim.guessed_direction and own_recipient and not claim.lineage:
            previous = claim


def deal_from_its_items(claims: list[Claim]) -> None:
    """A purchase deal whose sentence names only its buyer takes its seller from the items the same
    sentence has that buyer receive ("Riyadh signed a contract for 10 batteries of the system": the
    system's supplier sold it)."""
    for deal in claims:
        if deal.term.kind != "agreement" or deal.term.category != "arms-deal" or deal.supplier or not deal.recipient:
            continue
        sellers = {c.supplier for c in claims if c.term.kind == "item" and c.sentence.start == deal.sentence.start
                   and c.recipient == deal.recipient and c.supplier and c.supplier != deal.recipient}
        if len(sellers) == 1:
            deal.supplier = sellers.pop()


def at_sea(claim: Claim) -> bool:
    """Whether the sentence sends the force to a place in no country ("a task force moved to the
    Mediterranean"): ships at sea have a sender and no host."""
    place = resolve_place(claim.view, claim.term, "")
    return place is not None and place.kind != "country" and not place.iso3


def complete_from_pair(supplier: str, recipient: str, pair: tuple[str, str]) -> tuple[str, str]:
    """A force whose sentence names one side of the article's story: "100 Russian soldiers landed"
    in a story of Russia and Venezuela went to Venezuela; "instructors arrived in Bangui" in a story
    of Russia and the CAR came from Russia. A side that is not the story's stays unfilled."""
    sender, host = pair
    if not (sender and host):
        return supplier, recipient
    if supplier == sender and not recipient:
        return supplier, host
    if recipient == host and not supplier:
        return sender, recipient
    return supplier, recipient


def place_country(claim: Claim) -> str:
    """The country of the place a claim happens at ("seen at Bamako-Senou airport"), when it is not
    the supplier's: the host of a delivery or a force."""
    # a country the sentence names with no recipient's cue ("Ukraine will see how many troops are
    # deployed in Kursk") does not outrank the place the claim happens at
    others = [c for c, p in claim.parties.items() if c != claim.supplier and p.recipient > 0]
    if claim.term.kind == "agreement" or others:
        return ""
    place = resolve_place(claim.view, claim.term, "")
    # a capital named for its government ("turned to Moscow") is a party, not where the claim happens;
    # one a preposition of place introduces is where a force works ("officers run a school near
    # Mogadishu"); an item's sentence may name it for another event ("pilots trained in Ankara")
    metonyms = {m.text for m in claim.view.countries if m.form == "metonym"
                and not (claim.term.kind == "deployment" and _located_at(claim.view.doc, m))}
    if place and place.kind != "country" and place.iso3 and place.iso3 != claim.supplier and place.name not in metonyms:
        return place.iso3
    return ""


def _located_at(doc: Doc | None, mention: CountryMention) -> bool:
    """Whether a preposition of place governs the mention ("near Mogadishu", "in Hanoi"): the
    prepositions are the rows with role=whereabouts in data/verb_cues.csv."""
    token = syntax.listed_head(doc, mention.start, mention.end, compounds=True)
    return token is not None and token.dep_ == "pobj" and syntax.listed_as(token.head, "whereabouts")


def fill_roles_for(claim: Claim, pair: tuple[str, str]) -> tuple[str, str]:
    """The claim's roles with gaps filled from ``pair`` (the paragraph's or the article's)."""
    return fill_roles(claim.supplier, claim.recipient, claim.parties, claim.term, pair,
                      allow_context_recipient=claim.term.kind != "deployment",
                      co_suppliers=tuple(claim.extra_suppliers),
                      collective=collective_supplier(claim.view.doc, claim.term),
                      # "French troops will leave the country": a withdrawal ahead leaves a host too
                      leaving=claim.status == "ended" or (claim.term.kind == "deployment"
                                                          and read_tree(claim.view, claim.term).direction == "end"))


def is_claim(claim: Claim) -> bool:
    """Whether a candidate is a real claim: a deployment needs a host other than its sender; a
    word too common alone needs a party."""
    if claim.term.kind == "deployment":
        host = claim.recipient or (claim.place.iso3 if claim.place and claim.place.kind != "country" else "")
        if not claim.supplier:
            return False  # a force always has a sender
        if not claim.parties and not claim.cued:
            return False  # "diving onto a group of soldiers": a force no verb sends or holds, of no one named
        if claim.term.category == "naval" and not host:
            # ships at sea: a sender, and no host; but ships a navy acquires, commissions or operates
            # ("will buy a fleet of frigates", "operates submarines") are its own, not a force sent
            return read_tree(claim.view, claim.term).direction != "receive"
        return bool(host) and host != claim.supplier
    if claim.term.needs_context:
        return bool(claim.supplier or claim.recipient) and bool(claim.parties)
    if claim.term.kind == "item" and not claim.recipient and not claim.cued:
        return False  # "Ukrainian air defences intercepted...": a country's own weapons, no claim of transfer
    return bool(claim.supplier or claim.recipient)


def expand(claim: Claim) -> list[Claim]:
    """One claim per supplier and recipient listed together ("from China and Iran"), except where
    each listed supplier made one of the systems named: then each system comes from its maker
    ("turned to India and France, buying Pinaka launchers and GM 200 radars")."""
    listed = [claim.supplier, *claim.extra_suppliers]
    makers = {t.origin for t in claim.view.terms if t.origin}
    if claim.extra_suppliers and claim.term.origin in listed and set(listed) <= makers:
        claim.supplier, claim.extra_suppliers = claim.term.origin, []  # each listed country made one of them
    out = [claim]
    for extra in claim.extra_suppliers:
        if extra != claim.recipient:
            out.append(_with(claim, supplier=extra))
    for extra in claim.extra_recipients:
        if extra != claim.supplier:
            out.append(_with(claim, recipient=extra))
    return out


def _with(claim: Claim, **changes) -> Claim:
    copy = Claim(**{**claim.__dict__, **changes})
    copy.extra_suppliers, copy.extra_recipients = [], []
    return copy


def to_record(article: Article, claim: Claim) -> Record:
    """A claim as a record of the contract."""
    sentence, place = claim.sentence, claim.place
    record = Record(
        record_id=make_record_id(article.article_id, claim.term.kind, claim.term.label, sentence.start + claim.term.start,
                                 claim.supplier, claim.recipient),
        article_id=article.article_id, kind=claim.term.kind, label=claim.term.label,
        category=claim.term.category, supplier=claim.supplier, recipient=claim.recipient,
        status=claim.status, certainty=claim.certainty, quantity=claim.quantity, date=claim.date,
        location=place.name if place else "", lat=place.lat if place else None,
        lon=place.lon if place else None, sentence=sentence.text, char_start=sentence.start,
        char_end=sentence.end, date_inferred=article.published_inferred and bool(claim.date),
    )
    record.fact_id = facts.fact_id(record)
    return record


def _dedupe(records: list[Record], distinct: set[str] = frozenset()) -> list[Record]:
    """One record per claim: an agreement once per sentence and category, any other term once per
    sentence, kind, label, parties and status; the ``distinct`` records (items listed apart) once each."""
    seen: set = set()
    ids: set[str] = set()  # kept as it grows: rebuilding it per record was quadratic in the records
    dates_of: dict[tuple, set[str]] = {}
    for record in records:
        if record.kind == "item" and record.date:
            dates_of.setdefault((record.char_start, record.kind, record.label.lower(), record.supplier,
                                 record.recipient, record.status), set()).add(record.date)
    out = []
    for record in records:
        if record.kind == "agreement":
            key = (record.char_start, record.kind, record.category)
        elif record.kind == "deployment":
            # "Africa Corps has deployed personnel to Niger": one force per sender, host and category
            # ("advisers and F-16 jets" are two)
            key = (record.char_start, record.kind, record.category, record.supplier, record.recipient)
        else:
            # "received a first shipment of four ... had ordered 20 K9s": two claims, two statuses;
            # "the first batch came in May and the second in August": two claims, two dates
            key = (record.char_start, record.kind, record.label.lower(), record.supplier, record.recipient, record.status)
            if record.date and len(dates_of.get(key, ())) > 1:
                key += (record.date,)
            if record.record_id in distinct:
                key += (record.record_id,)
        if key in seen or record.record_id in ids:
            continue
        seen.add(key)
        ids.add(record.record_id)
        out.append(record)
    return out


def _uncued(claim: Claim) -> bool:
    """An agreement no cue qualifies (its default status), an item or force merely present."""
    return not claim.cued if claim.term.kind == "agreement" else claim.status == "present"


def _prefer_cued(claims: list[Claim]) -> list[Claim]:
    """Of the same agreement named twice in a sentence, keep the mention with a status cue."""
    ranked = sorted(claims, key=lambda c: (c.sentence.start, c.term.kind != "agreement", _uncued(c)))
    return sorted(ranked, key=lambda c: c.sentence.start)


def _frames(claim: Claim) -> bool:
    """"Under the deal", "as part of the agreement": the earlier deal introduces what the sentence
    claims. The parse reads the term as the object of a role=frame preposition of data/verb_cues.csv,
    or of "of" under a role=frame noun."""
    span = syntax.span_of(claim.view.doc, claim.term.start, claim.term.end) if claim.view.doc is not None else None
    if span is None or span.root.dep_ != "pobj":
        return False
    prep = span.root.head
    return syntax.listed_as(prep, "frame") or (prep.lower_ == "of" and syntax.listed_as(prep.head, "frame"))


# How far back (characters) "the deal" may find the order it names when no agreement was named before.
_ORDER_REACH = 250


def _signed_anew(claim: Claim) -> bool:
    """Whether a signing verb takes the anaphoric deal noun and its row names a category; the claim's
    term is then that deal (an arms deal for a contract)."""
    category = syntax.signed_deal_category(claim.view.doc, claim.term.start, claim.term.end)
    if category != "arms-deal":
        return False
    claim.term = Term(claim.term.start, claim.term.end, "agreement", "arms deal", category)
    return True


def resolve_anaphora(claims: list[Claim]) -> list[Claim]:
    """"The pact", "the deal": the agreement the article named last, or the order its own sentence
    reports ("Egypt ordered Su-35s from Russia, but the deal was frozen"); dropped when there is neither."""
    out, last = [], None
    for claim in claims:
        if claim.term.kind == "agreement" and claim.term.label == ANAPHORIC_LABEL:
            if _frames(claim):
                continue  # "Under the deal, Peru will receive ...": the deal named again frames the items
            order = next((c for c in out if c.sentence.start == claim.sentence.start and c.term.kind == "item"
                          and c.status == "agreed" and c.supplier and c.recipient), None)
            if order is not None:
                claim.term = Term(claim.term.start, claim.term.end, "agreement", "arms deal", "arms-deal")
                claim.supplier, claim.recipient = order.supplier, order.recipient
                out.append(claim)
                continue
            if last is None:
                # "Armenia has signed for 84 howitzers ... The deal was concluded in August": with no
                # agreement named before, the deal is the order the paragraph just reported
                order = next((c for c in reversed(out) if c.term.kind == "item" and c.status == "agreed"
                              and c.supplier and c.recipient and 0 <= claim.sentence.start - c.sentence.end <= _ORDER_REACH), None)
                if order is not None:
                    claim.term = Term(claim.term.start, claim.term.end, "agreement", "arms deal", "arms-deal")
                    claim.supplier, claim.recipient = order.supplier, order.recipient
                    out.append(claim)
                elif _signed_anew(claim):
                    # "Lima signed the contract with MBDA in 2023": with nothing before it to name, the
                    # contract signed is a deal of its own, its sides read from its own sentence
                    out.append(claim)
                continue
            claim.term = Term(claim.term.start, claim.term.end, "agreement", last.term.label, last.term.category)
            # sides only guessed from the exporters' ranking ("Egypt, which receives U.S. aid, shelved
            # the deal") give way to the named deal's when they share a party
            guessed = claim.guessed_direction and bool({last.supplier, last.recipient} & {claim.supplier, claim.recipient})
            if not claim.explicit_pair or guessed:
                claim.supplier, claim.recipient = last.supplier, last.recipient
        elif claim.term.kind == "agreement":
            last = claim
        out.append(claim)
    return out


def _only_described(claim: Claim) -> bool:
    """A claim held present only by a cue word ("missiles, which have a range of 125 km") while no
    verb of the tree acts on it: a description of the system, not a statement of where it stands."""
    return claim.status == "present" and claim.view.doc is not None and read_tree(claim.view, claim.term).action is None


def inherit_status(claims: list[Claim]) -> None:
    """A claim no verb qualifies ("→ Admiral Gorshkov-class frigate.", "the Fateh-110 missiles, with
    ranges of ...") stands where the article last put the same system: the status of the latest
    claim about it that a verb did qualify; else it stays present."""
    last: dict[tuple[str, str, str], str] = {}
    for claim in claims:
        key = (claim.term.kind, claim.term.label.lower(), claim.supplier)
        if claim.cued and not _only_described(claim):
            last[key] = claim.status
        elif claim.status == DEFAULT_STATUS[claim.term.kind] and key in last and not _held_now(claim, last[key]):
            claim.status = last[key]  # no cue, or only a description holds it present


def _held_now(claim: Claim, last: str) -> bool:
    """"The instructors arrived ... at the moment, 1,200 of them are in the country": a force or item
    that got there and is said to stand so now is present, not arrived again. One still planned
    ("the launchers are at a plant near Minsk at the moment") stays planned."""
    return claim.status == "present" and last in ("delivered", "agreed") and tells_the_present(claim.sentence.text)


# "Nearby" in the annotation conventions: a repeated event takes the date of a claim whose sentence ends
# at most this many characters (about three sentences) before its own begins; further back, the
# article has usually moved on. Counted from the end, a long dated sentence is not held against it.
CARRY_WINDOW = 600
_CARRIED_STATUSES = ("delivered", "agreed", "ended")


def carry_dates(claims: list[Claim], published: str = "") -> None:
    """An undated past event that repeats one the article dated just before ("the jets landed on
    Monday ... an An-124 accompanied the bombers") took place then: same system or same pair, same
    status. So does one dated only by the publication day for want of a time of its own ("the
    missiles travel by sea and by air", after "shipments began in January"). Background
    ("previously sold", "had long supplied") and denials ("no deliveries were seen") keep theirs."""
    dated: list[Claim] = []
    for claim in claims:
        news_day = _dated_by_the_news_day(claim, published)
        if claim.date and not news_day:
            dated.append(claim)
            continue
        if news_day:
            dated.append(claim)  # a repeat of it may take its day, whether or not it finds an earlier one
            if claim.certainty == "denied":
                continue  # "Minsk denies it delivers them": said that day, a denial repeats no event
        if claim.status not in _CARRIED_STATUSES or is_background(claim.sentence.text):
            continue
        if claim.extra_suppliers or claim.extra_recipients:
            continue  # "flew Turkish, Iranian and Chinese drones": a summary over many parties, not one event again
        for earlier in reversed(dated[:-1] if news_day else dated):
            if claim.sentence.start - earlier.sentence.end > CARRY_WINDOW:
                break
            if news_day and _dated_by_the_news_day(earlier, published):
                continue  # only a time the text gives replaces the news day
            if (earlier.status == claim.status and _same_event(earlier, claim)
                    and (earlier.supplier, earlier.recipient) == (claim.supplier, claim.recipient)):
                claim.date = earlier.date
                break


def _dated_by_the_news_day(claim: Claim, published: str) -> bool:
    """Whether the claim's date is only the publication day: its sentence has no time expression."""
    return bool(published) and claim.date == published and not claim.view.times


BACK_WINDOW = 400


def carry_back_deal_dates(claims: list[Claim]) -> None:
    """A deal the lead states with no time of its own ("Armenia has signed for 84 guns", dated by the
    news day) that the next sentences date ("The deal ... was concluded in late August") was made
    then: an agreed claim whose sentence has no time expression takes the date of an agreement of
    the same pair, agreed, dated by a time expression of its own, that follows it closely."""
    for n, claim in enumerate(claims):
        if claim.status != "agreed" or claim.view.times or is_background(claim.sentence.text):
            continue
        for later in claims[n + 1:]:
            if later.sentence.start - claim.sentence.start > BACK_WINDOW:
                break
            if later.sentence.start <= claim.sentence.start:
                continue
            # "the deal", "the contract": the agreement named again, not another one of the same pair
            again = later.sentence.text[later.term.start:later.term.end].lower().startswith("the ")
            if (again and later.term.kind == "agreement" and later.status == "agreed" and later.view.times and later.date
                    and later.recipient == claim.recipient and later.supplier in ("", claim.supplier)):
                claim.date = later.date
                break


def carry_plans(claims: list[Claim], text: str) -> None:
    """A list of what a plan holds ("the warships will arrive next week ... The group will include:"
    then "→ a frigate.") is due when the plan is: a planned list item without a time of its own takes
    the date of the last plan of the same pair that a time expression dated, just before it."""
    dated: list[Claim] = []
    for claim in claims:
        if claim.status != "planned":
            continue
        if claim.view.times:
            dated.append(claim)
            continue
        line_start = text.rfind("\n", 0, claim.sentence.start) + 1
        if not _LIST_ITEM.match(text[line_start:claim.sentence.end]):
            continue
        for earlier in reversed(dated):
            if claim.sentence.start - earlier.sentence.start > CARRY_WINDOW:
                break
            if earlier.date and (earlier.supplier, earlier.recipient) == (claim.supplier, claim.recipient):
                claim.date = earlier.date
                break


# A list item: a line that opens with an arrow, a bullet or a dash.
_LIST_ITEM = re.compile(r"^\s*[→•▪◦·*–—-]\s*")


def _same_event(earlier: Claim, later: Claim) -> bool:
    """Whether two claims of one pair and status can be one event: the same system named again, or
    items agreed after the deal that agreed them ("the deal comprises radars and torpedoes")."""
    if earlier.term.label.lower() == later.term.label.lower():
        return True
    if (later.status in ("delivered", "ended") and earlier.term.kind == later.term.kind == "item"
            and later.certainty != "speculative"):
        # "the bombers landed on Monday ... a cargo plane accompanied them": one arrival; "suspended a
        # shipment of kits in May ... later confirmed it had halted the bombs": one hold; not "could
        # have carried arms", which says no event took place
        return True
    return later.status == "agreed" and later.term.kind == "item" and earlier.term.kind == "agreement"


def list_status(claims: list[Claim], text: str) -> None:
    """"The group will include:" then "→ a frigate.": a list item no verb qualifies stands where its
    introduction puts it; an introduction in the future (a modal of data/verb_cues.csv) makes it planned."""
    for claim in claims:
        if claim.cued or claim.status != DEFAULT_STATUS[claim.term.kind]:
            continue
        line_start = text.rfind("\n", 0, claim.sentence.start) + 1
        if not _LIST_ITEM.match(text[line_start:claim.sentence.end]):  # the splitter may have cut the bullet off
            continue
        intro = list_introduction(text, claim.sentence.start)
        if intro and syntax.speaks_of_the_future(intro):
            claim.status = "planned"


def list_introduction(text: str, start: int) -> str:
    """The line ending in a colon that the list holding the line at ``start`` hangs from, or ''."""
    for line in reversed(text[:start].splitlines()):
        if not line.strip() or _LIST_ITEM.match(line):
            continue
        return line if line.rstrip().endswith(":") else ""
    return ""


def extract_article(article: Article) -> list[Record]:
    """All records of one article, in text order."""
    return records_of(article, find_claims(article))


def records_of(article: Article, claims: list[Claim]) -> list[Record]:
    """The records of an article's candidate claims, in text order: roles filled from context,
    anaphora resolved, statuses inherited, non-claims dropped, duplicates merged."""
    fill_from_context(claims)
    deal_from_its_items(claims)
    claims = resolve_anaphora(claims)
    inherit_status(claims)
    list_status(claims, article.text)
    carry_dates(claims, article.published)
    carry_back_deal_dates(claims)
    carry_plans(claims, article.text)
    kept = []
    for candidate in (one for claim in claims for one in expand(claim)):
        candidate.place = resolve_place(candidate.view, candidate.term, candidate.recipient)
        if is_claim(candidate):
            kept.append(candidate)
    kept = drop_headline_repeats(_prefer_cued(kept))
    listed = {id(c) for c in _listed_alike(kept)}
    for claim in kept:
        if id(claim) in listed:
            # named as written ("howitzers", "rocket launchers"): two facts, not one "artillery" twice
            written = claim.sentence.text[claim.term.start:claim.term.end].lower()
            claim.term = replace(claim.term, label=written)
    records = [to_record(article, c) for c in kept]
    distinct = {r.record_id for c, r in zip(kept, records, strict=True) if id(c) in listed}
    return sorted(_dedupe(records, distinct), key=lambda r: (r.char_start, r.record_id))


def _listed_alike(claims: list[Claim]) -> list[Claim]:
    """Claims on generic items of one label that the sentence lists as separate things ("howitzers
    and rocket launchers" are both artillery): each is its own record, not a repeat of the other."""
    out = []
    for claim in claims:
        term, doc = claim.term, claim.view.doc
        if term.kind != "item" or term.designation or doc is None or not (claim.cued and claim.recipient):
            continue  # "fighter jets and bombers flew near the island": no transfer to anyone to split
        if any(other.term.label == term.label and not other.term.designation and other.sentence is claim.sentence
               and syntax.listed_together(doc, (term.start, term.end), (other.term.start, other.term.end))
               for other in claims):
            out.append(claim)
    return out


# --- articles in batches, within a time budget ------------------------------------------------

# Articles read together before the model parses their sentences in shared batches of nlp.BATCH_SIZE.
# An article has a dozen or so sentences to parse: alone it fills a fifth of a batch, and the model's
# cost per sentence falls with fuller batches (about 10 % of the parse, measured in bench/README.md).
ARTICLES_PER_GROUP = 32


def _article_name(article: Article) -> str:
    return Path(article.path.removeprefix("upload:")).name if article.path else article.article_id


def load_lexicons() -> None:
    """Build the language and every lexicon matcher (extract/matchers.py) once per process, before
    any article's time budget starts: a couple of seconds that are no article's cost."""
    read_sentence(Sentence(0, 0, "", 0), None, None)
    load_nlp()


def extract_within_budget(article: Article, budget: float | None = limits.DEFAULT_BUDGET_SECONDS) -> list[Record]:
    """extract_article with a time budget (whatever extractor runs inside checks it between
    sentences); what the caps cut joins the article's warnings. ArticleError naming the article
    when the budget runs out."""
    load_lexicons()
    name = _article_name(article)
    with limits.within_budget(budget) as spent:
        try:
            return extract_article(article)
        except limits.BudgetExceeded as err:
            raise ArticleError(name, f"{err}; skipped") from None
        finally:
            article.warnings.extend(f"{name}: {note}" for note in spent.notes)


@dataclass
class _Job:
    """One article of a group on its way through the steps, with its own budget."""

    article: Article
    budget: limits.Budget
    reading: ArticleReading | None = None
    docs: list[Doc] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    error: ArticleError | None = None

    def step(self, work: Callable[[_Job], None]) -> None:
        """Run ``work(job)`` on the article's budget; once the budget is spent, the article is out."""
        if self.error is None and self.budget.over():
            self.error = ArticleError(_article_name(self.article), f"{self.budget.exceeded()}; skipped")
        if self.error is not None:
            return
        with limits.charged_to(self.budget):
            try:
                work(self)
            except limits.BudgetExceeded as err:
                self.error = ArticleError(_article_name(self.article), f"{err}; skipped")
            except ArticleError as err:
                self.error = err


def _read(job: _Job) -> None:
    job.reading = read_article(job.article)


def _finish(job: _Job) -> None:
    """The project's steps on the article's parsed sentences, then its claims and records."""
    job.records = records_of(job.article, claims_from(job.reading, (read_doc(doc) for doc in job.docs)))


def parse_together(jobs: list[_Job]) -> None:
    """The model parses the pending sentences of several articles in shared batches of BATCH_SIZE.
    A batch's time is charged to its articles in proportion to their tokens in it (the model's cost
    per token hardly depends on the article), and an article whose budget is spent has no more of
    its sentences parsed: a hostile article costs the others nothing, and overruns its own budget by
    at most a batch, as when it is parsed alone."""
    queue: list[tuple[_Job, Doc]] = []
    for job in jobs:
        job.step(lambda job: queue.extend((job, doc) for doc in make_docs(job.reading.sentences())))
    position = 0
    while position < len(queue):
        batch: list[tuple[_Job, Doc]] = []
        while position < len(queue) and len(batch) < BATCH_SIZE:
            job, doc = queue[position]
            position += 1
            if job.error is None and not job.budget.over():
                batch.append((job, doc))
        if not batch:
            break
        start = time.monotonic()
        parsed = parse_model([doc for _, doc in batch])
        share = (time.monotonic() - start) / max(sum(len(doc) for _, doc in batch), 1)
        for (job, doc), done in zip(batch, parsed, strict=True):
            job.docs.append(done)
            job.budget.charge(share * len(doc))


def extract_group(articles: list[Article], budget: float | None = limits.DEFAULT_BUDGET_SECONDS) -> list[_Job]:
    """The records of several articles, each within its own time budget: each is read alone, their
    sentences parsed together (parse_together), then each article's claims are read alone."""
    load_lexicons()
    jobs = [_Job(article, limits.Budget(budget)) for article in articles]
    for job in jobs:
        job.step(_read)
    parse_together([job for job in jobs if job.error is None])
    for job in jobs:
        job.step(_finish)
        name = _article_name(job.article)
        job.article.warnings.extend(f"{name}: {note}" for note in job.budget.notes)
    return jobs


def extract_many(articles: list[Article], progress: Progress | None = None,
                 budget: float | None = limits.DEFAULT_BUDGET_SECONDS,
                 skipped: list[str] | None = None) -> list[tuple[Article, list[Record]]]:
    """Extract articles in order, in groups of ARTICLES_PER_GROUP whose sentences the model parses
    together, reporting progress after each group; an article over its time budget is left out,
    and the reason added to ``skipped``."""
    results = []
    done = 0
    for first in range(0, len(articles), ARTICLES_PER_GROUP):
        for job in extract_group(articles[first:first + ARTICLES_PER_GROUP], budget):
            if job.error is None:
                results.append((job.article, job.records))
            elif skipped is not None:
                skipped.append(str(job.error))
            done += 1
        if progress:
            progress(done, len(articles))
    return results
