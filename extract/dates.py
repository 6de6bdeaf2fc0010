"""Time expressions in a sentence, resolved to calendar dates at the precision the text gives.

Every expression resolves to a range of days; the range is written at the finest precision that
holds all of it: one day -> YYYY-MM-DD, one month -> YYYY-MM, one year -> YYYY ("last week" across
two months is a year; "recently" is the publication year). Relative expressions resolve against the
publication date, or ("a day earlier") against the date the previous sentences gave.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2}
# "a few"/"several" units: a span, not a number; these bounds are the usual reading in news prose.
FEW = (2, 5)

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|several|\d{1,2})"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_APPROX = r"(?:(?:about|around|some|nearly|almost|roughly|more than|over|just over|less than|barely|only)\s+)?"

# Order matters: longer, more specific shapes first; later patterns never overlap earlier matches.
PATTERNS = [
    ("weekday_month_day", rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?"),
    ("day_month_year", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
    ("month_year", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
    # "in April last year", "March of next year": the month of the year the relative phrase names
    ("month_relyear", rf"\b(?:(?:in|since|by|during|from|until|early|late|mid-?)\s+)?{_MONTH}\s+(?:of\s+)?(?P<ryear>last|next|this|the previous|the following) year\b"),
    ("season_year", rf"\b(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?i:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}\b"),
    # "in the 1980s", "the early 2030s": a decade; it covers ten years, so it dates nothing finer, but it
    # is the time its clause speaks of and keeps a year named further away from being taken instead
    ("decade", r"\b(?:(?:in|during|since|by|through|from|until|before|after)\s+)?(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<decade>(?:19|20)\d0)s\b"),
    ("ago", rf"\b{_APPROX}{_NUM}\s+{_UNIT}\s+ago\b"),
    ("offset_after", rf"\b{_APPROX}{_NUM}\s+{_UNIT}\s+(?P<dir>after|before|later|earlier)\b"),
    # "within two to five months", "over the next two years", "in the coming weeks": a span ahead
    ("span_ahead", rf"\b(?:within|(?:in|over|during) the (?:next|coming))\s+(?:{_NUM}\s+(?:to\s+(?P<num2>\w+)\s+)?)?{_UNIT}\b"),
    ("relative_day", r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening)|the (?:previous|next|following) day|the day (?:before|after)|that day|the same day)\b"),
    ("relative_period", r"\b(?P<rel>(?:by |until |before )?the end of (?:this|the|next) year|(?:by|until|before|at|toward|towards) (?:the )?year[- ]end|(?:before|by the time) the year is (?:out|over)|(?:earlier|later) this (?:week|month|year)|(?:this|last|next|past|previous|coming) (?:week|month|year)|(?:in )?(?:recent|the past few|the last few|the past couple of|the last couple of) (?:days|weeks|months)|recently|lately|in recent years|this spring|this summer|this autumn|this fall|this winter|(?:in|over|during|through(?:out)?) the (?:spring|summer|autumn|fall|winter)|last spring|last summer|last autumn|last fall|last winter)\b"),
    # "over the weekend", "last weekend": a Saturday and a Sunday
    ("weekend", r"\b(?:(?P<mod>this|last|next|past|previous|coming)|(?:over|at|on|during|through(?:out)?) the)\s+weekend\b"),
    ("weekday", rf"\b(?P<mod>last|this|next|earlier|late|early|on)?\s*{_WEEKDAY}\b"),
    ("month", rf"\b(?P<mod>(?i:(?:by|before|until) the end of|by around|by about|around|in|since|during|by|from|until|through|last|this|next|early|late|mid-?|earlier in|later in|the end of|the start of|the beginning of))\s+{_MONTH}(?!\s+\d)\b"),
    ("year", rf"(?<![\d,.$£€])(?<![A-Z]-)\b(?:(?P<mod>in|since|by|during|from|until|through|before|after|around|of|early|late|mid-?|the end of|the start of|the beginning of|year|than|between|and)\s+)?{_YEAR}(?![\dA-Za-z]|,\d)(?!\s*(?:km|kilomet|mile|percent|%|[a-z]+s\b))"),
]
_COMPILED = [(name, re.compile(regex, re.I if name not in ("month", "weekday_month_day", "day_month_year", "month_year", "month_relyear", "season_year") else 0))
             for name, regex in PATTERNS]


@dataclass(frozen=True)
class TimeExpression:
    """A resolved time expression: where it is, and the days it covers."""

    start: int
    end: int
    first: date
    last: date
    # "following": applies only to what comes after it ("a month after X spoke"); "deadline": when
    # something is due ("by 2030")
    scope: str = "any"
    # a month or day named without its year, read back into the past (news reports the past): the
    # next one instead, for a verb that speaks ahead ("will arrive in March", written in November)
    ahead: tuple[date, date] | None = None

    @property
    def value(self) -> str:
        """The date at the precision the range allows: YYYY-MM-DD, YYYY-MM, YYYY or ''."""
        return format_range(self.first, self.last)


def format_range(first: date, last: date) -> str:
    """Write a range of days at the finest precision that contains it all."""
    if first == last:
        return first.isoformat()
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year:
        return f"{first.year:04d}"
    return ""


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _number(word: str) -> tuple[int, int]:
    word = word.lower()
    if word in ("a few", "several"):
        return FEW
    value = NUMBER_WORDS.get(word) or int(word)
    return value, value


def _shift(anchor: date, unit: str, amount: int) -> date:
    unit = unit.lower()
    if unit == "day":
        return anchor + timedelta(days=amount)
    if unit == "week":
        return anchor + timedelta(weeks=amount)
    if unit == "month":
        return _add_months(anchor, amount)
    return _add_months(anchor, 12 * amount)


def _unit_span(day: date, unit: str) -> tuple[date, date]:
    """The calendar unit around a day: "a month ago" is that month, "a year ago" that year."""
    unit = unit.lower()
    if unit == "month":
        return _month_range(day.year, day.month)
    if unit == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if unit == "week":
        return day - timedelta(days=3), day + timedelta(days=3)
    return day, day


# "is scheduled to begin on", "will arrive on", "due to start on": what follows is a date ahead
_AHEAD_BEFORE = re.compile(r"\b(?:(?:will|shall)(?:\s+\w+){1,3}|(?:scheduled|slated|due|set|expected|planned)\s+(?:to(?:\s+\w+){1,3}|for))\s+(?:(?:on|from|by)\s+)?$", re.I)


def _nearest_year(month: int, day: int, pub: date, weekday: int | None, ahead: bool = False) -> int | None:
    """The year of a month-day without one: the weekday's year if given, else not after publication;
    for a date the sentence says is ahead ("is scheduled to begin on May 14"), the next one."""
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if weekday is None or candidate.weekday() == weekday:
            candidates.append(candidate)
    if not candidates:
        return None
    if weekday is not None:
        return min(candidates, key=lambda c: abs((c - pub).days)).year
    if ahead:
        coming = [c for c in candidates if c >= pub]
        if coming:
            return min(coming).year
    # news reports the past: a date more than a month after publication belongs to the year before
    past = [c for c in candidates if (c - pub).days <= 31]
    return max(past).year if past else min(candidates).year


def _resolve(name: str, m: re.Match, pub: date, anchor: date) -> tuple[date, date, str] | None:
    """Resolve one match to (first, last, scope) or None when it is not a date after all."""
    groups = {k: v for k, v in m.groupdict().items() if v}
    if name in ("weekday_month_day", "day_month_year"):
        month, day = MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
        weekday = WEEKDAYS.get(groups.get("weekday", "").lower())
        ahead = bool(_AHEAD_BEFORE.search(m.string[max(0, m.start() - 50):m.start()]))
        year = int(groups["year"]) if "year" in groups else _nearest_year(month, day, pub, weekday, ahead)
        try:
            day_ = date(year, month, day) if year else None
        except ValueError:
            return None
        return (day_, day_, "any") if day_ else None
    if name == "month_year":
        return (*_month_range(int(groups["year"]), MONTHS[groups["month"].lower().rstrip(".")]), "any")
    if name == "month_relyear":
        shift = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(groups["ryear"], 0)
        return (*_month_range(pub.year + shift, MONTHS[groups["month"].lower().rstrip(".")]), "any")
    if name == "month":
        mod = groups["mod"].lower()
        # "by around December", "before the end of March": a deadline, the month it falls in
        mod = "by" if mod.startswith(("by ", "before ", "until the end")) else "in" if mod == "around" else mod
        if groups["month"] in ("May", "March") and mod not in ("in", "since", "during", "until", "by", "early", "late", "mid", "mid-", "last", "next", "this",
                                                               "the end of", "the start of", "the beginning of"):
            return None
        month = MONTHS[groups["month"].lower().rstrip(".")]
        year = pub.year + (1 if mod == "next" else 0)
        if mod in ("last", "since") or (mod not in ("next", "by", "until") and month > pub.month):
            year = pub.year - 1 if month > pub.month or mod == "last" else pub.year
        if mod in ("by", "until") and month < pub.month:
            year = pub.year + 1  # "by January", written in December: a deadline ahead
        return (*_month_range(year, month), "any")
    if name == "decade":
        decade = int(groups["decade"])
        return date(decade, 1, 1), date(decade + 9, 12, 31), "any"
    if name in ("year", "season_year"):
        year = int(groups["year"])
        return date(year, 1, 1), date(year, 12, 31), "any"
    if name == "ago":
        low, high = _number(groups["num"])
        unit = groups["unit"]
        first = _unit_span(_shift(pub, unit, -high), unit)[0]
        last = _unit_span(_shift(pub, unit, -low), unit)[1]
        return first, min(last, pub), "any"
    if name == "offset_after":
        low, high = _number(groups["num"])
        unit, direction = groups["unit"], groups["dir"].lower()
        if direction in ("after", "later"):
            # "came a month after Maduro and Putin spoke": what follows happened a month before the anchor
            sign, base, scope = -1, pub, "following"
        else:
            sign, base, scope = -1, anchor, "any"
        first = _unit_span(_shift(base, unit, sign * high), unit)[0]
        last = _unit_span(_shift(base, unit, sign * low), unit)[1]
        return first, last, scope
    if name == "span_ahead":
        # from now to the far end of the span; a span that runs into another year dates nothing
        high = _number(groups.get("num2") or groups.get("num") or "a few")[1]
        last = _shift(pub, groups["unit"], high)
        return (pub, last, "any") if last.year == pub.year else None
    if name == "relative_day":
        return _relative_day(groups["rel"].lower(), pub, anchor)
    if name == "relative_period":
        return _relative_period(groups["rel"].lower(), pub)
    if name == "weekend":
        ahead = bool(_AHEAD_BEFORE.search(m.string[max(0, m.start() - 50):m.start()]))
        return _weekend(groups.get("mod", "").lower(), pub, ahead)
    if name == "weekday":
        return _weekday(groups.get("mod", "").lower(), WEEKDAYS[groups["weekday"].lower()], pub)
    return None


def _relative_day(rel: str, pub: date, anchor: date) -> tuple[date, date, str]:
    offsets = {"the day before yesterday": (pub, -2), "yesterday": (pub, -1), "tomorrow": (pub, 1),
               "the previous day": (anchor, -1), "the day before": (anchor, -1), "the next day": (anchor, 1),
               "the following day": (anchor, 1), "the day after": (anchor, 1), "that day": (anchor, 0),
               "the same day": (anchor, 0)}
    base, offset = offsets.get(rel, (pub, 0))
    day = base + timedelta(days=offset)
    return day, day, "any"


def _relative_period(rel: str, pub: date) -> tuple[date, date, str] | None:
    monday = pub - timedelta(days=pub.weekday())
    rel = rel.removeprefix("in ").strip()
    if "end of" in rel or rel.endswith(("year-end", "year end", "year is out", "year is over")):
        # "by the end of the year": December of that year
        year = pub.year + (1 if rel.endswith("next year") else 0)
        return date(year, 12, 1), date(year, 12, 31), "any"
    if rel.endswith("week"):
        shift = {"last": -7, "past": -7, "previous": -7, "next": 7, "coming": 7}.get(rel.split()[0], 0)
        first, last = monday + timedelta(days=shift), monday + timedelta(days=shift + 6)
        if rel.startswith("earlier"):
            last = pub
        return first, last, "any"
    if rel.endswith("month"):
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel.split()[0], 0)
        target = _add_months(pub.replace(day=1), shift)
        return (*_month_range(target.year, target.month), "any")
    if rel.endswith("year") and not rel.endswith("years"):
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel.split()[0], 0)
        return date(pub.year + shift, 1, 1), date(pub.year + shift, 12, 31), "any"
    spans = {"days": 7, "weeks": 30, "months": 180, "years": 3 * 365}
    if rel in ("recently", "lately"):
        # news "recently" is this year: three months back, not before January
        return max(pub - timedelta(days=90), date(pub.year, 1, 1)), pub, "any"
    for unit, days in spans.items():
        if rel.endswith(unit):
            if "few" in rel or "couple" in rel:
                days = {"days": 4, "weeks": 21, "months": 120, "years": 3 * 365}[unit]
            return pub - timedelta(days=days), pub, "any"
    season = rel.split()[-1]
    if season in ("spring", "summer", "autumn", "fall", "winter"):
        year = pub.year - (1 if rel.startswith("last") or (rel.split()[-2] == "the" and _season_ahead(season, pub)) else 0)
        return date(year, 1, 1), date(year, 12, 31), "any"
    return None


# The month each season of the northern year begins in (winter runs over the new year: no start here).
_SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}


def _season_ahead(season: str, pub: date) -> bool:
    """Whether this year's season has not begun by publication: "the summer" told in January is
    last year's (news reports the past), unless a verb speaks ahead (see TimeExpression.ahead)."""
    return pub.month < _SEASON_STARTS.get(season, 1)


