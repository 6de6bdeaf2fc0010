"""The pipeline: the ordered steps an article goes through, and runs over a folder of articles.

    read article -> split sentences -> read each sentence (countries, places, terms, cues, dates)
    -> candidate claims -> fill roles from the article's context -> keep real claims -> records

A run extracts only articles whose content hash changed, stores them in one transaction, rebuilds
the consolidated facts, and writes records.csv and facts.csv atomically.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import facts, limits, quotes, references, status, store
from .articles import (
    ARTICLE_SUFFIXES,
    Article,
    ArticleError,
    article_from_bytes,
    assign_article_ids,
    find_article_files,
    read_article,
    read_metadata,
    scan_folder,
)
from .claims import Claim, SentenceView, claims_of, read_sentence, resolve_place
from .dates import infer_publication_date
from .nlp import annotate
from .places import CountryMention, find_countries
from .records import COLUMNS, Record, make_record_id, table_to_csv, write_atomic
from .roles import fill_roles
from .sentences import split_sentences
from .terms import Term

# The label data/agreement_terms.csv gives "the pact", "the deal": resolved to the agreement named before.
ANAPHORIC_LABEL = "(earlier agreement)"

Progress = Callable[[int, int], None]


@dataclass
class RunSummary:
    """What a run did: articles read, extracted and unchanged, records by kind, files skipped."""

    articles: int = 0
    extracted: int = 0
    unchanged: int = 0
    records_by_kind: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary every run ends with."""
        kinds = ", ".join(f"{n} {k}s" for k, n in sorted(self.records_by_kind.items())) or "no records"
        return (f"{self.articles} articles ({self.extracted} extracted, {self.unchanged} unchanged), "
                f"records: {kinds}; skipped files: {len(self.skipped)}")


def publication_date(article: Article) -> date | None:
    """The article's publication date; inferred from its text (and marked so) when metadata lacks it."""
    if article.published:
        return date.fromisoformat(article.published)
    inferred = infer_publication_date(article.text)
    if inferred:
        article.published = inferred.isoformat()
        article.published_inferred = True
    return inferred


_PAIR_PHRASE = re.compile(r"\b(?:the two|both) (?:countries|nations|sides|governments|states|allies|neighbou?rs|capitals)\b", re.I)


def pair_mentions(text: str, previous: list[str]) -> list[CountryMention]:
    """"The two countries signed...": the two countries the text named last, as mentions."""
    match = _PAIR_PHRASE.search(text)
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
_REFERENCE_WORD = re.compile(r"\b(?:the|these|this|those|its|their|first|second|new|additional)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:jets?|aircraft|planes?|fighters?|bombers?|systems?|deliver(?:y|ies)|shipments?|batch(?:es)?|"
                            r"frigates?|submarines?|ships?|vessels?|components?|equipment|units?|batter(?:y|ies))\b"
                            r"|\bit\s+(?:has\s+been|had\s+been|was|is|will\s+be)\s+\w+ed\b", re.I)
# Sentences without a lexicon term are parsed when they name a deal: the tree may find one signed.
_DEAL_WORD = re.compile(r"\b(?:agreements?|deals?|contracts?|memorand|MoUs?|accords?|pacts?|letters? of intent|agreed)\b", re.I)


