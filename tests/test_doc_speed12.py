"""Speed steps of the document stages (round 20): each rewritten loop gives what it gave before.

The marker scan reads a key of several words from the words after its first only (not from a tuple
of the whole sentence's norms); the quantity recogniser tests for a currency sign in a loop; the
tokeniser, the matcher and the place finder read their per-word memos through locals. Each is checked
against a plain statement of what it answers, and warm (memos filled) against cold (memos empty)."""
import random

import pytest

from coder.dates import markers as marker_module
from coder.dates.markers import FIELDS, marker_starts, markers
from coder.geo import toponyms
from coder.geo.toponyms import SentencePlaces
from coder.lang import profile
from coder.lexicon.load import load
from coder.quantities import find_quantities
from coder.recognise import matcher

_EN = [
    "Protesters marched on Sunday in the wake of the shooting, and police fired tear gas in response to stones.",
    "The ministry said on Tuesday that strikes resumed in retaliation for the attack on the convoy.",
    "Talks went on until Friday, days after the ceasefire that held since March.",
    "Earlier, officials in Baghdad said the bridge was closed before the storm.",
    "Rebels freed three hostages following talks in Aleppo, a spokesman said.",
    "The report was published in the wake",   # (a key cut short by the sentence's end)
    "Villagers fled in response to",
]
_AR = [
    "تظاهر المئات في أعقاب مقتل شاب في بغداد، وأطلقت الشرطة الغاز بعد ذلك.",
    "قصفت الطائرات مواقع في إدلب عقب هجوم على قافلة منذ يومين.",
    "استمرت المفاوضات حتى يوم الجمعة، وحتى مساء السبت في دمشق.",
    "أفرج المسلحون عن رهينتين إثر وساطة قبلية في الموصل.",
    "وصلت المساعدات إلى حلب بعيد منتصف الليل.",
    "انتهى الاجتماع في أعقاب",
    "قالت الوزارة في",
]
_TEXTS = [("en", t) for t in _EN] + [("ar", t) for t in _AR]


def _shuffled(lang: str, texts: list[str], n: int = 150) -> list[str]:
    """New sentences of the texts' words in random order: each marker word at every place."""
    rng = random.Random(20)
    words = " ".join(texts).split()
    return texts + [" ".join(rng.sample(words, rng.randint(1, 12))) for _ in range(n)]


def _marker_starts_by_definition(tokens, lang: str, field: str) -> list[tuple[int, int]]:
    """Where the list's keys stand, read off the keys: a key starts at a word one of whose forms is
    its first key and whose next words' norms are the rest; in list order, then sentence order."""
    found = set()
    for n, key in enumerate(markers(lang, field)):
        for i, tok in enumerate(tokens):
            if key[0] in tok.forms and tuple(t.norm for t in tokens[i + 1:i + len(key)]) == key[1:]:
                found.add((n, i, tok.start))
    return [(i, start) for _, i, start in sorted(found)]


@pytest.mark.parametrize("lang,texts", [("en", _EN), ("ar", _AR)])
def test_marker_starts_are_the_keys_found_word_by_word(lang, texts):
    prof = profile(lang)
    for text in _shuffled(lang, texts):
        tokens = prof.tokenise(text)
        for field in FIELDS:
            assert marker_starts(tokens, lang, field) == _marker_starts_by_definition(tokens, lang, field), text


def test_marker_keys_of_several_words_are_found():
    tokens = profile("en").tokenise(_EN[0])
    starts = marker_starts(tokens, "en", "earlier_event_markers")
    assert [tokens[i].text for i, _ in starts] == ["in", "in"]   # in the wake of, in response to
    tokens = profile("ar").tokenise(_AR[0])
    # (in list order: بعد before في أعقاب)
    assert [tokens[i].text for i, _ in marker_starts(tokens, "ar", "earlier_event_markers")] == ["بعد", "في"]