def _weekend(mod: str, pub: date, ahead: bool) -> tuple[date, date, str]:
    """The Saturday and Sunday a weekend names: the last one begun by publication ("over the
    weekend", in Monday's paper), the one before it ("last weekend" said on a Sunday), or the next
    one ("next weekend", "will meet this weekend" on a Thursday)."""
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if mod in ("next", "coming") or (pub.weekday() < 5 and (mod == "this" or ahead)):
        saturday += timedelta(days=7)
    elif mod in ("last", "past", "previous") and pub.weekday() >= 5:
        saturday -= timedelta(days=7)
    return saturday, saturday + timedelta(days=1), "any"


def narrowed(time: TimeExpression, later: list[TimeExpression]) -> TimeExpression:
    """A weekend the next sentences pin to one of its days ("landed over the weekend" ... "arrived
    on Saturday"): that day, when they name only one of its two days; else the weekend as it is."""
    if (time.last - time.first).days != 1 or time.first.weekday() != 5:
        return time
    days = {t.first for t in later if t.first == t.last and time.first <= t.first <= time.last}
    if len(days) != 1:
        return time
    day = days.pop()
    return TimeExpression(time.start, time.end, day, day, time.scope, time.ahead)


def _weekday(mod: str, weekday: int, pub: date) -> tuple[date, date, str]:
    back = (pub.weekday() - weekday) % 7
    if mod == "last":
        back = back or 7
    if mod == "next":
        day = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    else:
        day = pub - timedelta(days=back)
    return day, day, "any"