# A dateline ("TAIPEI, Taiwan (AP) —") says where the story was filed, not who acts in it.
_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'’-]+,[^()\n]{0,40}(?:\([^)]{1,20}\))?\s*[-–—]+\s*")


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
    often in those roles (ties go to the first named)."""
    recipients = Counter(c.recipient for c in claims if c.recipient)
    recipient = recipients.most_common(1)[0][0] if recipients else ""
    suppliers = Counter(c.supplier for c in claims if c.supplier and c.supplier != recipient)
    return (suppliers.most_common(1)[0][0] if suppliers else ""), recipient


def find_claims(article: Article) -> list[Claim]:
    """Sentence by sentence, the candidate claims of an article (roles not yet filled from context)."""
    pub = publication_date(article)
    anchor = pub
    claims: list[Claim] = []
    pending: list[tuple[SentenceView, bool]] = []
    focus = references.Focus()
    times: list = []
    attributed_line = -1
    lines = article.text.splitlines(keepends=True)
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line))
    lead_end = lead_offset(lines, line_starts)
    paragraph: tuple[int, list, str] = (-1, [], "")
    previous_countries: list[str] = []
    for sentence in split_sentences(article.text):
        limits.check()  # the article's time budget, between sentences (see extract/limits.py)
        if sentence.line != paragraph[0]:
            line_text = lines[sentence.line]
            spans = quotes.quoted_spans(line_text)
            paragraph = (sentence.line, spans, quotes.find_speaker(line_text, spans))
        _, spans, speaker = paragraph
        offset = sentence.start - line_starts[sentence.line]
        pronouns = quotes.pronoun_mentions(lines[sentence.line], spans, speaker, offset, len(sentence.text))
        pronouns += pair_mentions(sentence.text, previous_countries)
        view = read_sentence(sentence, pub, anchor, pronouns)
        named = list(dict.fromkeys(m.iso3 for m in view.countries))
        if len(named) >= 2:
            previous_countries = named
        context_claimed = attributed_line == sentence.line
        focus.add(view.terms)
        if view.terms or _DEAL_WORD.search(sentence.text) or _REFERENCE_WORD.search(sentence.text):
            pending.append((view, context_claimed))
        if status.is_attributed(sentence.text):
            attributed_line = sentence.line
        # a later "a day earlier" counts from the last day this article named
        days = [t for t in view.times if t.first == t.last]
        times.extend(view.times)
        if days:
            anchor = days[-1].first
    # the language (parser and the project's steps) runs only on sentences that hold a candidate,
    # in one batch per article
    docs = annotate((view.sentence.text, view.terms, actor_mentions(view), focus) for view, _ in pending)
    day, day_named = (None, False) if article.published_inferred else news_date(pub, times)
    for (view, context_claimed), doc in zip(pending, docs, strict=True):
        limits.check()  # parsing is lazy: the budget is checked as each sentence comes out of the parser
        view.doc, view.news_date, view.news_day_named = doc, day, day_named
        view.terms = doc._.arms_terms
        view.lead = view.sentence.start < lead_end
        claims.extend(claims_of(view, pub, context_claimed, article.published_inferred))
    return claims


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
        claim.supplier, claim.recipient = fill_roles_for(claim, local)
        claim.certainty = attributed_certainty(claim)
        if claim.supplier and claim.recipient:
            previous = claim


def attributed_certainty(claim: Claim) -> str:
    """A claim a third country's speaker makes about two others ("Blinken said Iran sent...") is
    claimed; what a party's own official says stays confirmed."""
    if claim.certainty != "confirmed":
        return claim.certainty
    text = claim.sentence.text
    speaker = quotes.find_speaker(text, claim.view.quote_spans, claim.view.countries)
    if speaker and claim.supplier and claim.recipient and speaker not in (claim.supplier, claim.recipient):
        return "claimed"
    return claim.certainty


def place_country(claim: Claim) -> str:
    """The country of the place a claim happens at ("seen at Bamako-Senou airport"), when it is not
    the supplier's: the host of a delivery or a force."""
    others = [c for c in claim.parties if c != claim.supplier]
    if claim.term.kind == "agreement" or others:
        return ""
    place = resolve_place(claim.view, claim.term, "")
    if place and place.kind != "country" and place.iso3 and place.iso3 != claim.supplier:
        return place.iso3
    return ""


def fill_roles_for(claim: Claim, pair: tuple[str, str]) -> tuple[str, str]:
    """The claim's roles with gaps filled from ``pair`` (the paragraph's or the article's)."""
    return fill_roles(claim.supplier, claim.recipient, claim.parties, claim.term, pair,
                      allow_context_recipient=claim.term.kind != "deployment",
                      co_suppliers=tuple(claim.extra_suppliers),
                      term_prefix=claim.sentence.text[max(0, claim.term.start - 30):claim.term.start],
                      leaving=claim.status == "ended")


def is_claim(claim: Claim) -> bool:
    """Whether a candidate is a real claim: a deployment needs a host other than its sender; a
    word too common alone needs a party."""
    if claim.term.kind == "deployment":
        host = claim.recipient or (claim.place.iso3 if claim.place and claim.place.kind != "country" else "")
        if not claim.supplier:
            return False  # a force always has a sender
        if claim.term.category == "naval" and not host:
            return True  # ships at sea: a sender, and no host
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


