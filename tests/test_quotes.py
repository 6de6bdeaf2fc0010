import pytest

from extract.quotes import find_speaker, pronoun_mentions, quoted_spans


@pytest.mark.parametrize("text", [
    "“Our pilots will fly the new jets by spring,” the air force commander of Peru emphasised.",
    "“Our pilots will fly the new jets by spring,” according to the air force commander of Peru.",
    "“Our pilots will fly the new jets by spring,” the air force commander of Peru told a radio station.",
])
def test_quotes_our_is_the_country_of_the_speaker_a_verb_of_saying_names(text):
    # the verbs of saying are role=report rows of data/verb_cues.csv, "according to" a role=source
    # row of data/attribution_cues.csv: the speaker they name is who says "our"
    spans = quoted_spans(text)
    speaker = find_speaker(text, spans)
    assert speaker == "PER"
    assert [m.iso3 for m in pronoun_mentions(text, spans, speaker)] == ["PER"]
