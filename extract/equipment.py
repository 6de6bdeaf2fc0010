"""Military items: designations from the equipment lexicon (data/equipment.csv), unknown
designations recognised by their shape when a generic noun follows, and generic terms
(data/generic_terms.csv) such as tanks, radars, drones or an ammunition plant.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import matchers, places
from .terms import Term, drop_overlaps, find_table_terms

# The shape of a designation the lexicon does not know yet: letters, a dash, digits (Kh-101, BM-30),
# as one token.
_UNKNOWN_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,8}-\d{1,4}[A-Z0-9]{0,4}(?:-\d)?")
_MAX_DESIGNATION = 20  # the longest string it matches
# Designation-shaped strings that are not weapons.
_NOT_WEAPONS = re.compile(r"^(?:COVID|SARS|MERS|H\dN\d|G-\d|Article|Form|Route|Highway|Flight|Model|Type-?C|USB|A-\d\b)", re.I)
# "which Pyongyang calls the Hwasong-11", "known as the Geran-2": another name for a system just named.
_ALIAS_BEFORE = re.compile(r"\b(?:calls?|called|known as|dubbed|designated|renamed|nicknamed|branded|code-?named)\s+(?:it\s+)?(?:the\s+)?$", re.I)
# How far a generic noun may follow an unknown designation to vouch for it ("Kh-101 cruise missiles").
_HEAD_WINDOW = 40


def find_designations(text: str | matchers.Tokens) -> list[Term]:
    """Designated systems named in a sentence, labelled as written when a variant of a known family."""
    return [Term(m.start, m.end, "item", m.label, m.row["category"], origin=m.row.get("origin", ""), designation=True)
            for m in matchers.find_designations(text)]


def find_unknown_designations(sentence: matchers.Tokens, generic: list[Term]) -> list[Term]:
    """Designation-shaped words not in the lexicon (read on the words as written, which the
    tokenizer may cut: "FTC-2000" + "G"), taken when a generic item noun follows closely."""
    text = sentence.text
    terms = []
    for run_start, ends in sentence.runs:
        taken = run_start
        for start in [run_start] + ends[:-1]:
            if start < taken or not text[start].isupper() or matchers.glued_before(text, start):
                continue
            near = ends[bisect_right(ends, start):bisect_right(ends, start + _MAX_DESIGNATION)]
            end = next((e for e in reversed(near) if _UNKNOWN_DESIGNATION.fullmatch(text, start, e)
                        and not matchers.glued_after(text, e)), None)
            if end is None or _NOT_WEAPONS.match(text[start:end]):
                continue
            taken = end
            head = _head_noun(text, end, generic, _HEAD_WINDOW)
            if head:
                terms.append(Term(start, head.end, "item", text[start:end], head.category, designation=True))
    return terms


# "Russian-made planes", "Chinese-built jets": a generic noun named by its makers.
_MAKERS_BEFORE = re.compile(r"(?P<maker>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-(?:made|built|supplied)\s+$")


def _other_maker(text: str, generic: Term, origins: set[str]) -> bool:
    """Whether the generic noun is named by a maker country ("Russian-made planes") that made none of
    the designated systems of its kind the sentence names."""
    match = _MAKERS_BEFORE.search(text, 0, generic.start)
    maker = places.country_of(match.group("maker")) if match else ""
    return bool(maker) and maker not in origins
# Between a designation and the generic noun it names: a few modifiers ("military transport"),
# not a verb phrase or a list ("jets land at Cairo West air base", "tanks and radars").
_MODIFIERS_ONLY = re.compile(r"(?:\s*(?!(?:and|or|at|in|on|to|from|for|with|by|into|near|of)\b)[\w’'-]+){0,3}\s*")
# How far the generic noun a known designation absorbs may follow it ("Il-76 military transport plane").
_ABSORB_WINDOW = 30


def _head_noun(text: str, end: int, generic: list[Term], window: int) -> Term | None:
    """The nearest generic noun within ``window`` characters after ``end``, across modifiers only."""
    return min((g for g in generic if 0 <= g.start - end <= window and _MODIFIERS_ONLY.fullmatch(text, end, g.start)),
               key=lambda g: g.start, default=None)


def find_items(text: str | matchers.Tokens) -> list[Term]:
    """Military items in a sentence (its text or its tokens): a designation absorbs the generic noun right after it."""
    sentence = matchers.as_tokens(text)
    text = sentence.text
    generic = find_table_terms(sentence, "generic_terms")
    designated = find_designations(sentence)
    # a known designation read again by its shape ("SM-2 missiles") would take the generic noun's
    # category and hide the other generic items of the list ("anti-radiation missiles")
    designated += [u for u in find_unknown_designations(sentence, generic)
                   if all(u.end <= d.start or u.start >= d.end for d in designated)]
    absorbed = []
    for term in designated:
        # "Tu-160 bombers", "Il-76 military transport plane": one item, named by its designation
        head = _head_noun(text, term.end, generic, _ABSORB_WINDOW)
        absorbed.append(Term(term.start, max(term.end, head.end if head else term.end), term.kind, term.label,
                             term.category, term.origin, designation=True))
    # "KN-23 missiles, which Pyongyang calls the Hwasong-11": one system under two names
    absorbed = [t for t in absorbed if not (_ALIAS_BEFORE.search(text[max(0, t.start - 40):t.start])
                                            and any(o.category == t.category and o.start < t.start for o in absorbed))]
    absorbed = [_named_by_alias(text, t, generic) for t in absorbed]
    # "the drone, called the Geran-2": a generic noun beside a designation of its kind names the same thing
    # -- unless the noun names other makers than the designations' ("overhauls Chinese Y-8s for an air
    # force that relies on Russian-made planes"): a fleet of another origin, not the system named again
    named = {t.category: {o.origin for o in absorbed if o.category == t.category} for t in absorbed}
    generic = [g for g in generic if g.category not in named or _other_maker(text, g, named[g.category])]
    return drop_overlaps(absorbed + generic)


def _named_by_alias(text: str, term: Term, generic: list[Term]) -> Term:
    """"Nicknamed Flanker in the West, the warplane can ...": a name given in an opening phrase
    names the noun the clause is about; the claim is read on that noun (what the warplane does), under
    the designation's label."""
    if not _ALIAS_BEFORE.search(text[max(0, term.start - 40):term.start]):
        return term
    if "," in text[:term.start] or any(g.end <= term.start for g in generic):
        return term  # the name given to a thing named before it ("KN-23 missiles, which ... calls")
    noun = next((g for g in generic if g.category == term.category and g.start >= term.end), None)
    if noun is None:
        return term
    return Term(noun.start, noun.end, term.kind, term.label, term.category, term.origin, designation=True)