def _dedupe(records: list[Record]) -> list[Record]:
    """One record per claim: an agreement once per sentence and category, any other term once per
    sentence, kind, label, parties and status."""
    seen: set = set()
    ids: set[str] = set()  # kept as it grows: rebuilding it per record was quadratic in the records
    out = []
    for record in records:
        if record.kind == "agreement":
            key = (record.char_start, record.kind, record.category)
        elif record.kind == "deployment":
            # "Africa Corps has deployed personnel to Niger": one force per sender, host and category
            # ("advisers and F-16 jets" are two)
            key = (record.char_start, record.kind, record.category, record.supplier, record.recipient)
        else:
            # "received the first batch of six ... has purchased 25 J-10Cs": two claims, two statuses
            key = (record.char_start, record.kind, record.label.lower(), record.supplier, record.recipient, record.status)
        if key in seen or record.record_id in ids:
            continue
        seen.add(key)
        ids.add(record.record_id)
        out.append(record)
    return out


def _prefer_cued(claims: list[Claim]) -> list[Claim]:
    """Of the same agreement named twice in a sentence, keep the mention with a status cue."""
    ranked = sorted(claims, key=lambda c: (c.sentence.start, c.term.kind != "agreement", c.status == "present"))
    return sorted(ranked, key=lambda c: c.sentence.start)


def resolve_anaphora(claims: list[Claim]) -> list[Claim]:
    """"The pact", "the deal": the agreement the article named last, or the order its own sentence
    reports ("Egypt ordered Su-35s from Russia, but the deal was frozen"); dropped when there is neither."""
    out, last = [], None
    for claim in claims:
        if claim.term.kind == "agreement" and claim.term.label == ANAPHORIC_LABEL:
            order = next((c for c in out if c.sentence.start == claim.sentence.start and c.term.kind == "item"
                          and c.status == "agreed" and c.supplier and c.recipient), None)
            if order is not None:
                claim.term = Term(claim.term.start, claim.term.end, "agreement", "arms deal", "arms-deal")
                claim.supplier, claim.recipient = order.supplier, order.recipient
                out.append(claim)
                continue
            if last is None:
                continue
            claim.term = Term(claim.term.start, claim.term.end, "agreement", last.term.label, last.term.category)
            if not claim.explicit_pair:
                claim.supplier, claim.recipient = last.supplier, last.recipient
        elif claim.term.kind == "agreement":
            last = claim
        out.append(claim)
    return out


def inherit_status(claims: list[Claim]) -> None:
    """A claim no verb qualifies ("→ Admiral Gorshkov-class frigate.", "the Fateh-110 missiles, with
    ranges of ...") stands where the article last put the same system: the status of the latest
    claim about it that a verb did qualify; else it stays present."""
    last: dict[tuple[str, str, str], str] = {}
    for claim in claims:
        key = (claim.term.kind, claim.term.label.lower(), claim.supplier)
        if claim.cued:
            last[key] = claim.status
        elif claim.status == "present" and key in last:
            claim.status = last[key]


def extract_article(article: Article) -> list[Record]:
    """All records of one article, in text order."""
    claims = find_claims(article)
    fill_from_context(claims)
    claims = resolve_anaphora(claims)
    inherit_status(claims)
    kept = []
    for candidate in (one for claim in claims for one in expand(claim)):
        candidate.place = resolve_place(candidate.view, candidate.term, candidate.recipient)
        if is_claim(candidate):
            kept.append(candidate)
    records = [to_record(article, c) for c in _prefer_cued(kept)]
    return sorted(_dedupe(records), key=lambda r: (r.char_start, r.record_id))


# --- runs over a folder -------------------------------------------------------------------------

def load_folder(folder: Path, summary: RunSummary) -> list[Article]:
    """Read every article of a folder; unreadable files, links out of the folder and bad rows of
    articles.csv are skipped with a reason in the summary."""
    meta, problems = read_metadata(folder)
    summary.skipped.extend(problems)
    paths, refused = scan_folder(folder)
    summary.skipped.extend(refused)
    ids, clashes = assign_article_ids(paths)
    summary.warnings.extend(clashes)
    articles = []
    for path in paths:
        try:
            article = read_article(path, meta.get(ids[path], meta.get(path.stem)), ids[path])
        except (ArticleError, OSError) as err:
            summary.skipped.append(str(err) if isinstance(err, ArticleError) else f"{path.name}: {err.strerror}")
            continue
        articles.append(article)
    return articles