# How a month or a day without a year says it is the past one: these words before it.
_PAST_MODS = ("last", "since", "earlier", "late", "earlier in", "the end of", "the start of", "the beginning of")


def _ahead(name: str, match: re.Match, pub: date, last: date) -> tuple[date, date] | None:
    """The next month, day or weekday of that name on or after publication, for a month or day
    without a year that resolved to one before it ("in March", "on May 14", "on Thursday")."""
    if last >= pub:
        return None
    groups = {k: v.lower() for k, v in match.groupdict().items() if v}
    if "year" in groups or groups.get("mod", "").rstrip() in _PAST_MODS:
        return None
    if name == "month":
        month = MONTHS[groups["month"].rstrip(".")]
        year = pub.year + (1 if month < pub.month else 0)
        return _month_range(year, month)
    if name in ("weekday_month_day", "day_month_year") and "weekday" not in groups:
        month, day = MONTHS[groups["month"].rstrip(".")], int(groups["day"])
        for year in (pub.year, pub.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate >= pub:
                return candidate, candidate
        return None
    if name == "weekday":
        day = pub + timedelta(days=(WEEKDAYS[groups["weekday"]] - pub.weekday()) % 7)
        return day, day
    if name == "relative_period" and groups["rel"].startswith(("in the ", "over the ", "during the ", "through")):
        return date(pub.year, 1, 1), date(pub.year, 12, 31)  # "is to arrive during the spring"
    return None


# "WARSAW, Dec 7 (Reuters) -": the date in a dateline is the publication's.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,\s+[^()]{0,40}\((?:AP|AFP|Reuters|UPI|dpa|Xinhua|TASS|Bloomberg|ANSA|EFE|Yonhap)\)\s*[-–—]")


def find_time_expressions(text: str, pub: date | None, anchor: date | None = None) -> list[TimeExpression]:
    """Resolved time expressions in a sentence; relative ones need ``pub`` (else they are skipped)."""
    found: list[TimeExpression] = []
    offsets: list[tuple[int, str, re.Match]] = []
    dateline = _DATELINE.match(text)
    taken: list[tuple[int, int]] = [(0, dateline.end())] if dateline else []
    for name, regex in _COMPILED:
        for match in regex.finditer(text):
            span = (match.start(), match.end())
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            base = pub or date(2000, 1, 1)
            if pub is None and name not in ("weekday_month_day", "day_month_year", "month_year", "year"):
                continue
            if pub is None and name in ("weekday_month_day", "day_month_year") and not match.group("year"):
                continue
            resolved = _resolve(name, match, base, anchor or base)
            if resolved is None:
                continue
            first, last, scope = resolved
            if scope == "any" and _DEADLINE.match(match.group(0)):
                scope = "deadline"
            taken.append(span)
            ahead = _ahead(name, match, base, last) if pub is not None else None
            found.append(TimeExpression(span[0], span[1], first, last, scope, ahead))
            if scope == "following":
                offsets.append((len(found) - 1, name, match))
    for index, name, match in offsets:
        # "began leaving last Friday, ten days after the jets left": the jets left ten days before that Friday
        days = [t for t in found if t.first == t.last and t.end <= match.start()]
        if days:
            first, last, scope = _resolve(name, match, max(days, key=lambda t: t.end).first, anchor or date(2000, 1, 1))
            found[index] = TimeExpression(match.start(), match.end(), first, last, scope)
    return sorted(found, key=lambda t: t.start)


# "by 2030", "until the end of the year": when something is due, not when it was agreed.
_DEADLINE = re.compile(r"(?:by|until|no later than)\s", re.I)
_PARENTHETICAL = re.compile(r",\s+(?:who|which|where)\b[^,;]{0,70},")


def choose_expression(expressions: list[TimeExpression], start: int, end: int, text: str | None = None) -> TimeExpression | None:
    """The time expression that dates the term at [start, end): the nearest one that may apply."""
    usable = [t for t in expressions if t.scope in ("any", "deadline") or t.start < start]
    if text is not None:
        # "French troops, who had fought there since 2013, left in August 2022": the parenthetical's time is its own
        asides = [m.span() for m in _PARENTHETICAL.finditer(text) if not (m.start() <= start < m.end())]
        usable = [t for t in usable if not any(s <= t.start < e for s, e in asides)]
        # "since 2021, including two Mi-24P delivered in January 2023": no comma between beats nearer
        joined = [t for t in usable if "," not in text[min(t.end, end):max(t.start, start)]]
        usable = joined or usable
    if not usable:
        return None

    def distance(t: TimeExpression) -> int:
        return start - t.end if t.end <= start else t.start - end if t.start >= end else 0

    return min(usable, key=distance)


def infer_publication_date(text: str) -> date | None:
    """For an article without a publication date: the latest full date its text gives, if any."""
    latest = None
    for name, regex in _COMPILED[:2]:
        for match in regex.finditer(text):
            if not match.group("year"):
                continue
            resolved = _resolve(name, match, date(2000, 1, 1), date(2000, 1, 1))
            if resolved and (latest is None or resolved[0] > latest):
                latest = resolved[0]
    for day in _weekday_dates(text):
        latest = day if latest is None or day > latest else latest
    if latest is None:
        # no full date: the latest month the text names with its year ("arrived in August 2024"), its
        # last day, so that "in August" said in it resolves to that August
        months = [_month_range(int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")])[1]
                  for m in _COMPILED[2][1].finditer(text)]
        latest = max(months, default=None)
    return latest


def _weekday_dates(text: str) -> list[date]:
    """"on Monday, November 15" without a year: the day, when exactly one of the years the text names
    puts it on that weekday."""
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    found = []
    for match in _COMPILED[0][1].finditer(text):
        if match.group("year") or not match.group("weekday"):
            continue
        month, day = MONTHS[match.group("month").lower().rstrip(".")], int(match.group("day"))
        weekday = WEEKDAYS[match.group("weekday").lower()]
        fits = []
        for year in years:
            try:
                if date(year, month, day).weekday() == weekday:
                    fits.append(date(year, month, day))
            except ValueError:
                continue
        if len(fits) == 1:
            found.append(fits[0])
    return found
