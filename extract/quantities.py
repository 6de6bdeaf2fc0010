"""How many: the number written just before a term ("a pair of its Tu-160 bombers" -> 2,
"about 500 soldiers" -> 500, "6 million rounds" -> 6000000). Vague amounts ("thousands of",
"dozens of") and shares or measures ("10 percent of", "1,000 km") are not quantities.
"""

from __future__ import annotations

import re

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
COUNTS = {"a pair of": 2, "a couple of": 2, "a dozen": 12, "half a dozen": 6, "two dozen": 24,
          "three dozen": 36, "a hundred": 100, "a thousand": 1000, "a single": 1, "a lone": 1}

_NUMBER = (r"(?P<count>a pair of|a couple of|half a dozen|two dozen|three dozen|a dozen|a hundred|a thousand|a single|a lone)"
           r"|(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<dscale>hundred|thousand|million|billion))?"
           r"|(?P<words>(?:" + "|".join(UNITS) + r")(?:[- ](?:" + "|".join(UNITS) + r"))?)(?:\s+(?P<wscale>hundred|thousand|million|billion))?"
           r"|(?P<article>\ban?\b)")
# Words allowed between the number and the term: modifiers, not clauses ("a request for missiles").
_MODIFIER = r"(?:(?:its|their|his|her|our|the|of|more|new|additional|further|other|[A-Z][\w’'.-]*|[\w-]+-[\w-]+|\w+(?:al|ic|ed|ive|ian|ese|ish|ary|ous|ern|ful|less|ile|ant|ent|est|er|y))\s+){0,4}"
_APPROX = (r"(?:(?:about|around|some|nearly|almost|approximately|roughly|more than|over|at least|up to|as many as|"
           r"an estimated|the estimated|estimated|a total of|another|an additional|additional|the|its|their)\s+)?")
_BEFORE = re.compile(r"(?<![\w.,’'$€£-])(?i:" + _APPROX + r"(?:" + _NUMBER + r"))\s+" + _MODIFIER + r"$")
_NOT_COUNTED = re.compile(r"\b(?:percent|per cent|%|km|kilomet\w*|miles?|tons?|tonnes?|kg|years?|months?|days?|hours?|dollars?|euros?|\$)\s", re.I)
_SINGULAR_ONLY = re.compile(r"(?<!s)$")


def _value(match: re.Match) -> int | None:
    g = match.groupdict()
    if g["count"]:
        return COUNTS[g["count"].lower()]
    if g["digits"]:
        value = float(g["digits"].replace(",", ""))
        return int(round(value * SCALES.get((g["dscale"] or "").lower(), 1)))
    if g["words"]:
        parts = re.split(r"[- ]", g["words"].lower())
        return sum(UNITS[p] for p in parts) * SCALES.get((g["wscale"] or "").lower(), 1)
    return 1 if g["article"] else None


def find_quantity(text: str, start: int, end: int, allow_article: bool = True) -> int | None:
    """The number of things the term at [start, end) of ``text`` names, or None."""
    window = text[max(0, start - 60):start]
    match = _BEFORE.search(window)
    if not match:
        return None
    between = window[match.end("count") if match.group("count") else match.start():]
    if _NOT_COUNTED.search(window[match.start():]) and not match.group("count"):
        return None
    if match.group("article"):
        term = text[start:end]
        # "a" counts one thing only for a singular noun ("a Russian Il-76", not "a request for missiles")
        if not allow_article or term.endswith("s") or re.search(r"\bof\b", between):
            return None
    if re.search(r"\b[A-Z]{2,}\s*$", window[:match.start()]):
        return None  # "ASC 890", "HQ 9": a number glued to a name is a designation
    value = _value(match)
    return value if value else None