def run(articles_dir: Path, out_dir: Path | None = None, db_path: Path = store.DEFAULT_DB,
        progress: Progress | None = None, engine: str = "local", scheduler: str | None = None,
        workers: int | None = None, budget: float | None = limits.DEFAULT_BUDGET_SECONDS) -> RunSummary:
    """Extract new or changed articles of a folder into the store, each within ``budget`` seconds
    (one over it is skipped); write the CSVs when asked."""
    summary = RunSummary()
    articles = load_folder(Path(articles_dir), summary)
    summary.articles = len(articles)
    check_writable(out_dir)  # before the store changes: a run either writes both, or neither
    conn = store.connect(db_path)
    try:
        keep_uploads(articles, store.uploaded_ids(conn), summary)
        known = store.known_hashes(conn)
        todo = [a for a in articles if known.get(a.article_id) != a.content_hash]
        summary.unchanged = len(articles) - len(todo)
        if engine == "dask":
            from .engine import extract_with_dask
            results = extract_with_dask(todo, scheduler=scheduler, workers=workers, progress=progress,
                                        budget=budget, skipped=summary.skipped)
        else:
            results = extract_many(todo, progress, budget, summary.skipped)
        done = {a.article_id: a for a, _ in results}
        summary.warnings.extend(w for a in articles for w in done.get(a.article_id, a).warnings)
        summary.extracted = store.save_articles(conn, ((a.as_row(), recs) for a, recs in results))
        if summary.extracted or not outputs_current(out_dir, Path(db_path)):
            write_outputs_after_store(conn, out_dir, summary, Path(db_path))
        else:
            summary.records_by_kind = store.count_by_kind(conn)
    finally:
        conn.close()
    return summary


def keep_uploads(articles: list[Article], uploaded: set[str], summary: RunSummary) -> None:
    """A file whose id an uploaded article already holds takes its whole file name as its id (with a
    warning), as two files sharing a stem do: a folder run never replaces an upload."""
    for article in articles:
        if article.article_id in uploaded:
            name = Path(article.path).name
            summary.warnings.append(f"{name}: an uploaded article holds the id {article.article_id!r}; "
                                    f"this file's article id is {name!r}")
            article.article_id = name


def extract_within_budget(article: Article, budget: float | None = limits.DEFAULT_BUDGET_SECONDS) -> list[Record]:
    """extract_article with a time budget (whatever extractor runs inside checks it between
    sentences); what the caps cut joins the article's warnings. ArticleError naming the article
    when the budget runs out."""
    name = Path(article.path.removeprefix("upload:")).name if article.path else article.article_id
    with limits.within_budget(budget) as spent:
        try:
            return extract_article(article)
        except limits.BudgetExceeded as err:
            raise ArticleError(name, f"{err}; skipped") from None
        finally:
            article.warnings.extend(f"{name}: {note}" for note in spent.notes)


def extract_many(articles: list[Article], progress: Progress | None = None,
                 budget: float | None = limits.DEFAULT_BUDGET_SECONDS,
                 skipped: list[str] | None = None) -> list[tuple[Article, list[Record]]]:
    """Extract articles in order, reporting progress after each; an article over its time budget is
    left out, and the reason added to ``skipped``."""
    results = []
    for done, article in enumerate(articles, start=1):
        try:
            results.append((article, extract_within_budget(article, budget)))
        except ArticleError as err:
            if skipped is not None:
                skipped.append(str(err))
        if progress:
            progress(done, len(articles))
    return results


class OutputError(Exception):
    """OUT_DIR cannot be written; the message says whether the store was changed."""


def check_writable(out_dir: Path | None) -> None:
    """Raise OutputError when records.csv and facts.csv could not be written into ``out_dir``."""
    if out_dir is None:
        return
    try:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as err:
        raise OutputError(f"cannot write to {out_dir} ({err.strerror or err}); nothing was changed") from None


def write_outputs_after_store(conn, out_dir: Path | None, summary: RunSummary, db_path: Path) -> None:
    """write_outputs, saying that the store was written when the CSVs then fail."""
    try:
        write_outputs(conn, out_dir, summary)
    except OSError as err:
        raise OutputError(f"the store {db_path} was updated, but records.csv and facts.csv could not be "
                          f"written to {out_dir} ({err.strerror or err})") from None


