"""The thirty-second speed round of the front stages (coder/lang/numbers.py, coder/quantities), each
change checked against the logic it had (a reference copy here or in an earlier round's tests) on
sentences written for these tests: a number phrase made by plain stores (numbers.new_number_match),
a match's groups read by number in one call (NumberReader._read), a year that counts no noun
dropped before the text before it is searched, and that text searched by none of the patterns tested
by their last words where it ends with none of them (QuantityRecogniser._quantity); and a sentence's
chunks' folds read from the memo by one getter of them all (coder.lang.chunk_folds)."""
from __future__ import annotations

import dataclasses
import pickle
from unittest import mock

import pytest

from tests.test_front_speed16 import shuffled_samples
from tests.test_front_speed23 import _former_quantity

LANGS = ("ar", "en")

# years alone, after "in", "since", a month, a qualifier or a currency sign, and years that count a
# noun; counts in digits and in words beside them
YEARS = {
    "en": ["The town was shelled in 2014 and again since 2019, when 2000 soldiers arrived by March 2020.",
           "At least 1999 people fled in 2002, about 2,100 were killed and $2010 was paid in 2011 alone.",
           "Police said 2050 protesters were arrested, 12 were hurt in 1990 and 1900 homes burned in 2100.",
           "More than 2003 families left; three hundred died in 1995, and 2005 ended with 40 dead in June."],
    "ar": ["قصفت البلدة في 2014 ومنذ 2019 حين وصل 2000 جندي في آذار 2020.",
           "فر 1999 شخصا على الأقل في 2002 وقتل نحو 2,100 ودفع 2010 دولار في عام 2011 وحده.",
           "قالت الشرطة إن 2050 متظاهرا اعتقلوا وأصيب 12 في 1990 واحترق 1900 منزل في 2100.",
           "غادرت أكثر من 2003 أسرة وقتل ثلاثمئة في 1995 وانتهى عام 2005 بمقتل 40 في حزيران."],
}


def _year_texts(lang: str, n: int = 300) -> list[str]:
    """The sentences, folded, and texts of their words shuffled (years before and after every word)."""
    return shuffled_samples(YEARS[lang], lang, n, seed=31, longest=18)


# ---------------------------------------------------------------- a year with no noun, told first


@pytest.mark.parametrize("lang", LANGS)
def test_quantity_of_each_number_as_before(lang):
    """Every number of the texts, years among them: the same quantity (or none) as the former
    reading of its context, which tested a year only after the searches of the text before it."""
    from coder.quantities.recognise import _looks_like_year, recogniser
    rec = recogniser(lang)
    years = counted_years = 0
    for text in _year_texts(lang):
        for num in rec.numbers.find(text):
            expected = _former_quantity(rec, text, num)
            assert rec._quantity(text, num) == expected, (text, num)
            if _looks_like_year(num):
                years += 1
                counted_years += expected is not None
    assert years >= 200 and counted_years >= 20


@pytest.mark.parametrize("lang", LANGS)
def test_quantities_of_the_sentences_as_before(lang):
    """Whole sentences, as written: the quantities the former reading of each number gives."""
    from coder.quantities import recognise
    found = [recognise.find_quantities(t, lang) for t in YEARS[lang]]
    with mock.patch.object(recognise.QuantityRecogniser, "_quantity", _former_quantity):
        assert [recognise.find_quantities(t, lang) for t in YEARS[lang]] == found
    assert sum(map(len, found)) >= 8


# ---------------------------------------------------------------- number phrases


def test_new_number_match_is_what_the_class_makes():
    from coder.lang.numbers import NumberMatch, new_number_match
    args = (3, 14, 25, False, True, "twenty-five")
    made, called = new_number_match(*args), NumberMatch(*args)
    assert type(made) is NumberMatch
    assert made == called and hash(made) == hash(called) and repr(made) == repr(called)
    assert [getattr(made, f.name) for f in dataclasses.fields(NumberMatch)] == list(args)
    assert new_number_match(**dict(zip((f.name for f in dataclasses.fields(NumberMatch)), args))) == called
    assert made != new_number_match(3, 14, 26, False, True, "twenty-five")
    assert pickle.loads(pickle.dumps(made)) == called
    assert dataclasses.replace(made, value=26) == NumberMatch(3, 14, 26, False, True, "twenty-five")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = 26
    with pytest.raises(TypeError):
        new_number_match(1, 2, 3, False, True)


