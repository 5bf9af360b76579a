"""The twenty-sixth speed round's change to the dates' and quantities' front, checked against the
former logic on hand-written Arabic and English sentences:
- the tokeniser hands over the chunks it cut a sentence into (coder.lang.common.spaced_chunks),
  where the sentence is those chunks joined by single spaces;
- the folds of a sentence's chunks come from a memo of each chunk's fold (coder/lang/chunk_folds.py),
  learnt from a text folded whole: the dates' scan and the
  quantities read those folds for their gates, and fold a text only where a gate admits. The
  dates, quantities and rows are the same as the text folded whole (the former path) gives."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from coder import dates
from coder.dates import date_rules, find_dates, scan
from coder.lang import chunk_folds as cf, common, profile
from coder.lang.numbers import folded, text_chunks
from coder.pipeline import code_text
from coder.quantities import find_quantities

_AR = [
    "قصف الجيش السوري مواقع في إدلب أمس وقتل 12 مسلحا.",
    "قتل ثلاثة جنود وأصيب خمسة آخرون في انفجار عبوة ناسفة في كركوك يوم الجمعة.",
    "تظاهر مئات الطلاب أمام وزارة التربية في بغداد.",
    "أعلنت الشرطة اعتقال عشرات المتظاهرين في 3 آذار 2019 في البصرة.",
    "قتل جنديان في هجوم على نقطة تفتيش.",
    "وقعت الاشتباكات في 20ـ19 قرب الحدود.",            # a tatweel inside a year: the fold shifts
    "قصفت الطائرات مواقعَ المسلحين شمالاً.",             # marks: the fold shifts
    "هاجم  مسلحون قرية في ديالى الأسبوع الماضي.",       # two spaces: not spaced
    "اعتقلت الشرطة\t17 شخصا في الموصل.",                 # a tab between chunks
    "وصل الوفد إلى\u00a0عمان يوم الأحد 5 أيار.",          # a no-break space
    "قال المتحدث إن القوات سيطرت على 40 قرية منذ عام 2014.",
    "دفعت الحكومة 5 ملايين دولار تعويضا للضحايا.",
    "قصف\u200cالجيش مواقع المسلحين.",                    # a control character inside a chunk
    "قُتل 3 أشخاص ، ً في الهجوم يوم الخميس.",            # a chunk that folds to nothing
    "ابو",
]
_EN = [
    "Syrian troops shelled Idlib three days ago, killing 12 fighters.",
    "Police arrested dozens of protesters in Basra on 3 March 2019.",
    "Gunmen stormed a checkpoint in Kirkuk on Friday and killed two soldiers.",
    "The government paid $5 million to the families of the victims.",
    "Protesters  rallied in Amman last week.",
    "Iraqi forces retook 40 villages since 2014, officials said.",
    "Jets bombed Aleppo.",
    "ΣΟΦΙΑ protesters marched in Athens on Monday.",
    "Fighting broke out near the border in 20\u200b19.",
    "İSTANBUL police detained 20 people on Tuesday.",   # a letter that folds to two
]
_DAY = dt.date(2019, 8, 5)


def _former_dates(text: str, lang: str, published):
    """The dates as the text folded whole gives them (the former path: no folds)."""
    dates._SCANS.clear()
    found = find_dates(text, lang, published)
    dates._SCANS.clear()
    return found


def _former_quantities(text: str, lang: str):
    return find_quantities(text, lang, folded(text, lang))


def _cases():
    return [(t, "ar") for t in _AR] + [(t, "en") for t in _EN]


@pytest.mark.parametrize("text,lang", _cases())
def test_spaced_chunks_are_the_split_of_single_spaced_texts(text, lang):
    profile(lang).tokenise(text)
    chunks = common.spaced_chunks(text)
    if chunks is None:   # (white space of more than one character between two chunks, or around them)
        assert len(" ".join(text.split())) != len(text)
    else:
        assert chunks == text.split() and len(" ".join(chunks)) == len(text)
    assert common.spaced_chunks(text) is None   # (handed over once)
    assert common.spaced_chunks("never tokenised") is None


@pytest.mark.parametrize("text,lang", _cases())
def test_chunk_folds_are_the_folded_texts_chunks(text, lang):
    for _ in range(2):   # learnt, then read from the memo
        profile(lang).tokenise(text)
        folds = cf.chunk_folds(text, common.spaced_chunks(text), lang)
        whole = folded(text, lang)
        if folds is None:   # not spaced, a chunk that folds to nothing, or İ
            assert len(" ".join(text.split())) != len(text) or \
                len(text_chunks(whole.text)) != len(text.split()) or "\u0130" in text
            continue
        assert list(folds) == list(text_chunks(whole.text))
        made = cf.folded_of(text, folds, lang)
        assert made.text == whole.text and made.shifts() == whole.shifts()
        ends = range(len(whole.text) + 1)
        assert [made.span(s, e) for s in ends for e in ends if s <= e] == \
            [whole.span(s, e) for s in ends for e in ends if s <= e]


def test_the_tokenisers_chunk_folds_are_the_folds():
    for text, lang in _cases():
        profile(lang).tokenise(text)
        common.spaced_chunks(text)
    for lang in ("ar", "en"):
        memo = profile(lang).CHUNK_FOLDS
        assert memo
        for chunk, fold in memo.items():
            assert fold == folded(chunk, lang).text, chunk
    # never a chunk whose fold is not its words' norms
    for chunk in ("\u0130stanbul", "ΟΔΟΣ", "قصف\u200cالجيش", "a\u200bb", "ً", "ﻻ"):
        profile("en").tokenise(chunk)
        assert profile("en").CHUNK_FOLDS.get(chunk, folded(chunk, "en").text) == folded(chunk, "en").text


@pytest.mark.parametrize("text,lang", _cases())
def test_dates_and_quantities_from_the_folds_are_the_former(text, lang):
    want_dates = [(d.value, d.precision, d.start, d.end, d.text) for d in _former_dates(text, lang, _DAY)]
    want_quantities = _former_quantities(text, lang)
    for _ in range(2):
        profile(lang).tokenise(text)
        folds = cf.chunk_folds(text, common.spaced_chunks(text), lang)
        dates._SCANS.clear()
        got = find_dates(text, lang, _DAY, folds)
        assert [(d.value, d.precision, d.start, d.end, d.text) for d in got] == want_dates
        assert find_quantities(text, lang, scan(text, lang, folds)[0], folds) == want_quantities
        # an entry the folds left without its folded copy: asked without them, the text is folded
        f, matches = scan(text, lang)
        assert f is not None and f.text == folded(text, lang).text
        assert [m.span() for m in matches] == [m.span() for m in date_rules(lang).find_all(f.text)]


def test_a_refused_text_is_not_folded(monkeypatch):
    text = "تظاهر مئات الطلاب أمام وزارة التربية في بغداد."
    profile("ar").tokenise(text)
    folds = cf.chunk_folds(text, common.spaced_chunks(text), "ar")
    assert folds is not None
    dates._SCANS.clear()
    monkeypatch.setattr(dates, "fold", lambda *a: pytest.fail("folded"))
    assert find_dates(text, "ar", _DAY, folds) == []
    assert scan(text, "ar", folds) == (None, [])


# What d75af5c coded of these sentences (code_text's rows, hashed): the same after the change
_ROWS = "d3efd76dbfe026d75103dd4e1638a02465f5a914c4fa9885f89b055595be9a6a"


def _rows_digest() -> str:
    out = []
    for text, lang in _cases():
        for published in (_DAY, None):
            for row in code_text(text, lang, published):
                d = row.model_dump()
                d.pop("event_id", None)
                out.append(repr(sorted(d.items())))
    return hashlib.sha256("\n".join(out).encode()).hexdigest()


def test_rows_are_those_of_d75af5c():
    assert _rows_digest() == _ROWS


def test_the_not_as_norms_class_is_the_former_alternation():
    """The one class the tokeniser tests a new chunk by finds what the alternation it replaced found:
    any character from U+3000 up, the capital sigma, the dotted capital I (every code point checked)."""
    import re
    former = re.compile("[^\x00-\u2fff]|[\u03a3\u0130]")
    for cp in (*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x10FFFF):
        ch = chr(cp)
        assert (common._NOT_AS_NORMS.search(ch) is None) is (former.search(ch) is None), hex(cp)
    for chunk in ("والمسلحين", "العراق،", "Côte", "ΣΟΦΙΑ", "İzmir", "東京", "٢٠١٩"):
        assert (common._NOT_AS_NORMS.search(chunk) is None) is (former.search(chunk) is None), chunk