def outputs_current(out_dir: Path | None, db_path: Path) -> bool:
    """Whether records.csv and facts.csv were written after the store last changed: a run that
    extracts nothing then need not rewrite 200,000 rows."""
    if out_dir is None:
        return True
    paths = [Path(out_dir) / "records.csv", Path(out_dir) / "facts.csv"]
    return all(p.exists() for p in paths) and min(p.stat().st_mtime_ns for p in paths) >= db_path.stat().st_mtime_ns


def write_outputs(conn, out_dir: Path | None, summary: RunSummary) -> None:
    """records.csv and facts.csv of the whole store; the summary counts records by kind."""
    summary.records_by_kind = store.count_by_kind(conn)
    if out_dir is None:
        return
    out_dir = Path(out_dir)
    write_atomic(out_dir / "records.csv", table_to_csv(COLUMNS, store.iter_record_rows(conn), neutralise=False))
    write_atomic(out_dir / "facts.csv", table_to_csv(store.FACT_COLUMNS, store.iter_fact_rows(conn), neutralise=False))


def ingest_text(name: str, data: bytes, db_path: Path = store.DEFAULT_DB, meta: dict | None = None,
                budget: float | None = limits.DEFAULT_BUDGET_SECONDS) -> RunSummary:
    """Extract one uploaded or pasted article into the store; ArticleError (and no change) when it
    cannot be taken. Its id is its cleaned name; when an article of that id with other text is
    stored, it gets a new id (said in a warning), never replaces it; the same text again is
    "unchanged" (re-extracted only when its metadata or the extractor changed)."""
    meta = {k: v for k, v in (meta or {}).items() if v}
    path = Path(name)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(name, f"unsupported file type {path.suffix or '(none)'}; use .txt, .md or .html")
    if meta.get("published"):
        try:
            date.fromisoformat(meta["published"])
        except ValueError:
            raise ArticleError(name, f"publication date {meta['published']!r} is not YYYY-MM-DD") from None
    article = article_from_bytes(name, data, "", meta, path=f"upload:{name}")
    conn = store.connect(db_path)
    try:
        summary = RunSummary(articles=1, warnings=list(article.warnings))
        article.article_id, stored = upload_id(conn, path.stem, article.text)
        if article.article_id != _safe_id(path.stem, article.text):
            summary.warnings.append(f"{name}: an article with the same name and other text is already stored; "
                                    f"this one is stored as {article.article_id!r}")
        if stored and stored["content_hash"] == article.content_hash:
            summary.unchanged = 1
        else:
            records = extract_within_budget(article, budget)
            summary.warnings.extend(w for w in article.warnings if w not in summary.warnings)
            summary.extracted = store.save_articles(conn, [(article.as_row(), records)])
        write_outputs(conn, None, summary)
    finally:
        conn.close()
    return summary


def upload_id(conn, stem: str, text: str) -> tuple[str, dict | None]:
    """An upload's article id, and the stored article of that id if it holds the same text: its
    cleaned name, else that name with a digest of its text (never another text's id)."""
    base = _safe_id(stem, text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    for candidate in (base, f"{base}-{digest[:8]}", f"{base}-{digest}"):
        stored = store.stored_article(conn, candidate)
        if stored is None or stored["text"] == text:
            return candidate, stored
    raise ArticleError(stem, "its name and the digest of its text are taken by other articles")  # never seen: a SHA-256 clash


def _safe_id(stem: str, text: str) -> str:
    """A file-name-safe article id for an upload: its name, or a content hash when it has none."""
    clean = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in stem).strip("_")[:80]
    return clean or "upload_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def needs_extraction(articles_dir: Path, db_path: Path) -> bool:
    """True when the store is missing or empty, or older than an article or the metadata file."""
    db_path = Path(db_path)
    if not db_path.exists():
        return True
    conn = store.connect(db_path)
    try:
        if not store.known_hashes(conn):
            return True
    finally:
        conn.close()
    stamp = db_path.stat().st_mtime
    files: Iterable[Path] = list(find_article_files(Path(articles_dir))) + [Path(articles_dir) / "articles.csv"]
    return any(p.exists() and p.stat().st_mtime > stamp for p in files)