NUMBERS = {
    "en": ["Nearly 4,500 men, dozens of boys, 12 million euros, 7.25 miles and ninety-nine women.",
           "Two thousand and 8, 3.0 million, 9,000,000, thousands of workers and a hundred others, 20 000."],
    "ar": ["قرابة 4,500 رجل وعشرات الفتيان و 12 مليون يورو و 7.25 ميل وتسعة وتسعون امرأة.",
           "ألفان و 8 و 3.0 مليون و ٩٠٠٠ وآلاف العمال ومئة آخرون واثنا عشر عاملا و 20 ألفا."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_read_as_before(lang):
    """NumberReader.find: the numbers (every field, and their type) that the former reading of each
    match gives, its groups asked by name and each number made by the class."""
    from coder.lang.numbers import NumberMatch, reader
    r = reader(lang)

    def former(text):
        out = []
        for m in (r.regex.finditer(text) if r.gate.admits(text) else ()):
            vague = m.group("vague")
            if vague:
                out.append(NumberMatch(m.start("vague"), m.end("vague"), r.vague[" ".join(vague.split())],
                                       True, True, vague))
                continue
            digits = m.group("digits")
            if digits:
                mult = m.group("mult")
                value = r._digits_value(digits, mult)
                if value is not None:
                    start = m.start("digits")
                    end = m.end("mult") if mult else start + len(digits)
                    out.append(NumberMatch(start, end, value, False, False, text[start:end]))
            else:
                out.extend(r._words(text, m.start("words"), m.group("words")))
        return out
    kinds = set()
    for text in shuffled_samples(NUMBERS[lang], lang, 300, seed=31, longest=16):
        found = r.find(text)
        expected = former(text)
        assert found == expected, text
        assert all(type(n) is NumberMatch for n in found)
        kinds.update((n.vague, n.words, " " in n.text) for n in found)
    assert len(kinds) >= 4


def _former_digits_value(r, digits: str, mult):
    """NumberReader._digits_value as it was: the separators taken out of every number's digits."""
    from coder.lang.numbers import _GROUP_SEPARATOR
    grouped = _GROUP_SEPARATOR.sub("", digits).replace("٫", ".")
    if len(grouped) >= 8 and grouped.isdigit() and not mult:
        return None
    value = float(grouped) if "." in grouped else int(grouped)
    if mult:
        value *= r.hundreds.get(mult) or r.scales.get(mult) or 1
    if value != int(value):
        return None
    return int(value)


@pytest.mark.parametrize("lang", LANGS)
def test_digits_valued_as_before(lang):
    """Digits alone (Western and Arabic-Indic, up to nine of them) and with separators and decimal
    points, bare and with each multiplier: the value the former reading gives."""
    from coder.lang.numbers import reader
    r = reader(lang)
    digits = ["7", "12", "2019", "1234567", "12345678", "123456789", "٧", "١٢", "٢٠١٩", "١٢٣٤٥٦٧٨",
              "1,200", "1,234,567", "12,345,678", "1٬200", "3.5", "2.0", "7.25", "3٫5", "3٫0", "10,000.5"]
    valued = set()
    for d in digits:
        for mult in [None, *r.hundreds, *r.scales]:
            value = r._digits_value(d, mult)
            assert value == _former_digits_value(r, d, mult), (d, mult)
            valued.add(value is None)
    assert valued == {True, False}


# ---------------------------------------------------------------- the chunks before a text's end


def _former_ends_chunk_before_words(tail: str, last_words: dict, fewest: int, most: int) -> bool:
    """context.ends_chunk_before_words as it was: each chunk read by its index from the end."""
    parts = tail.rsplit(None, most)
    for k in range(fewest, min(most, len(parts) - 1) + 1):
        chunk = parts[-1 - k]
        ends = last_words.get(chunk[-1:])
        if ends is not None and chunk.endswith(ends):
            return True
    return False


def test_chunks_before_the_end_read_as_before():
    """Texts of up to eight words, some of them ending with a last word, every (fewest, most) of 0-5:
    the same answer as the former reading; and the answers are not all one."""
    import random

    from coder.quantities.context import ends_chunk_before_words, last_words_of
    last_words = last_words_of(["killing of", "death toll", "وفاة", "مقتل"], ["at least"])
    words = ["killing", "of", "toll", "the", "least", "وفاة", "مقتل", "a", "x", "(", "at", "people", "ل"]
    rng = random.Random(31)
    tails = [""] + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(400)]
    tails += [" " + t + "  " for t in tails[1:40]] + [t.replace(" ", "\n ") for t in tails[40:80]]
    answers = set()
    for tail in tails:
        for fewest in range(0, 3):
            for most in range(fewest, 6):
                expected = _former_ends_chunk_before_words(tail, last_words, fewest, most)
                assert ends_chunk_before_words(tail, last_words, fewest, most) == expected, (tail, fewest, most)
                answers.add(expected)
    assert answers == {True, False}


# ---------------------------------------------------------------- the text before a number, told quiet


# numbers after a currency sign or word, a qualifier, a month, a cue, a blocker, and after words that
# end none of those patterns
BEFORE = {
    "en": ["Aid worth $ 40 million came as about 30 people, up to 25 more, fled on June 12 after clashes.",
           "Resolution 2254 passed; killing 17, the attack wounded nearly 60 and at least 9 were held.",
           "The toll rose to 80 while rebels shelled 3 towns and the army said 12 soldiers died there."],
    "ar": ["وصلت مساعدات بقيمة $ 40 مليون وفر نحو 30 شخصا وما يصل إلى 25 آخرين في 12 حزيران بعد الاشتباكات.",
           "صدر القرار 2254 وقتل 17 وأصيب قرابة 60 واعتقل 9 على الأقل في الهجوم.",
           "ارتفعت الحصيلة إلى 80 بينما قصف المسلحون 3 بلدات وقال الجيش إن 12 جنديا قتلوا هناك."],
}


def _quiet(rec, text: str, num) -> bool:
    """Does the text before the number end with none of the last words of the patterns tested by them?"""
    from coder.quantities.context import text_end
    from coder.quantities.recognise import _GLUED, _WINDOW
    left = text[num.start - _WINDOW if num.start > _WINDOW else 0:num.start]
    if _GLUED.search(left, len(left) - 2):
        left = ""
    tail = text_end(left)
    ends = rec.before_last_words.get(tail[-1:])
    return ends is None or not tail.endswith(ends)


@pytest.mark.parametrize("lang", LANGS)
def test_quantity_after_every_kind_of_text_as_before(lang):
    """Every number of the texts: the same quantity (or none) as the former reading, which searched
    the text before each number with every pattern; numbers after texts told quiet and after texts
    not told so, and quantities of both."""
    from coder.quantities.recognise import recogniser
    rec = recogniser(lang)
    assert rec.before_last_words is not None
    seen = set()
    for text in shuffled_samples(BEFORE[lang], lang, 300, seed=32, longest=18):
        for num in rec.numbers.find(text):
            expected = _former_quantity(rec, text, num)
            assert rec._quantity(text, num) == expected, (text, num)
            seen.add((_quiet(rec, text, num), expected is not None))
    assert seen == {(True, True), (True, False), (False, True), (False, False)}


def test_united_last_words():
    """The last words of patterns tested by their last words alone, by their last character; None
    where a pattern reads words after its phrase, or has no last words to test."""
    import re

    from coder.quantities.context import AtEnd, last_words_of, united_last_words
    regex = re.compile("x")
    cues = AtEnd(regex, 2, last_words_of(["were killed", "wounded"]))
    signs = AtEnd(regex, 1, last_words_of(["$", "US $", "dollars"]))
    assert united_last_words(cues, None, signs) == {"d": ("killed", "wounded"), "$": ("$",), "s": ("dollars",)}
    assert united_last_words(None) == {}
    assert united_last_words(cues, AtEnd(regex, 2, last_words_of(["toll"]), (0, 4))) is None
    assert united_last_words(AtEnd(regex, None), signs) is None


# ---------------------------------------------------------------- the chunks' folds by one getter


def _former_chunk_folds(text: str, chunks, lang: str):
    """chunk_folds as it was: the memo's look-up mapped over the chunks, a list."""
    from coder.lang import profile
    from coder.lang.chunk_folds import _FOLDS_TO_TWO, fold, text_chunks
    if chunks is None:
        return None
    memo = profile(lang).CHUNK_FOLDS
    try:
        return [*map(memo.__getitem__, chunks)]
    except KeyError:
        pass
    folds = text_chunks(fold(text, lang).text)
    if len(folds) != len(chunks) or _FOLDS_TO_TWO in text:
        return None
    memo.update(zip(chunks, folds))
    return folds


FOLDED = {
    "en": ["Rebels SHELLED the Town of Idlib on Friday, killing 12 (AFP).", "Gunmen", "Troops withdrew.",
           "Protesters Marched through İstanbul on Sunday.", "The army said: \"We will stay\" in 2019."],
    "ar": ["قصف المتمردون مدينةَ إدلب يوم الجمعة ما أسفر عن مقتل ١٢ شخصاً.", "مسلحون", "انسحبت القوات.",
           "تظاهر محتجون في إسطنبول يوم الأحد (أ ف ب).", "قال الجيش: «سنبقى» في عام 2019."],
}


@pytest.mark.parametrize("lang", LANGS)
def test_chunk_folds_as_before(lang):
    """Sentences of one chunk and of several, known to the tokeniser's memo, with a chunk it did not
    learn, and with İ: the folds the former look-up gives (a tuple or a list of the same folds), or
    None where it gave None."""
    from coder.lang import profile
    from coder.lang.chunk_folds import chunk_folds
    memo = profile(lang).CHUNK_FOLDS
    kinds = set()
    for text in FOLDED[lang]:
        profile(lang).tokenise(text)   # (the tokeniser learns the chunks' folds)
        chunks = text.split()
        for cut in (chunks, chunks[:1], chunks + ["\u2460\u0301x"], None):
            if cut is not None and "\u2460\u0301x" in cut:
                memo.pop("\u2460\u0301x", None)   # (a chunk no memo holds: the text folded whole)
            whole = text if cut is None or len(cut) == len(chunks) else " ".join(cut)
            expected = _former_chunk_folds(whole, cut, lang)
            if cut is not None and "\u2460\u0301x" in cut:
                memo.pop("\u2460\u0301x", None)
            found = chunk_folds(whole, cut, lang)
            assert (None if found is None else list(found)) == (None if expected is None else list(expected)), whole
            kinds.add((None if found is None else len(found) > 1))
    assert kinds == {None, True, False}
