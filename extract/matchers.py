"""Lexicon matching with spaCy's matchers: the tables under data/ compiled into ``PhraseMatcher`` and
``Matcher`` patterns, run on a sentence's tokens (the tokenizer only: the tagger and the parser run
later, and only on sentences where these matches found a candidate; extract/pipeline.py).

- Designations (data/equipment.csv, labels and aliases): a ``PhraseMatcher`` on ORTH (case matters:
  "Patriot" is a system, "patriot" is not), with each name's spelling variants added as patterns
  (hyphen written as a space, an en dash or nothing: "Tu-160", "Tu 160", "Tu160") and its plural
  ("F-16s"; spaCy's tokenizer keeps "F-16s" one token). A family row (pattern_family=1) also names its
  variants glued to it ("Su-30" -> "Su-30MK2", labelled as written): see ``_family_variants``.
- Term tables (data/generic_terms.csv, deployment_terms.csv, agreement_terms.csv): a ``PhraseMatcher``
  on NORM (case- and spelling-insensitive: "defence" = "defense") for the ``phrases`` column, a
  ``Matcher`` for the ``pattern`` column (spaCy token patterns, JSON), then the row's context checks
  (``qualifier``, ``followed_by``, ``not_followed_by``, ``not_preceded_by``: regexes on the characters
  around the match, for what a list of words cannot say).

A match must stand on its own: not glued to a word or a hyphen on either side ("anti-tank" holds no
"tank", "Su-35-based" no "Su-35"), as the tokenizer splits hyphens before letters.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from spacy.attrs import IDX, LENGTH, NORM
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .lexicon import load_table, split_values

# How far back a term's qualifier may look.
QUALIFIER_WINDOW = 60
# The characters a match may not touch: a word character or a hyphen right before or after it.
_GLUED_BEFORE = re.compile(r"[\w-]")
_GLUED_AFTER = re.compile(r"[\w-]")
# A designation may touch its plural or possessive ("F-16s", "F-16's"), nothing else alphanumeric.
_DESIGNATION_GLUED_AFTER = re.compile(r"[A-Za-z0-9-]")
# The dashes a designation may be written with, and what may stand for them.
_DASHES = "-‐‑–"
_DASH_VARIANTS = ("-", "", " ", "–")
# Unicode's hyphen and non-breaking hyphen are read as "-" (see ``tokens``): no pattern spells them.
_HYPHENS = str.maketrans({"‐": "-", "‑": "-"})
# Variant suffix glued to a family designation: Su-30 -> Su-30MK2, S-300 -> S-300PMU-2, Mi-17 -> Mi-17V-5.
_VARIANT = re.compile(r"(?:[A-Z]{1,4}\d?(?:-\d{1,2})?|\d?[A-Z]{1,3}\d?)(?:/[A-Z]{1,2})?")
_MAX_VARIANT = 12  # the longest string _VARIANT matches, with a plural "s"


@lru_cache(maxsize=1)
def _nlp():
    from .nlp import load_nlp

    return load_nlp()


class Tokens:
    """A sentence as spaCy's tokenizer cuts it (no tagger, no parser), with its text and the
    character offsets of its tokens read once (``Doc.text`` and ``Token`` objects are rebuilt on
    every access, which costs more than the matching)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        offsets = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        self.starts = [start for start, _ in offsets]
        self.ends = [start + length for start, length in offsets]

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """The characters of tokens [start, end)."""
        return self.starts[start], self.ends[end - 1]

    def token_at(self, char: int) -> int:
        """The index of the first token that starts at or after ``char``."""
        return bisect_left(self.starts, char)

    @cached_property
    def runs(self) -> list[tuple[int, list[int]]]:
        """The sentence's words as written, whatever the tokenizer cut off them: runs of characters
        without a space ("FTC-2000G" is the tokens "FTC-2000" + "G", "HQ-9/P" three tokens) that hold
        a digit or a capital past their first character (what a designation holds), each as (its
        start, the end of each of its tokens). Designations are read on these (_family_variants,
        equipment.find_unknown_designations)."""
        out = []
        for match in _DESIGNATION_RUN.finditer(self.text):
            first = bisect_right(self.ends, match.start())
            last = bisect_left(self.ends, match.end())
            out.append((match.start(), self.ends[first:last + 1]))
        return out


_DESIGNATION_RUN = re.compile(r"\S(?:\S*?[\dA-Z])\S*")


