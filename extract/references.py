"""Back-references: words that name again the system an article is about ("the jets", "the deliveries",
"the first batch", "six fighter jets" beside a "J-10C" another verb governs). Each becomes a term with
the system's label, so that its sentence's claim is read like any other.

The words live in data/reference_terms.csv. A reference counts only where the tree shows a claim (a
verb or noun of moving, buying, signing governs it) and the article has named its system before.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from . import syntax
from .lexicon import load_table, split_values
from .terms import Term

# Determiners and modifiers that make a noun point back ("the jets", "these systems", "the first batch").
_POINTING = {"the", "this", "these", "those", "its", "their", "first", "second", "third", "last", "new",
             "additional", "remaining", "further", "more", "another", "any"}


@lru_cache(maxsize=1)
def reference_words() -> dict[str, frozenset[str]]:
    """word -> the categories it may name (empty for any), from data/reference_terms.csv: "aircraft"
    names a helicopter or a drone again as well as a jet."""
    return {row["word"]: frozenset(split_values(row.get("category", ""))) for row in load_table("reference_terms")}


class Focus:
    """The designated systems an article has named so far, most named first."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str, str]] = Counter()
        self.order: dict[tuple[str, str, str], int] = {}

    def add(self, terms: list[Term]) -> None:
        for term in terms:
            if term.kind == "item" and term.designation:
                key = (term.label, term.category, term.origin)
                self.counts[key] += 1
                self.order[key] = len(self.order) if key not in self.order else self.order[key]

    def copy(self) -> Focus:
        other = Focus()
        other.counts, other.order = Counter(self.counts), dict(self.order)
        return other

    def system(self, categories: frozenset[str] = frozenset()) -> tuple[str, str, str] | None:
        """The most named system (of one of ``categories`` when given); ties go to the first named (a
        story names its subject in the title and the lead)."""
        ranked = [k for k in self.counts if not categories or k[1] in categories]
        if not ranked:
            return None
        return max(ranked, key=lambda k: (self.counts[k], -self.order[k]))


def find_references(doc: Doc, terms: list[Term], focus: Focus) -> list[Term]:
    """Terms for the words of a parsed sentence that name the article's system again."""
    found: list[Term] = []
    taken = [(t.start, t.end) for t in terms]
    for token in doc:
        if _elliptic_count(token):
            # "delivered a NASAMS system and has promised three more": the count stands for the
            # system its own sentence named before it (never the article's, which may be another)
            named = [t for t in terms if t.kind == "item" and t.designation and t.end <= token.idx]
            if not named:
                continue
            # the count stays before the term ("three | more"), where the quantity is read
            start, end = token.idx, token.idx + len(token.text)
            if any(s < end and start < e for s, e in taken) or not _claimed(doc, start, end):
                continue
            found.append(Term(start, end, "item", named[-1].label, named[-1].category, named[-1].origin))
            taken.append((start, end))
            continue
        if _count_a_clause_moves(token):
            # "30 more Rafale jets, on top of the 24 it bought in 2015": the count is the system its
            # sentence named before it, in a clause of its own
            named = [t for t in terms if t.kind == "item" and t.designation and t.end <= token.idx]
            start, end = token.idx, token.idx + len(token.text)
            if named and not any(s < end and start < e for s, e in taken) and _claimed(doc, start, end):
                found.append(Term(start, end, "item", named[-1].label, named[-1].category, named[-1].origin))
                taken.append((start, end))
            continue
        share = _share_of(token, terms)
        if share is not None:
            # "ordered 24 tanks, four of which landed in May": the six are a claim of their own
            start, end = token.idx, token.idx + len(token.text)
            if not any(s < end and start < e for s, e in taken) and _claimed(doc, start, end):
                found.append(Term(start, end, share.kind, share.label, share.category, share.origin,
                                  designation=share.designation))
                taken.append((start, end))
            continue
        if _transferred_it(token):
            category = frozenset()  # "It has since been shipped to four countries": the system in focus
        else:
            category = reference_words().get(token.lemma_.lower())
            if category is None or token.pos_ != "NOUN" or not _points_back(token) or _names_its_content(token) \
                    or _what_it_is_for(token):
                continue
        start, end = token.left_edge.idx, token.idx + len(token.text)
        right = token.right_edge.idx + len(token.right_edge.text)
        if any(s < right and start < e for s, e in taken):
            continue  # "the shipment of Iranian drones": what it holds is named, it points nowhere
        system = _system_for(token, category, terms, focus)
        if system is None or not _claimed(doc, start, end):
            continue
        label, system_category, origin = system
        found.append(Term(start, end, "item", label, system_category, origin))
        taken.append((start, end))
    return found


