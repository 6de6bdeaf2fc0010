import pytest

from extract.places import country_centroid, find_countries, find_places, load_country_outlines, lookup_place


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russian troops", [("RUS", "demonym")]),
        ("the Kremlin said", [("RUS", "metonym")]),
        ("Pyongyang and Tehran", [("PRK", "metonym"), ("IRN", "metonym")]),
        ("U.S. officials", [("USA", "name")]),
        ("The Washington Post reported", []),
        ("Chile will pay US$900 million", [("CHL", "name")]),
        ("Hanwha and Rheinmetall signed", [("KOR", "metonym"), ("DEU", "metonym")]),
        ("the South American country", []),
        ("Maduro's envoy", [("VEN", "person")]),
        # Korean outlets and trade press write plain "Korea"/"Korean" for the South; the North is always named
        ("Korea's exports of Korean howitzers", [("KOR", "name"), ("KOR", "demonym")]),
        ("North Korean shells", [("PRK", "demonym")]),
    ],
)
def test_places_country_mentions(text, expected):
    assert [(m.iso3, m.form) for m in find_countries(text)] == expected


def test_places_gazetteer_has_cities_regions_seas_with_coordinates():
    for name, kind in [("Caracas", "city"), ("Aragua", "region"), ("Caribbean Sea", "sea"), ("Kursk Oblast", "region")]:
        place = lookup_place(name)
        assert place is not None and place.kind == kind, name
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
    assert lookup_place("CARACAS").name == "Caracas"  # all-caps datelines


def test_places_found_in_text():
    assert [m.place.name for m in find_places("landed in Caracas after crossing the Caribbean Sea")] == ["Caracas", "Caribbean Sea"]


def test_places_country_centroids_and_outlines():
    lat, lon = country_centroid("VEN")
    assert 0 < lat < 13 and -74 < lon < -59
    outlines = load_country_outlines()
    assert outlines["type"] == "FeatureCollection" and len(outlines["features"]) > 150