@lru_cache(maxsize=1)
def _pattern_tokenizer() -> Tokenizer:
    """The language's tokenizer (its rules, so patterns are cut as sentences are) over a vocabulary of
    its own: the names' tens of thousands of spellings neither grow the language's vocabulary nor pay
    for the lexical attributes it computes for each new word. Matching on ORTH needs only the words'
    hashes, which are the same in every vocabulary."""
    model = _nlp().tokenizer
    return Tokenizer(Vocab(), rules=model.rules, prefix_search=model.prefix_search, suffix_search=model.suffix_search,
                     infix_finditer=model.infix_finditer, token_match=model.token_match, url_match=model.url_match,
                     faster_heuristics=model.faster_heuristics)


def tokens(text: str) -> Tokens:
    """The sentence's Tokens: made once per sentence by claims.read_sentence and shared by every
    finder of the sentence, then parsed when the sentence holds a candidate (extract/nlp.py).
    Unicode's hyphens ("Su‑35") are read as "-" (same offsets); such a Doc keeps the sentence as
    written, which the parser reads instead."""
    read = text.translate(_HYPHENS)
    doc = _nlp().make_doc(read)
    if read != text:
        doc.user_data[HYPHENS_READ] = text
    return Tokens(doc, read)


HYPHENS_READ = "arms_hyphens_read"


def as_tokens(text: str | Tokens) -> Tokens:
    return text if isinstance(text, Tokens) else tokens(text)


def glued_before(text: str, start: int) -> bool:
    return start > 0 and _GLUED_BEFORE.match(text[start - 1]) is not None


def glued_after(text: str, end: int, after: re.Pattern = _GLUED_AFTER) -> bool:
    return end < len(text) and after.match(text[end]) is not None


def glued(text: str, start: int, end: int, after: re.Pattern = _GLUED_AFTER) -> bool:
    """Whether [start, end) touches a word or a hyphen: then it is part of another word."""
    return glued_before(text, start) or glued_after(text, end, after)


# --- designations ------------------------------------------------------------------------------

def spelling_variants(form: str) -> list[str]:
    """A designation as writers spell it: its dashes as a dash, an en dash, a space or nothing, and
    each of those in the plural.

    >>> spelling_variants("Tu-160")[:4]
    ['Tu-160', 'Tu-160s', 'Tu160', 'Tu160s']
    """
    out: list[str] = []
    bases = [form]
    if any(d in form for d in _DASHES):
        bases += [re.sub(f"[{_DASHES}]", v, form) for v in _DASH_VARIANTS]
    for base in dict.fromkeys(bases):
        out += [base, base + "s"]
    return list(dict.fromkeys(out))


# A name written as words ("Anka", "Bayraktar Akinci"): some outlets set it in capitals ("ANKA").
_NAME_WORDS = re.compile(r"[A-Z][a-z]{3,}(?:[ -][A-Z][a-z]+)*")


def capitals_variants(form: str) -> list[str]:
    """A designation that is a name in words, as outlets that set names in capitals write it
    ("ANKA" for "Anka"). Codes with digits and short words are left as they are.

    >>> capitals_variants("Anka"), capitals_variants("Su-35")
    (['ANKA', 'ANKAs'], [])
    """
    if not _NAME_WORDS.fullmatch(form):
        return []
    return [form.upper(), form.upper() + "s"]


def designation_key(form: str) -> str:
    """A designation without its spaces and dashes, lowercased: the key its lexicon row is found by."""
    return re.sub(r"[\s\-‐‑–]+", "", form).lower()


@dataclass(frozen=True)
class Designations:
    """The equipment lexicon compiled: its matcher, and its rows by key and by family."""

    matcher: PhraseMatcher
    by_key: dict[str, dict]
    # a family as written (each spelling variant) -> its row; and the lengths of those spellings
    families: dict[str, dict]
    family_lengths: tuple[int, ...]