def _elliptic_count(token: Token) -> bool:
    """A count with no noun that a verb moves: "has promised three more", "bought another 12"."""
    if token.dep_ not in ("dobj", "nsubjpass"):
        return False
    if token.lower_ == "more":
        return any(c.dep_ == "nummod" for c in token.children)
    return token.pos_ == "NUM" and any(c.lower_ == "another" for c in token.children)


def _count_a_clause_moves(token: Token) -> bool:
    """"The 18 it has already supplied": a count with no noun, whose own relative clause has a verb of
    giving or buying."""
    return token.pos_ == "NUM" and any(c.lower_ == "the" for c in token.children if c.dep_ == "det") \
        and any(c.dep_ == "relcl" and syntax.action_direction(c) in ("give", "receive") for c in token.children)


def _share_of(token: Token, terms: list[Term]) -> Term | None:
    """The term "which" stands for in a count of it that opens a relative clause of its own ("tanks,
    four of which landed"; the count before "which" is read as the quantity)."""
    if token.lower_ != "which" or token.dep_ != "pobj" or token.head.lower_ != "of":
        return None
    count = token.head.head
    if count.pos_ != "NUM" or count.dep_ not in ("nsubj", "nsubjpass") or count.head.dep_ not in ("relcl", "advcl"):
        return None
    # the parser hangs the clause from the noun or from the verb before it: "which" is the last thing named
    before = [t for t in terms if t.kind in ("item", "deployment") and t.end <= count.idx]
    return before[-1] if before else None


def _transferred_it(token: Token) -> bool:
    """"It" as the thing a verb of giving or buying moves ("it has been exported", "bought it")."""
    if token.lower_ != "it" or token.dep_ not in ("nsubjpass", "dobj"):
        return False
    return syntax.action_direction(token.head) in ("give", "receive")


def _what_it_is_for(token: Token) -> bool:
    """"Bought spare engines for the aircraft", "taught the repair of the launchers": the system
    named as what something else serves, not as the thing that moves."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "for":
        return True
    # "the upkeep and repair of the launchers": the object of a noun of service
    return prep.lower_ == "of" and syntax.listed_as(prep.head, "service")


def _points_back(token: Token) -> bool:
    return any(c.lower_ in _POINTING for c in token.children if c.dep_ in ("det", "amod", "poss", "nummod", "advmod")) \
        or _counted_from(token)


def _counted_from(token: Token) -> bool:
    """"The first of three batteries arrived": a set the article's system comes in, counted through
    by an ordinal (one of _POINTING) it hangs from by "of"."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _POINTING \
        and token.head.head.i < token.i


def _names_its_content(token: Token) -> bool:
    """"A first batch of Egyptian soldiers": the words after "of" say what it is; it points nowhere."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return any(reference_words().get(obj.lemma_.lower()) is None for obj in prep.children if obj.dep_ == "pobj")
    return False


def _system_for(token: Token, categories: frozenset[str], terms: list[Term], focus: Focus) -> tuple[str, str, str] | None:
    """The system a reference names: a designated item of one of its categories in the same sentence,
    else the article's most named system of those categories."""
    here = [t for t in terms if t.kind == "item" and t.designation and (not categories or t.category in categories)
            and not _carrier(token.doc, t)]
    if here:
        return here[0].label, here[0].category, here[0].origin
    return focus.system(categories)


# Prepositions that name the vehicle a thing travels in ("flown aboard C-17 aircraft").
_CARRYING = {"aboard", "onboard"}


def _carrier(doc: Doc, term: Term) -> bool:
    """Whether the term is named as the vehicle the thing travels in ("the batteries were flown aboard
    C-17 transport aircraft"): it carries what the reference points to, it is not that."""
    span = syntax.span_of(doc, term.start, term.end)
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
        token = token.head  # "C-17 transport aircraft": the phrase's noun hangs from the preposition
    return token.dep_ == "pobj" and token.head.lower_ in _CARRYING


def _claimed(doc: Doc, start: int, end: int) -> bool:
    """Whether the tree reads a claim about the words at [start, end): an action governs them."""
    return syntax.read_claim(doc, start, end, "item", []).action is not None
