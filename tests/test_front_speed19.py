"""The front stages' nineteenth speed round (coder/quantities/recognise.py): each rewritten piece is
checked against the logic it had (a reference copy here) on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_front_speed16 import SENTENCES, shuffled_samples
from tests.test_front_speed18 import NUMBER_SENTENCES

LANGS = ("ar", "en")

# counted nouns after numbers: one-word and two-word unit nouns, skip words and other words between,
# punctuation and numbers that end the reading, nouns too far to count
NOUN_SENTENCES = {
    "en": ["Police said 14 people were killed and 25 wounded, and 3 security forces members died later.",
           "At least 12 civilians, 4 police officers and 30 more people were injured in 2 car bombs.",
           "They arrested 17 suspected members of the armed group and 6 of their young local leaders.",
           "About 200 families fled, 9 of the 40 houses burned, 5 very old small wooden boats sank.",
           "The 3 big new armoured vehicles carried 11 soldiers; 2 (two) journalists were held."],
    "ar": ["قالت الشرطة إن 14 شخصا قتلوا وأصيب 25 آخرون، وتوفي 3 من عناصر قوات الأمن لاحقا.",
           "أصيب 12 مدنيا على الأقل و4 من رجال الشرطة و30 شخصا آخرين في انفجار سيارتين مفخختين.",
           "اعتقلت الشرطة 17 عضوا في الجماعة المسلحة و6 من قادتها المحليين الشبان.",
           "نزحت 200 عائلة، واحترق 9 من أصل 40 منزلا، وغرقت 5 قوارب خشبية صغيرة.",
           "حملت 3 مركبات مدرعة جديدة 11 جنديا؛ واحتجز 2 (اثنان) من الصحفيين."],
}


def _former_counted_noun(rec, right: str) -> tuple:
    """QuantityRecogniser._counted_noun as it was: every word up to the bound read first, then
    answered one by one."""
    from coder.quantities.recognise import _TOKEN
    words = []
    for m in _TOKEN.finditer(right):
        reading = rec._word_reading(m.group())
        if reading is None or len(words) > rec.max_gap + 4:
            break
        words.append((reading, m.end()))
    gap = 0
    for i, ((forms, unit, starts_pair, skipped), end) in enumerate(words):
        if starts_pair and i + 1 < len(words):
            pair = rec._pair_unit(forms, words[i + 1][0][0])
            if pair:
                return pair, words[i + 1][1]
        if unit:
            return unit, end
        if not skipped:
            gap += 1
            if gap > rec.max_gap:
                break
    return None, 0


@pytest.mark.parametrize("lang", LANGS)
def test_counted_noun_as_before(lang):
    """The unit and the noun's end, read after every place of the sentences and of their words
    shuffled: units of one word and of two, nouns beyond the gap, stops at punctuation and numbers."""
    from coder.quantities.recognise import _WINDOW, recogniser
    rec = recogniser(lang)
    texts = shuffled_samples(SENTENCES[lang] + NUMBER_SENTENCES[lang] + NOUN_SENTENCES[lang], lang, 300,
                             seed=19, longest=20)
    units = pairs = 0
    for text in texts:
        for k in range(len(text)):
            right = text[k:k + _WINDOW]
            expected = _former_counted_noun(rec, right)
            assert rec._counted_noun(right) == expected, right
            units += expected[0] is not None
            pairs += expected[0] is not None and " " in right[:expected[1]].strip()
    assert units >= 200 and pairs >= 20   # (the texts meet the cases the reading stops at)


@pytest.mark.parametrize("lang", LANGS)
def test_quantities_of_the_noun_sentences(lang):
    """Whole sentences: the quantities found are those the former reading of the noun gives."""
    from unittest import mock

    from coder.quantities import recognise
    texts = NOUN_SENTENCES[lang] + NUMBER_SENTENCES[lang]
    found = [recognise.find_quantities(t, lang) for t in texts]
    with mock.patch.object(recognise.QuantityRecogniser, "_counted_noun", _former_counted_noun):
        assert [recognise.find_quantities(t, lang) for t in texts] == found
    assert sum(map(len, found)) >= 15