@lru_cache(maxsize=1)
def designations() -> Designations:
    by_key: dict[str, dict] = {}
    patterns: dict[str, str] = {}  # spelling -> key of its row
    families: dict[str, dict] = {}
    for row in load_table("equipment"):
        for form in [row["label"], *split_values(row.get("aliases", ""))]:
            by_key.setdefault(designation_key(form), row)
            for spelling in spelling_variants(form) + capitals_variants(form):
                patterns.setdefault(spelling, designation_key(form))
        if row.get("pattern_family") == "1":
            for spelling in spelling_variants(row["label"])[::2]:  # no plural: the variant follows
                families.setdefault(spelling, row)
    tokenizer = _pattern_tokenizer()
    matcher = PhraseMatcher(tokenizer.vocab, attr="ORTH")
    # a match key per designation key: the match tells which row it names (by_key)
    grouped: dict[str, list[str]] = {}
    for spelling, key in patterns.items():
        grouped.setdefault(key, []).append(spelling)
    for key, spellings in grouped.items():
        matcher.add(key, list(tokenizer.pipe(spellings)))
    return Designations(matcher, by_key, families, tuple(sorted({len(f) for f in families}, reverse=True)))


@dataclass(frozen=True)
class Match:
    """A lexicon match in a sentence: characters [start, end), the table row it matched, and for a
    family variant the label as written ("Su-30MK2")."""

    start: int
    end: int
    row: dict
    label: str


def leftmost_longest(spans: list, start=lambda m: m.start, end=lambda m: m.end) -> list:
    """Of overlapping matches, the one that begins first, the longest of those; the rest are read
    after it ("S-70 Okhotnik drones" is "S-70 Okhotnik", not its alias "Okhotnik drones")."""
    kept, taken = [], -1
    for span in sorted(spans, key=lambda m: (start(m), -end(m))):
        if start(span) >= taken:
            kept.append(span)
            taken = end(span)
    return kept


def find_designations(text: str | Tokens) -> list[Match]:
    """The equipment lexicon's designations named in a sentence, leftmost and longest."""
    sentence = as_tokens(text)
    lexicon = designations()
    strings = lexicon.matcher.vocab.strings
    found = []
    for match_id, start, end in lexicon.matcher(sentence.doc):
        s, e = sentence.chars(start, end)
        if glued(sentence.text, s, e, _DESIGNATION_GLUED_AFTER):
            continue
        row = lexicon.by_key[strings[match_id]]
        found.append(Match(s, _with_possessive(sentence, e), row, row["label"]))
    return leftmost_longest(found + _family_variants(sentence, lexicon))


_POSSESSIVE = re.compile(r"['’]s\b")


def _with_possessive(sentence: Tokens, end: int) -> int:
    """"F-16's" is the designation with its possessive, as one term."""
    return end + 2 if _POSSESSIVE.match(sentence.text, end) else end


def _family_variants(sentence: Tokens, lexicon: Designations) -> list[Match]:
    """Variants glued to a family ("Su-30MK2", "Buk-M2E", "Leopard 2A6", "T-90M"): a variant suffix
    (plural allowed) that ends where a token ends, right after the characters of a family's name
    (which may begin in an earlier word: "Leopard 2" + "A6"). Labelled as written, unless the lexicon
    knows the variant by name (then its own row)."""
    text = sentence.text
    found = []
    for run_start, ends in sentence.runs:
        match = None
        for end in reversed(ends):  # the longest word first
            # then the longest family; a variant is a few characters (bounded: a run may be a
            # hostile page without spaces)
            for cut in range(end - 1, max(run_start, end - _MAX_VARIANT - 1), -1):
                if not (text[cut].isupper() or text[cut].isdigit()):
                    continue
                variant = text[cut:end]
                if not _VARIANT.fullmatch(variant):
                    if not (variant.endswith("s") and _VARIANT.fullmatch(variant[:-1])):
                        continue
                    variant = variant[:-1]
                family = next((text[cut - n:cut] for n in lexicon.family_lengths
                               if n <= cut and text[cut - n:cut] in lexicon.families), None)
                if family is None or glued(text, cut - len(family), end, _DESIGNATION_GLUED_AFTER):
                    continue
                match = (cut - len(family), end, family, variant)
                break
            if match:
                break
        if match is None:
            continue
        start, end, family, variant = match
        row = lexicon.families[family]
        known = lexicon.by_key.get(designation_key(family + variant))
        label = known["label"] if known else row["label"] + variant
        found.append(Match(start, _with_possessive(sentence, end), known or row, label))
    return found


# --- term tables -------------------------------------------------------------------------------

@dataclass(frozen=True)
class TermRow:
    """One row of a term table: what it names and the checks on the text around a match."""

    kind: str
    label: str
    category: str
    needs_context: bool
    qualifier: re.Pattern | None = None
    followed_by: re.Pattern | None = None
    not_followed_by: re.Pattern | None = None
    not_preceded_by: re.Pattern | None = None


