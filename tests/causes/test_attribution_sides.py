"""A reporting clause across a contrast or a stop does not speak for a cause on the other side."""
import pytest


@pytest.mark.parametrize(
    "text, cause, attribution, speaker",
    [
        ("Some users on social media speculated that the bank had been hit by a cyber attack, "
         "but the bank said there was no evidence of that.", "a cyber attack", "third_party", "Some users on social media"),
        ("Analysts suspected a DDoS attack; the airline said it was still investigating.",
         "a DDoS attack", "third_party", "Analysts"),
        ("Gamers blamed a DDoS attack; Sony said the network failed because of a hardware fault.",
         "a hardware fault", "official", "Sony"),
        ("The outage was caused by a power failure at a data centre, the company said.",
         "a power failure", "official", "the company"),
    ],
)
def test_speaker_is_on_the_cause_side_of_a_contrast(nlp, text, cause, attribution, speaker):
    doc = nlp(text)
    (mention,) = [c for c in doc._.causes if c.text == cause]
    assert (mention.attribution, mention.speaker) == (attribution, speaker)


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("It is not clear whether a cyberattack was to blame, although security experts said there was no sign of one.",
         "security experts"),
        ("The carrier denied a hack took its network down, while some analysts said a DDoS attack was likely.",
         "some analysts"),
    ],
)
def test_a_conjunction_is_no_part_of_a_speaker(nlp, text, speaker):
    speakers = {c.speaker for c in nlp(text)._.causes}
    assert speaker in speakers and not any(s and s.split()[0].lower() in {"although", "while", "because"} for s in speakers)
