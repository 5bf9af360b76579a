"""The front stages' twenty-sixth speed round (coder/dates/rules.py, coder/lang/numbers.py): the date and
number regexes matched only at the word starts of the chunks their gates admit (and the few chunks
before), not searched through the text. Each is checked against what the whole text's search finds,
on sentences written for these tests and their words shuffled, with marks, glued punctuation and
spacing that is not single."""
from __future__ import annotations

import random

import pytest

from tests.test_front_speed16 import SENTENCES, shuffled_samples
from tests.test_front_speed17 import DATE_SENTENCES, _former_matches
from tests.test_front_speed18 import MORE_DATES, NUMBER_SENTENCES, _former_numbers

LANGS = ("ar", "en")

# words that make a chunk more than one word start (glued punctuation, a hyphen, an Arabic mark that
# is no word character) or that are no date and no number (between two dates, after the last)
ODD_WORDS = {
    "en": ["(Monday)", "2019-2020", "3/4", "mid-March", "five-day", "U.S.-led", "14,", "\"Friday\"",
           "week's", "#2", "1st", "x2019", "the", "and", "said", "troops", "--", "20-25"],
    "ar": ["(الاثنين)", "2019-2020", "3/4", "الـ14", "وَقَالَ", "يَوْمَ", "أَمْسِ", "14،", "«الجمعة»",
           "20ـ19", "ـ", "في", "و", "قال", "الجيش", "٢٠١٩", "ثلاثةَ", "--"],
}


def _texts(lang: str, sentences: list[str], n: int, seed: int) -> list[str]:
    """The sentences, folded, and texts of their words and the odd words shuffled (single-spaced)."""
    return shuffled_samples(sentences + [" ".join(ODD_WORDS[lang])], lang, n, seed=seed, longest=28)


def _spaced_otherwise(texts: list[str], seed: int) -> list[str]:
    """The texts with some single spaces doubled or made tabs: no longer their chunks single-spaced."""
    rng = random.Random(seed)
    out = []
    for text in texts:
        words = text.split(" ")
        out.append("".join(w + (rng.choice(["  ", "\t", " "]) if i < len(words) - 1 else "")
                           for i, w in enumerate(words)))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_the_patterns_are_proven_to_begin_at_word_starts(lang):
    """Both regexes carry the \\b the proof adds, so the word-start matching is what runs."""
    from coder.dates import date_rules
    from coder.lang.numbers import reader
    assert date_rules(lang).at_word_starts and date_rules(lang).regex.pattern.startswith("\\b")
    assert reader(lang)._at_word_starts


@pytest.mark.parametrize("lang", LANGS)
def test_find_all_at_word_starts_finds_what_the_search_finds(lang):
    """The matches (spans, rule, every group) of find_all with the chunks given as single-spaced and the
    first admitting chunk given, as the whole text's search finds them; several dates in many texts."""
    from coder.dates import date_rules
    from coder.lang.numbers import text_chunks
    rules = date_rules(lang)
    several = found_any = 0
    for text in _texts(lang, DATE_SENTENCES[lang] + MORE_DATES[lang], 600, seed=27):
        chunks = text_chunks(text)
        if " ".join(chunks) != text:   # (a lone tatweel folds to nothing: the next test's case)
            continue
        first = rules.gate.first_admitting(chunks)
        got = [(m.span(), m.lastgroup, m.groupdict()) for m in rules.find_all(text, chunks, True, first)] \
            if first is not None else []
        assert got == _former_matches(rules, text), text
        found_any += bool(got)
        several += len(got) > 1
    assert found_any >= 200 and several >= 50


@pytest.mark.parametrize("lang", LANGS)
def test_find_all_of_a_text_not_single_spaced_is_searched(lang):
    """A text whose chunks are not joined by single spaces: its chunks worked out, found as before."""
    from coder.dates import date_rules
    rules = date_rules(lang)
    texts = _spaced_otherwise(_texts(lang, DATE_SENTENCES[lang] + MORE_DATES[lang], 200, seed=28), seed=28)
    found_any = 0
    for text in texts:
        got = [(m.span(), m.lastgroup, m.groupdict()) for m in rules.find_all(text)]
        assert got == _former_matches(rules, text), repr(text)
        found_any += bool(got)
    assert found_any >= 50


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_at_word_starts_found_as_the_search_finds_them(lang):
    """NumberReader.find with the chunks given as single-spaced, and on texts not single-spaced: the
    numbers (spans, values) the whole text's search finds; several in many texts."""
    from coder.lang.numbers import reader, text_chunks
    r = reader(lang)
    texts = _texts(lang, SENTENCES[lang] + NUMBER_SENTENCES[lang], 600, seed=29)
    several = 0
    for text in texts:
        if " ".join(text_chunks(text)) != text:
            continue
        got = [(n.start, n.end, n.value, n.vague) for n in r.find(text, text_chunks(text), True)]
        assert got == _former_numbers(r, text), text
        several += len(got) > 1
    assert several >= 100
    for text in _spaced_otherwise(texts[:200], seed=30):
        assert [(n.start, n.end, n.value, n.vague) for n in r.find(text)] == _former_numbers(r, text), repr(text)


@pytest.mark.parametrize("lang", LANGS)
def test_next_admitting_is_the_next_chunk_that_admits(lang):
    """On fresh gates (chunks first seen there) and on gates that know them: the index of the first
    chunk from k on that `admits` says yes of, alone, or None."""
    from coder.dates import date_rules
    from coder.lang.numbers import WordGate, reader, text_chunks
    for source in (date_rules(lang).gate, reader(lang).gate):
        gate, alone = (WordGate(source.words, also=source.also) for _ in range(2))
        gate.words = alone.words = source.words   # (the words as built, prefixes included)
        nones = somes = 0
        for _ in range(2):   # first sight, then every chunk known
            for text in _texts(lang, DATE_SENTENCES[lang] + SENTENCES[lang], 200, seed=31):
                chunks = text_chunks(text)
                first = gate.first_admitting(chunks)
                if first is None:
                    continue
                for k in range(first + 1, len(chunks) + 1):
                    want = next((j for j in range(k, len(chunks)) if alone.admits(chunks[j])), None)
                    assert gate.next_admitting(chunks, k) == want, (text, k)
                    nones += want is None
                    somes += want is not None
        assert nones >= 100 and somes >= 100