def _regex(cell: str, suffix: str = "") -> re.Pattern | None:
    return re.compile("(?:" + cell + ")" + suffix, re.I) if cell else None


@dataclass(frozen=True)
class TermTable:
    rows: tuple[TermRow, ...]
    phrases: PhraseMatcher
    patterns: Matcher
    # the NORMs (hashes) the token patterns can begin with; None: a pattern may begin with any token
    pattern_starts: frozenset[int] | None


def _first_norms(pattern: list[dict], strings) -> set[int] | None:
    """The NORMs a token pattern's first matched token must have, or None when that is not a NORM
    test. An optional first token ("OP": "?" or "*": "[drone] maintenance centre") adds the NORMs
    of the token after it, which may come first instead."""
    if not pattern:
        return None
    first = pattern[0]
    norm, op = first.get("NORM"), first.get("OP")
    if set(first) - {"NORM", "OP"} or norm is None or op not in (None, "?", "*", "+", "1"):
        return None
    values = norm.get("IN") if isinstance(norm, dict) else [norm]
    if not values:
        return None
    found = {strings.add(v) for v in values}
    if op in ("?", "*"):
        rest = _first_norms(pattern[1:], strings)
        return None if rest is None else found | rest
    return found


@cache
def term_table(table: str) -> TermTable:
    """data/<table>.csv compiled: a PhraseMatcher for its phrases, a Matcher for its token patterns;
    the match key of both is the row's index."""
    nlp = _nlp()
    phrases = PhraseMatcher(nlp.vocab, attr="NORM")
    patterns = Matcher(nlp.vocab)
    starts: set[int] | None = set()
    rows = []
    for index, row in enumerate(load_table(table)):
        rows.append(TermRow(
            kind=row.get("kind") or "agreement",
            label=row["label"],
            category=row["category"],
            needs_context=row.get("needs_context") == "1",
            qualifier=_regex(row.get("qualifier", ""), "$"),
            followed_by=_regex(row.get("followed_by", "")),
            not_followed_by=_regex(row.get("not_followed_by", "")),
            not_preceded_by=_regex(row.get("not_preceded_by", ""), "$"),
        ))
        if row.get("phrases"):
            phrases.add(str(index), list(nlp.tokenizer.pipe(split_values(row["phrases"]))))
        if row.get("pattern"):
            loaded = json.loads(row["pattern"])
            loaded = loaded if loaded and isinstance(loaded[0], list) else [loaded]
            patterns.add(str(index), loaded)
            for pattern in loaded:
                firsts = _first_norms(pattern, nlp.vocab.strings)
                starts = None if firsts is None or starts is None else starts | firsts
    return TermTable(tuple(rows), phrases, patterns, frozenset(starts) if starts is not None else None)


def _may_match_patterns(compiled: TermTable, doc: Doc) -> bool:
    """Whether a token pattern of the table may match: a word one can begin with is in the sentence
    (the Matcher costs more than the PhraseMatcher; most sentences hold no such word)."""
    if not len(compiled.patterns):
        return False
    if compiled.pattern_starts is None:
        return True
    return not compiled.pattern_starts.isdisjoint(doc.to_array(NORM).tolist())


def find_terms(text: str | Tokens, table: str) -> list[tuple[int, int, TermRow]]:
    """Every match of a term table in a sentence that passes its row's checks, as (start, end, row);
    overlaps not yet resolved."""
    sentence = as_tokens(text)
    doc, text = sentence.doc, sentence.text
    compiled = term_table(table)
    strings = doc.vocab.strings
    found = []
    matches = compiled.phrases(doc) + (compiled.patterns(doc) if _may_match_patterns(compiled, doc) else [])
    for match_id, start, end in matches:
        s, e = sentence.chars(start, end)
        row = compiled.rows[int(strings[match_id])]
        if glued(text, s, e) or not _context_allows(row, text, s, e):
            continue
        found.append((s, e, row))
    return found


def _context_allows(row: TermRow, text: str, start: int, end: int) -> bool:
    """The row's checks on the characters around a match (see the header of the term tables)."""
    before = text[max(0, start - QUALIFIER_WINDOW):start]
    if row.qualifier and not row.qualifier.search(before):
        return False
    if row.not_preceded_by and row.not_preceded_by.search(before):
        return False
    if row.followed_by and not row.followed_by.match(text, end):
        return False
    return not (row.not_followed_by and row.not_followed_by.match(text, end))


# --- names: countries in all their forms, people, groups, makers; places -----------------------

