"""Speed steps of the row stage and the place finder (sixth round) must not change a row: what goes
on from a word that is no name by itself is read from a set kept per word, and the ASCII folds of
the words a name walk reads are kept per word."""
from __future__ import annotations

import pytest

from coder.geo import toponyms
from coder.geo.gazetteer import Gazetteer, ascii_fold
from coder.geo.toponyms import SentencePlaces, _follow, _fold, _starts
from coder.lang import profile
from test_rows_places_speed4 import _continued_by, _start_tokens_per_token

SENTENCES = [
    ("Clashes erupted in Ras al-Ain and Tell Abyad, near Serêkaniyê, and in the town of Deir ez-Zor.", "en"),
    ("The al-Hol camp, the Al Qaim crossing and Abu Kamal; San Francisco and the San River.", "en"),
    ("اشتبك مسلحون مع الجيش في مدينة الحسكة وريف دير الزور ورأس العين وتل أبيض", "ar"),
    ("وصل الوفد إلى أبو ظبي بعد زيارة محافظة حمص ومحافظه وبئر السبع وجسر الشغور", "ar"),
]


def _pairs_of_sentences():
    """Every (pairs, next word) a word of the sentences that is no name by itself is asked about."""
    for text, lang in SENTENCES:
        trie = Gazetteer.default().tries[lang]
        tokens = profile(lang).tokenise(text)
        for i, tok in enumerate(tokens):
            starts = _starts(trie, tok, lang)
            if starts and not starts[1]:
                yield starts[0], [t.norm for t in tokens] + ["سرێکانیێ", "serêkaniyê", "ras", "ain"]


def test_the_follow_set_answers_as_the_walk_over_the_nodes():
    asked = 0
    for pairs, words in _pairs_of_sentences():
        follow = _follow(pairs)
        for nxt in words:
            assert _continued_by(pairs, nxt) == (nxt in follow or _fold(nxt) in follow)
            asked += 1
    assert asked > 100


def test_the_kept_fold_is_ascii_fold():
    for word in ("serêkaniyê", "Serêkaniyê", "رأس", "مؤتة", "homs", "", "é"):
        assert _fold(word) == ascii_fold(word)


@pytest.mark.parametrize("text,lang", SENTENCES)
def test_the_words_that_start_a_name_are_those_each_word_starts(text, lang, monkeypatch):
    expected = _start_tokens_per_token(text, lang)
    assert expected
    for memo in ({}, None):   # a fresh memo, then the one the first reading filled
        if memo is not None:
            monkeypatch.setattr(toponyms, "_STARTS", memo)
        assert SentencePlaces(text, profile(lang).tokenise(text), lang)._start_tokens() == expected


def _in_attribution_by_characters(p, event_start, event_end, speech_starts, text):
    """in_attribution as it read the stretches before: a character at a time."""
    for s in speech_starts:
        if event_end <= p.start and p.end <= s and not any(ch in ",;:()\"«»،؛-–—" for ch in text[p.end:s]) \
                and any(ch in ",;:()\"«»،؛-–—" for ch in text[event_end:p.start]):
            return True
        if s < p.start and p.end <= event_start and any(ch in ':"«“' for ch in text[p.end:event_start]) \
                and not any(ch in ':"«“' for ch in text[s:p.start]):
            return True
    return False


def test_in_attribution_reads_the_stretches_as_before():
    import random
    from types import SimpleNamespace

    from coder.geo.events import in_attribution
    rng = random.Random(6)
    texts = ["Rebels shelled the town, the ministry in Berlin said on Monday.",
             'وقال للصحفيين في البيت الأبيض: "لن نتراجع" بعد القصف، حسب الوكالة.',
             "He told reporters at the White House «we will act» – and left; (later) “more” came."]
    asked = 0
    for text in texts:
        n = len(text)
        for _ in range(400):
            a, b = sorted(rng.sample(range(n + 1), 2))
            e0, e1 = sorted(rng.sample(range(n + 1), 2))
            speech = rng.sample(range(n), rng.randint(0, 3))
            p = SimpleNamespace(start=a, end=b)
            assert in_attribution(p, e0, e1, speech, text) == _in_attribution_by_characters(p, e0, e1, speech, text)
            asked += 1
    assert asked == 1200


@pytest.mark.parametrize("text,expected", [
    ("killed 500,000 people", False),   # a comma between digits is no barrier
    ("clashes, then", True),
    ("no barrier here at all", False),
    ("«quoted» words", True),
])
def test_punct_between_as_before(text, expected):
    from types import SimpleNamespace

    from coder.rows import _punct_between
    d = SimpleNamespace(start=0, end=0)
    c = SimpleNamespace(evidence_start=len(text), evidence_end=len(text) + 1)
    assert _punct_between(text, d, c) is expected
