"""The front stages' sixteenth speed round (coder/lang/numbers.py, coder/recognise/matcher.py): each
rewritten piece is checked against the logic it had (a reference copy here) on sentences written for
these tests."""
from __future__ import annotations

import dataclasses
import pickle
import random
from functools import partial

import pytest

from coder.lang.numbers import NumberMatch, folded, reader

from tests.test_front_speed14 import _old_match

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


def shuffled_samples(sentences: list[str], lang: str, n: int, seed: int, longest: int) -> list[str]:
    """The sentences, folded, and n texts of up to `longest` of their words shuffled (so that what the
    test reads, numbers, duals, dates and their cues, stands at every place)."""
    rng = random.Random(seed)
    words = " ".join(sentences).split()
    texts = sentences + [" ".join(rng.sample(words, rng.randint(1, longest))) for _ in range(n)]
    return [folded(t, lang).text for t in texts]


def _samples(lang: str, n: int = 300) -> list[str]:
    """The sentences, folded, and texts of their words shuffled (numbers and duals at every place)."""
    return shuffled_samples(SENTENCES[lang], lang, n, seed=16, longest=16)


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


# ---------------------------------------------------------------- the matcher's phrases of several words

# coder.recognise.matcher.match as it was: a phrase of several words made by Mention's own __init__,
# its text sliced for each payload (the per-word memo keyed by the word as written)
_former_match = partial(_old_match, keyed_by_text=True)


MATCHER_SENTENCES = {
    "en": ["The United Nations Security Council condemned the attack on the Red Cross convoy.",
           "Prime Minister Boris Johnson met President Emmanuel Macron in Paris on Monday.",
           "Security forces opened fire on protesters and arrested dozens of opposition activists.",
           "The Islamic State claimed responsibility for the car bomb that killed ten soldiers.",
           "Rebels of the Free Syrian Army launched an offensive against government troops near Aleppo."],
    "ar": ["أدان مجلس الأمن الدولي الهجوم على قافلة الصليب الأحمر في حلب.",
           "التقى رئيس الوزراء العراقي وزير الخارجية الأمريكي في بغداد يوم الاثنين.",
           "أطلقت قوات الأمن النار على المتظاهرين واعتقلت عشرات من نشطاء المعارضة.",
           "تبنى تنظيم الدولة الإسلامية مسؤولية التفجير الذي قتل عشرة جنود.",
           "شن الجيش السوري الحر هجوما على القوات الحكومية قرب مدينة حلب."],
}


def _mention_fields(m) -> tuple:
    return (m.kind, m.first, m.last, m.start, m.end, m.text, id(m.entry), m.rule_id, m.first_form)


@pytest.mark.parametrize("lang", LANGS)
def test_matcher_mentions_as_before(lang):
    from coder.lexicon.load import load
    from coder.model import Mention
    from coder.pipeline import sentences
    from coder.recognise.matcher import match
    trie = load(lang).trie
    several = 0
    for text in MATCHER_SENTENCES[lang]:
        for sent in sentences(text, lang):
            new = match(trie, sent.tokens, sent.text, True)
            former = _former_match(trie, sent.tokens, sent.text)
            assert [_mention_fields(m) for m in new] == [_mention_fields(m) for m in former], text
            for m in new:   # every field set: each mention equals the one Mention's __init__ makes
                assert type(m) is Mention and m == Mention(*_mention_fields(m)[:6], m.entry, m.rule_id, m.first_form)
                assert m.text == sent.text[m.start:m.end]
            several += sum(m.first != m.last for m in new)
    assert several >= 5