def test_marker_scan_warm_as_cold():
    for lang, text in _TEXTS:
        tokens = profile(lang).tokenise(text)
        warm = [marker_starts(tokens, lang, f) for f in FIELDS]
        marker_module._WORDS.clear()          # every word new again
        marker_module._last = (None, None, None)
        assert [marker_starts(tokens, lang, f) for f in FIELDS] == warm, text


@pytest.mark.parametrize("lang,text,value,span", [
    ("en", "The fund pledged $15 billion to rebuild the port.", 15_000_000_000, "$15 billion"),
    ("en", "Donors gave £3 million and €20 million after the floods.", 3_000_000, "£3 million"),
    ("ar", "خصصت الحكومة $5 مليون لإعادة الإعمار.", 5_000_000, "$5 مليون"),
])
def test_a_currency_sign_glued_to_a_number_is_read_with_it(lang, text, value, span):
    found = find_quantities(text, lang)
    assert (found[0].value, found[0].unit, found[0].text) == (value, "money", span)


@pytest.mark.parametrize("lang,text,values", [
    ("en", "Officials said 14 people were killed and 25 wounded.", [14, 25]),
    ("ar", "قتل 14 شخصا وأصيب 25 آخرون في الهجوم.", [14, 25]),
])
def test_numbers_without_a_sign_are_read_as_before(lang, text, values):
    assert [q.value for q in find_quantities(text, lang)] == values


def _fields(tokens):
    return [(t.text, t.start, t.end, t.norm, t.forms) for t in tokens]


def test_tokens_warm_as_cold_and_spans_as_written():
    for lang, text in _TEXTS:
        prof = profile(lang)
        warm = prof.tokenise(text)
        assert all(text[t.start:t.end] == t.text for t in warm), text
        from coder.lang.common import tokens_by
        cold = tokens_by(text, prof._WORD, prof.normalise, lambda norm, raw: prof.lookup_forms(norm), {})
        assert [(t.text, t.start, t.end) for t in cold] == [(t.text, t.start, t.end) for t in warm], text
        assert _fields(prof.tokenise(text)) == _fields(warm), text


def _mentions(ms):
    return [(m.kind, m.first, m.last, m.start, m.end, m.text, id(m.entry), m.rule_id, m.first_form) for m in ms]


def test_matches_warm_as_cold():
    kinds = set()
    for lang, text in _TEXTS:
        trie = load(lang).trie
        tokens = profile(lang).tokenise(text)
        warm = _mentions(matcher.match(trie, tokens, text, True))
        kinds |= {m[0] for m in warm}
        saved = dict(matcher._STARTS)
        matcher._STARTS.clear()   # every word's first steps read again
        try:
            assert _mentions(matcher.match(trie, tokens, text, True)) == warm, text
        finally:
            matcher._STARTS.update(saved)
    assert {"trigger", "actor", "grammar"} <= kinds


def test_place_starts_warm_as_cold():
    for lang, text in _TEXTS:
        tokens = profile(lang).tokenise(text)
        warm = SentencePlaces(text, tokens, lang)._start_tokens()
        places = [(p.place.place_id, p.start, p.end) for p in SentencePlaces(text, tokens, lang).places()]
        saved = dict(toponyms._STARTS)
        toponyms._STARTS.clear()
        try:
            assert SentencePlaces(text, tokens, lang)._start_tokens() == warm, text
            assert [(p.place.place_id, p.start, p.end)
                    for p in SentencePlaces(text, tokens, lang).places()] == places, text
        finally:
            toponyms._STARTS.update(saved)


def test_places_of_the_sentences_are_found():
    for lang, text, name in [("en", _EN[3], "Baghdad"), ("en", _EN[4], "Aleppo"),
                             ("ar", _AR[1], "إدلب"), ("ar", _AR[3], "الموصل")]:
        found = SentencePlaces(text, profile(lang).tokenise(text), lang).places()
        assert name in [p.text for p in found], (text, [p.text for p in found])
