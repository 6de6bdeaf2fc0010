import pytest

from extract.status import find_cues, resolve_status


def status_of(sentence, term):
    start = sentence.index(term)
    cue = resolve_status(sentence, start, start + len(term), find_cues(sentence), "present")
    return cue.status if cue else "present"


@pytest.mark.parametrize(
    "sentence, term, expected",
    [
        ("Caracas asked Beijing for radars.", "radars", "requested"),
        ("Kyiv has requested more Patriot batteries.", "Patriot", "requested"),
        ("Seoul vowed to supply shells.", "shells", "pledged"),
        ("Warsaw signed the contract for tanks.", "tanks", "agreed"),
        ("Ankara is considering buying jets.", "jets", "planned"),
        ("Moscow may request a larger troop presence.", "troop presence", "planned"),
        ("A plane arrived in Havana.", "plane", "delivered"),
        ("The plant began operating in May.", "plant", "delivered"),
        ("Syria already has S-300 systems.", "S-300", "present"),
        ("Russia withdrew its troops from Syria.", "troops", "ended"),
        ("The possibility of Russia sending warships to Cuba", "warships", "planned"),
        ("Private contractors have flown into the country.", "contractors", "delivered"),
    ],
)
def test_status_from_cues(sentence, term, expected):
    assert status_of(sentence, term) == expected


@pytest.mark.parametrize(
    "sentence, term, expected",
    [
        ("In May the corvettes were handed over to the navy.", "corvettes", "delivered"),
        ("Two corvettes form part of the package, an official who requested anonymity told reporters.", "corvettes", "present"),
        ("The future of the Russian air base in Libya is unclear.", "air base", "present"),
        ("The ousting of the junta has cast doubt over the French base.", "French base", "present"),
        ("Washington has put on hold the sale of the rifles.", "rifles", "ended"),
        ("Washington paused the rifles sale.", "rifles", "ended"),
    ],
)
def test_status_words_that_only_look_like_cues(sentence, term, expected):
    assert status_of(sentence, term) == expected
