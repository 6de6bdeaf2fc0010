"""Countries, people and places: finding their mentions in a sentence and giving coordinates.

Country mentions come in several forms (name, demonym, capital or seat of power, a person in
office), each resolved to an ISO 3166-1 alpha-3 code. Places come from the offline gazetteer in
data/places.csv; countries' centroids from data/countries.csv. Nothing is fetched at run time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from . import matchers
from .lexicon import DATA_DIR, load_table, split_values

# How specific a kind of place is; the most specific place a claim names becomes its location.
SPECIFICITY = {"base": 6, "airport": 6, "site": 6, "city": 5, "region": 4, "sea": 3, "area": 2, "country": 1}
# "Chinese-made", "French-built": a demonym glued to these names the maker.
MAKER_SUFFIX = r"-(?:made|built|designed|supplied|produced|manufactured|developed|origin|donated|provided|sourced)\b"
# "South American", "Latin American": a region's demonym, not a country's.
_REGION_BEFORE = re.compile(r"(?:South|North|Latin|Central|Pan|Anglo|Afro|Native|Korean|Arab)[\s-]$")
# After a name, what it may touch: a possessive ("Iran's") or a maker's suffix ("Chinese-made").
_MAY_FOLLOW = re.compile(r"['’]s\b|" + MAKER_SUFFIX)
# A title ("Washington Post", "Minsk Protocol") or a currency ("US$6 billion") names no party.
_NOT_A_MENTION = re.compile(r"^(?:\$|\s+(?:Post|Times|Journal|Examiner|Consensus|Accord|Treaty|Protocol|Convention|Institute|Declaration))")


@dataclass(frozen=True)
class CountryMention:
    """A span of a sentence that names a country in one of its forms."""

    start: int
    end: int
    iso3: str
    form: str  # name | demonym | metonym | person | group
    text: str


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    kind: str
    iso3: str
    lat: float
    lon: float


@dataclass(frozen=True)
class PlaceMention:
    """A span of a sentence that names a place."""

    start: int
    end: int
    place: Place


def _country_forms() -> dict[str, tuple[str, str]]:
    """Every surface form that names a country -> (iso3, form)."""
    forms: dict[str, tuple[str, str]] = {}
    for row in load_table("armed_groups"):
        for name in [row["name"], *split_values(row.get("aliases", ""))]:
            forms.setdefault(name, (row["iso3"], "group"))
    for row in load_table("people"):
        for name in [row["name"], *split_values(row.get("aliases", ""))]:
            forms.setdefault(name, (row["iso3"], "person"))
    for row in load_table("makers"):  # "KAI signed a contract": a state's arms maker acts for it
        for name in [row["name"], *split_values(row.get("aliases", ""))]:
            forms.setdefault(name, (row["iso3"], "metonym"))
    for row in load_table("countries"):
        iso3 = row["iso3"]
        for column, form in (("metonyms", "metonym"), ("demonyms", "demonym"), ("aliases", "name"), ("name", "name")):
            for value in split_values(row.get(column, "")):
                forms[value] = (iso3, form)  # country forms outrank a person's name
    return forms


@lru_cache(maxsize=256)
def country_of(form: str) -> str:
    """The country a name or demonym names as written ("Russian" -> RUS), else empty."""
    iso3, _ = _country_forms().get(form, ("", ""))
    return iso3


@lru_cache(maxsize=1)
def _country_matcher() -> matchers.NameMatcher:
    # case-sensitive on purpose: "US" is a country, "us" is not (see matchers.NameMatcher)
    return matchers.NameMatcher(_country_forms(), bare=True)


def find_countries(text: str | matchers.Tokens) -> list[CountryMention]:
    """Country mentions in a sentence (its text or its tokens): names, demonyms, capitals and seats
    of power, office holders.

    >>> [m.iso3 for m in find_countries("Russian troops left Caracas")]
    ['RUS', 'VEN']
    """
    sentence = matchers.as_tokens(text)
    text = sentence.text
    mentions = []
    for start, end, (iso3, form) in _country_matcher()(sentence, _MAY_FOLLOW):
        if _NOT_A_MENTION.match(text[end:]) or _REGION_BEFORE.search(text[max(0, start - 8):start]):
            continue
        mentions.append(CountryMention(start, end, iso3, form, text[start:end]))
    return mentions


@lru_cache(maxsize=1)
def _place_names() -> dict[str, Place]:
    """Name as written -> place, for gazetteer places and countries (as places of the lowest rank);
    a more specific place's name wins."""
    places: dict[str, Place] = {}
    for row in load_table("countries"):
        place = Place(row["name"], "country", row["iso3"], float(row["lat"]), float(row["lon"]))
        for name in [row["name"], *split_values(row.get("aliases", ""))]:
            places.pop(name, None)  # re-inserted: the latest row's name wins, as folded below
            places[name] = place
    for row in sorted(load_table("places"), key=lambda r: SPECIFICITY.get(r["kind"], 0)):
        place = Place(row["name"], row["kind"], row["iso3"], float(row["lat"]), float(row["lon"]))
        for name in [row["name"], *split_values(row.get("aliases", ""))]:
            if len(name) > 2:
                places.pop(name, None)
                places[name] = place
    return places


@lru_cache(maxsize=1)
def _places() -> dict[str, Place]:
    """Folded name -> place (see matchers.fold)."""
    return {matchers.fold(name): place for name, place in _place_names().items()}


@lru_cache(maxsize=1)
def _place_matcher() -> matchers.NameMatcher:
    # names as written, so that their dashes may be written as a space or not at all ("Bamako-Senou")
    return matchers.NameMatcher(_place_names())


def find_places(text: str | matchers.Tokens) -> list[PlaceMention]:
    """Gazetteer places named in a sentence (countries included, as the least specific places)."""
    sentence = matchers.as_tokens(text)
    return [PlaceMention(start, end, place) for start, end, place in _place_matcher()(sentence)
            if not _NOT_A_MENTION.match(sentence.text[end:])]


def lookup_place(name: str) -> Place | None:
    """The gazetteer entry for a place name (case-insensitive for all-caps datelines), or None."""
    places = _places()
    folded = matchers.fold(name)
    return places.get(folded) or places.get(folded.title())


@cache
def country_place(iso3: str) -> Place | None:
    """A country as a place at its centroid."""
    for row in load_table("countries"):
        if row["iso3"] == iso3:
            return Place(row["name"], "country", iso3, float(row["lat"]), float(row["lon"]))
    return None


def country_centroid(iso3: str) -> tuple[float, float] | None:
    """(lat, lon) of a country's centroid, or None for an unknown code."""
    place = country_place(iso3)
    return (place.lat, place.lon) if place else None


def country_name(iso3: str) -> str:
    """The common English name of a country code (the code itself when unknown)."""
    place = country_place(iso3)
    return place.name if place else iso3


@lru_cache(maxsize=1)
def load_country_outlines() -> dict:
    """Natural Earth 1:110m country outlines as a GeoJSON FeatureCollection, for the offline map."""
    with (DATA_DIR / "ne_110m_countries.geojson").open(encoding="utf-8") as handle:
        return json.load(handle)
