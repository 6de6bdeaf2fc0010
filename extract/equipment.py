"""Military items: designations from the equipment lexicon (data/equipment.csv), unknown
designations recognised by their shape when a generic noun follows, and generic terms
(data/generic_terms.csv) such as tanks, radars, drones or an ammunition plant.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alternation, load_table, split_values
from .terms import Term, drop_overlaps, find_table_terms

# Variant suffix glued to a family designation: Su-30 -> Su-30MK2, S-300 -> S-300PMU-2, Mi-17 -> Mi-17V-5.
_VARIANT = r"(?:[A-Z]{1,4}\d?(?:-\d{1,2})?|\d?[A-Z]{1,3}\d?)?(?:/[A-Z]{1,2})?"
# The shape of a designation the lexicon does not know yet: letters, a dash, digits (Kh-101, BM-30).
_UNKNOWN_DESIGNATION = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{0,8}-\d{1,4}[A-Z0-9]{0,4}(?:-\d)?)(?![\w-])")
# Designation-shaped strings that are not weapons.
_NOT_WEAPONS = re.compile(r"^(?:COVID|SARS|MERS|H\dN\d|G-\d|Article|Form|Route|Highway|Flight|Model|Type-?C|USB|A-\d\b)", re.I)
# "which Pyongyang calls the Hwasong-11", "known as the Geran-2": another name for a system just named.
_ALIAS_BEFORE = re.compile(r"\b(?:calls?|called|known as|dubbed|designated|renamed|nicknamed|branded)\s+(?:it\s+)?(?:the\s+)?$")
# How far a generic noun may follow an unknown designation to vouch for it ("Kh-101 cruise missiles").
_HEAD_WINDOW = 40


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern, dict[str, dict]]:
    """One compiled alternation of every designation and alias, and surface form -> lexicon row."""
    by_form: dict[str, dict] = {}
    for row in load_table("equipment"):
        for form in [row["label"], *split_values(row.get("aliases", ""))]:
            by_form.setdefault(_key(form), row)
    families = [row["label"] for row in load_table("equipment") if row.get("pattern_family") == "1"]
    plain = alternation(list(by_form_surfaces()))
    family = alternation(families)
    # exact names first (longest first), so "IRIS-T SLM" beats the family "IRIS-T" with no variant
    regex = re.compile(
        r"(?<![\w-])(?:(?P<plain>" + plain + r")|(?P<family>" + family + r")(?P<variant>" + _VARIANT + r"))(?:s\b|['’]s\b)?(?![A-Za-z0-9-])"
    )
    return regex, by_form


@lru_cache(maxsize=1)
def by_form_surfaces() -> tuple[str, ...]:
    """Every surface form in the lexicon (labels and aliases)."""
    forms = []
    for row in load_table("equipment"):
        forms.extend([row["label"], *split_values(row.get("aliases", ""))])
    return tuple(forms)


def _key(form: str) -> str:
    return re.sub(r"[\s\-‐‑–]+", "", form).lower()


def find_designations(text: str) -> list[Term]:
    """Designated systems named in ``text``, labelled as written when a variant of a known family."""
    regex, by_form = _lexicon()
    terms = []
    for match in regex.finditer(text):
        surface = match.group("family") + match.group("variant") if match.group("family") else match.group("plain")
        row = by_form.get(_key(surface))
        if row is None and match.group("family"):
            row = by_form.get(_key(match.group("family")))
        if row is None:
            continue
        label = row["label"] if _key(surface) in by_form else _canonical_variant(row["label"], match.group("variant"))
        terms.append(Term(match.start(), match.end(), "item", label, row["category"], origin=row.get("origin", ""),
                          designation=True))
    return terms


def _canonical_variant(family: str, variant: str) -> str:
    """Family label plus the variant suffix as written (Su-30 + MK2 -> Su-30MK2)."""
    return family + variant


def find_unknown_designations(text: str, generic: list[Term]) -> list[Term]:
    """Designation-shaped words not in the lexicon, taken when a generic item noun follows closely."""
    terms = []
    for match in _UNKNOWN_DESIGNATION.finditer(text):
        if _NOT_WEAPONS.match(match.group(1)):
            continue
        head = _head_noun(text, match.end(), generic, _HEAD_WINDOW)
        if head:
            terms.append(Term(match.start(), head.end, "item", match.group(1), head.category, designation=True))
    return terms


# Between a designation and the generic noun it names: a few modifiers ("military transport"),
# not a verb phrase or a list ("jets land at Cairo West air base", "tanks and radars").
_MODIFIERS_ONLY = re.compile(r"(?:\s*(?!(?:and|or|at|in|on|to|from|for|with|by|into|near|of)\b)[\w’'-]+){0,3}\s*")
# How far the generic noun a known designation absorbs may follow it ("Il-76 military transport plane").
_ABSORB_WINDOW = 30


def _head_noun(text: str, end: int, generic: list[Term], window: int) -> Term | None:
    """The nearest generic noun within ``window`` characters after ``end``, across modifiers only."""
    return min((g for g in generic if 0 <= g.start - end <= window and _MODIFIERS_ONLY.fullmatch(text, end, g.start)),
               key=lambda g: g.start, default=None)


def find_items(text: str) -> list[Term]:
    """Military items in ``text``: a designation absorbs the generic noun right after it."""
    generic = find_table_terms(text, "generic_terms")
    designated = find_designations(text)
    # a known designation read again by its shape ("SM-2 missiles") would take the generic noun's
    # category and hide the other generic items of the list ("anti-radiation missiles")
    designated += [u for u in find_unknown_designations(text, generic)
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
    # "the drone, called the Geran-2": a generic noun beside a designation of its kind names the same thing
    named = {t.category for t in absorbed}
    generic = [g for g in generic if g.category not in named]
    return drop_overlaps(absorbed + generic)
