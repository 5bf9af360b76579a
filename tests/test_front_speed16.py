"""The front stages' sixteenth speed round (coder/lang/numbers.py): each rewritten piece is checked
against the logic it had (a reference copy here) on sentences written for these tests."""
from __future__ import annotations

import dataclasses
import pickle
import random

import pytest

from coder.lang.numbers import NumberMatch, folded, reader

LANGS = ("ar", "en")

SENTENCES = {
    "en": ["Police said tens of thousands of people marched through the capital on 3 March 2019.",
           "Officials said the blast killed 14 people and wounded at least twenty-five others.",
           "An official said a hundred soldiers and two thousand volunteers joined the operation.",
           "The army destroyed 3,500 rounds of ammunition (about 12 tonnes) and seized $15 million.",
           "No one was hurt when the convoy was stopped near the bridge.",
           "Three soldiers and twenty-five militants died; up to 7 ( 8 ) were held.",
           ""],
    "ar": ["قالت الشرطة إن عشرات الآلاف من المتظاهرين خرجوا إلى الشوارع يوم الأحد.",
           "أعلنت الوزارة أن أحد عشر جنديا قتلوا وأصيب ثلاثة وعشرون آخرون في الهجوم.",
           "قتل جنديان وأصيب مقاتلان واعتقلت امرأتان قرب الحدود في 3 آذار 2019.",
           "اعتقلت قوات الأمن 17 شخصا بينهم ثلاث نساء في المدينة.",
           "لم يصب أحد بأذى عندما توقفت القافلة قرب الجسر.",
           "وأفرج المسلحون عن اثني عشر رهينة وجنديين بعد مفاوضات استمرت أياما."],
}


def _samples(lang: str, n: int = 300) -> list[str]:
    """The sentences, folded, and texts of their words shuffled (numbers and duals at every place)."""
    rng = random.Random(16)
    words = " ".join(SENTENCES[lang]).split()
    texts = SENTENCES[lang] + [" ".join(rng.sample(words, rng.randint(1, 16))) for _ in range(n)]
    return [folded(t, lang).text for t in texts]


# ---------------------------------------------------------------- NumberMatch's __init__

@dataclasses.dataclass(frozen=True, slots=True)
class _FormerNumberMatch:
    """NumberMatch as it was: the frozen dataclass's own __init__."""
    start: int
    end: int
    value: int
    vague: bool
    words: bool
    text: str


def _fields(record) -> tuple:
    return tuple(getattr(record, f.name) for f in dataclasses.fields(record))


def test_number_match_is_the_frozen_dataclass_it_was():
    args = (3, 9, 25, False, True, "twenty-five")
    new, former = NumberMatch(*args), _FormerNumberMatch(*args)
    assert [f.name for f in dataclasses.fields(NumberMatch)] == [f.name for f in dataclasses.fields(former)]
    assert _fields(new) == _fields(former) == args
    assert NumberMatch(**dict(zip(("start", "end", "value", "vague", "words", "text"), args))) == new
    assert repr(new) == repr(former).replace("_FormerNumberMatch", "NumberMatch")
    assert hash(new) == hash(former) == hash(args)
    assert new == NumberMatch(*args) and new != NumberMatch(3, 9, 26, False, True, "twenty-five")
    assert dataclasses.replace(new, value=26) == NumberMatch(3, 9, 26, False, True, "twenty-five")
    assert pickle.loads(pickle.dumps(new)) == new
    assert not hasattr(new, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.value = 1
    with pytest.raises(TypeError):
        NumberMatch(1, 2, 3, False, True)


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_found_hold_every_field(lang):
    r = reader(lang)
    seen = 0
    for text in _samples(lang):
        for num in r.find(text):
            seen += 1
            start, end, value, vague, words, phrase = _fields(num)
            assert phrase == text[start:end] and isinstance(value, int)
            assert isinstance(vague, bool) and isinstance(words, bool)
            assert _fields(_FormerNumberMatch(*_fields(num))) == _fields(NumberMatch(*_fields(num)))
            assert NumberMatch(*_fields(num)) == num and hash(NumberMatch(*_fields(num))) == hash(num)
    assert seen > 100