def name_spellings(name: str) -> list[str]:
    """A name as writers spell it: its dashes as a dash, an en dash, a space or nothing (Unicode's
    hyphens are read as "-", see ``tokens``); its apostrophes straight or curly ("Côte d'Ivoire",
    "Côte d’Ivoire").

    >>> name_spellings("Guinea-Bissau")
    ['Guinea-Bissau', 'GuineaBissau', 'Guinea Bissau', 'Guinea–Bissau']
    """
    bases = [name]
    if any(d in name for d in _DASHES):
        bases += [re.sub(f"[{_DASHES}]", v, name) for v in _DASH_VARIANTS]
    out = []
    for base in bases:
        out.append(base)
        if "'" in base or "’" in base:
            out += [base.replace("’", "'"), base.replace("'", "’")]
    return list(dict.fromkeys(out))


def fold(name: str) -> str:
    """A name with its dashes as spaces and its apostrophes straight: the key its row is found by."""
    return re.sub(r"[\s\-‐‑–]+", " ", name.replace("’", "'")).strip()


class NameMatcher:
    """A case-sensitive PhraseMatcher (ORTH: "US" is a country, "us" is not) over names given as
    name -> value; each name's spellings are its patterns, and a match's key is its folded name.
    With ``bare=True``, a name written with its article ("the Kremlin") is found without it when the
    bare name is in the table too, so that the mention is the name itself."""

    def __init__(self, names: dict[str, object], bare: bool = False) -> None:
        tokenizer = _pattern_tokenizer()
        self.values = {fold(name): value for name, value in names.items()}
        spellings: dict[str, list[str]] = {}
        for name in names:
            key = fold(name)
            if bare and key.startswith("the ") and key[4:] in self.values:
                continue
            spellings.setdefault(key, []).extend(name_spellings(name))
        self.spelled = {spelling: key for key, group in spellings.items() for spelling in group}
        self.matcher = PhraseMatcher(tokenizer.vocab, attr="ORTH")
        for key, group in spellings.items():
            self.matcher.add(key, list(tokenizer.pipe(dict.fromkeys(group))))

    def __call__(self, text: str | Tokens, may_follow: re.Pattern | None = None) -> list[tuple[int, int, object]]:
        """The names in a sentence, leftmost and longest, none overlapping: (start, end, value). A name
        stands on its own (no word or hyphen touching it) unless ``may_follow`` matches right after it."""
        sentence = as_tokens(text)
        text = sentence.text
        strings = self.matcher.vocab.strings
        candidates = []
        for match_id, start, end in self.matcher(sentence.doc):
            s, e = sentence.chars(start, end)
            if glued_before(text, s):
                continue
            if glued_after(text, e) and not (may_follow and may_follow.match(text, e)):
                continue
            candidates.append((s, e, strings[match_id]))
        candidates += self._inside_tokens(sentence, may_follow)
        return [(s, e, self.values[key]) for s, e, key in leftmost_longest(candidates, lambda c: c[0], lambda c: c[1])]

    def _inside_tokens(self, sentence: Tokens, may_follow: re.Pattern | None) -> list[tuple[int, int, str]]:
        """Names that begin a token the tokenizer left whole with what follows them: "U.S.-made" (it
        splits a hyphen only between letters), "Turkey´s" (an accent for an apostrophe)."""
        out = []
        text = sentence.text
        for match in _INNER_PUNCTUATION.finditer(text):
            cut = match.start()
            token = bisect_right(sentence.starts, cut) - 1
            if token < 0 or sentence.starts[token] >= cut:
                continue  # the punctuation begins a token: the matcher saw the name before it
            if glued_after(text, cut) and not (may_follow and may_follow.match(text, cut)):
                continue
            # the name may begin a few tokens before ("Andrzej Duda´s"): the longest known one
            for first in range(max(0, token - _NAME_TOKENS + 1), token + 1):
                start = sentence.starts[first]
                key = self.spelled.get(text[start:cut])
                if key is not None and not glued_before(text, start):
                    out.append((start, cut, key))
                    break
        return out


# The most tokens a name spans ("Democratic Republic of the Congo").
_NAME_TOKENS = 6
# A character that may end a name inside a token: neither a letter, a digit nor a space, nor what
# the tokenizer always splits off (commas, brackets, quotes...).
_INNER_PUNCTUATION = re.compile(r"(?<=\S)[^\w\s,;:!?()\[\]\"“”]")
