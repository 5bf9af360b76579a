"""Quantities (SPEC §6): the examples corpora, spans, and the contract of find_quantities."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from coder.quantities import find_quantities
from coder.lang.numbers import reader
from coder.quantities.recognise import QUALIFIERS, UNITS

CORPUS = Path(__file__).parent / "corpus"
LANGS = ("ar", "en")


def _cases():
    for lang in LANGS:
        data = yaml.safe_load((CORPUS / lang / "quantities.yaml").read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(lang, case, id=f"{lang}-{i}")


@pytest.mark.parametrize("lang, case", list(_cases()))
def test_corpus(lang, case):
    found = find_quantities(case["text"], lang)
    got = [(q.value, q.qualifier, q.unit) for q in found]
    want = [tuple(item[:3]) for item in case["quantities"]]
    assert got == want, [q.text for q in found]
    for q, item in zip(found, case["quantities"]):
        assert q.qualifier in QUALIFIERS and q.unit in UNITS
        assert case["text"][q.start:q.end] == q.text
        if len(item) > 3:
            assert q.text == str(item[3])


def test_corpora_are_large_enough():
    total = sum(len(yaml.safe_load((CORPUS / lang / "quantities.yaml").read_text(encoding="utf-8"))["cases"])
                for lang in LANGS)
    assert total >= 300


@pytest.mark.parametrize("lang, phrase, value", [
    ("ar", "ثلاثة عشر", 13), ("ar", "ثلاث عشرة", 13), ("ar", "إحدى عشرة", 11), ("ar", "اثنا عشر", 12),
    ("ar", "خمسة وعشرون", 25), ("ar", "مئة وخمسة وعشرون", 125), ("ar", "ثلاث مئة", 300),
    ("ar", "ثلاثمائة وخمسون", 350), ("ar", "ألفين", 2000), ("ar", "ألفين وخمسمئة", 2500),
    ("ar", "ثلاثة آلاف", 3000), ("ar", "عشرة آلاف", 10000), ("ar", "خمسة عشر ألفا", 15000),
    ("ar", "مليونين", 2000000), ("ar", "٨٬٠٠٠", 8000), ("ar", "٨٠٠٠", 8000), ("ar", "۸۰۰۰", 8000),
    ("en", "two hundred and fifty thousand", 250000), ("en", "one million two hundred thousand", 1200000),
    ("en", "twenty-one", 21), ("en", "a dozen", 12), ("en", "1.5 million", 1500000), ("en", "8,000", 8000),
])
def test_number_values(lang, phrase, value):
    from coder.lang.numbers import Folded
    assert reader(lang).value_of(Folded(phrase, lang).text) == value


def test_two_numbers_side_by_side_stay_apart():
    found = reader("en").find("three four")
    assert [n.value for n in found] == [3, 4]


def test_arabic_diacritics_keep_spans_as_written():
    text = "أُصِيبَ ثَلَاثَةَ عَشَرَ طِفْلًا"
    [q] = find_quantities(text, "ar")
    assert (q.value, q.unit) == (13, "injured")
    assert text[q.start:q.end] == q.text and q.text.startswith("ثَلَاثَةَ")


@pytest.mark.parametrize("lang, text", [
    ("en", "The government said it would continue talks with the opposition over the new constitution."),
    ("ar", "وقال المتحدث باسم الحكومة إن المفاوضات مع المعارضة ستستمر حول الدستور الجديد."),
])
def test_sentence_without_a_number_is_cheap(lang, text):
    find_quantities(text, lang)
    n = 2000
    start = time.process_time()
    for _ in range(n):
        assert find_quantities(text, lang) == []
    assert (time.process_time() - start) / n < 200e-6


def test_unknown_language_says_what_to_use():
    with pytest.raises(ValueError, match="use one of"):
        find_quantities("five", "fr")


# ---------------------------------------------------------------- properties

from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = {
    "en": ["about", "2000", "8,000", "fighters", "killing", "five", "people", "were", "killed", "dozens",
           "of", "one", "hundred", "thousand", "and", "Resolution", "2254", "%", "in", "2014", "-", "a"],
    "ar": ["حوالي", "2000", "٨٬٠٠٠", "مرتزق", "مقتل", "ثلاثة", "عشر", "أشخاص", "الآلاف", "من", "و",
           "ألف", "مئة", "القرار", "2254", "٪", "عام", "\u064b", "طفلاً", "أكثر", "أحد", "عشرات"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_any_text_gives_consistent_quantities(lang):
    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES[lang]), max_size=12))
    def check(pieces):
        text = " ".join(pieces)
        previous_start = 0
        for q in find_quantities(text, lang):
            assert text[q.start:q.end] == q.text
            assert q.value >= 0 and q.qualifier in QUALIFIERS and q.unit in UNITS
            assert q.start >= previous_start   # in text order
            previous_start = q.start
    check()


def test_a_noun_under_two_units_is_refused(tmp_path, monkeypatch):
    import shutil

    import coder.lang.numbers as numbers
    from coder.lexicon.load import LexiconError
    from coder.quantities.recognise import QuantityRecogniser
    shutil.copytree(numbers.LEXICON / "en", tmp_path / "en")
    path = tmp_path / "en" / "quantities.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  civilians: [civilians,", "  civilians: [soldiers, civilians,"),
                    encoding="utf-8")
    monkeypatch.setattr(numbers, "LEXICON", tmp_path)
    with pytest.raises(LexiconError, match="'soldiers' is listed under both 'civilians' and 'soldiers'; keep it under one unit"):
        QuantityRecogniser("en")


def test_a_merged_trigger_lends_its_counts_to_the_event_it_joins():
    """"set fire to two cars" merged into "attacked": the two cars count for the attack, not for
    the nearest other event; without the merge the nearest event keeps it."""
    from coder.model import QuantityValue
    from coder.quantities.attach import EventSpan, attach
    q = QuantityValue(value=2, qualifier="exact", unit="vehicles", start=40, end=48, text="two cars")
    attack = EventSpan(0, 8, violent=False)
    toll = EventSpan(52, 60, violent=True)
    assert attach([q], [attack, toll]) == {1: [q]}
    assert attach([q], [EventSpan(0, 8, violent=False, also=((30, 39),)), toll]) == {0: [q]}


def test_counts_of_merged_arabic_triggers_stay_with_the_attack():
    import datetime as dt
    from coder.model import Document
    from coder.pipeline import code_document
    text = ("هاجم مئات المحتجين مقر الشرطة في المدينة ليلة أمس، وأحرقوا سيارتين، "
            "ما أدى إلى إصابة العشرات من رجال الأمن.")
    coded = code_document(Document(doc_id="t", text=text, language="ar", published=dt.date(2025, 3, 4)))
    by_event = {}
    for q in coded.quantities:
        by_event.setdefault(q.event_id, set()).add(q.value)
    attack = next(e for e in coded.events if e.evidence == "هاجم")
    assert {100, 2} <= by_event[attack.event_id]


def test_duals_are_read_only_from_words_with_a_dual_ending_and_wherever_they_stand():
    # the dual nouns are looked for among the words that end with a dual ending: first word, last
    # word, after punctuation, with a clitic; a word with the ending inside it is no dual
    found = find_quantities("جنديان قتلا، وأصيب شرطيان؛ وجرح ومدنيان", "ar")
    assert [(q.value, q.unit, q.text) for q in found][:1] == [(2, "soldiers", "جنديان")]
    assert len(found) == 3 and all(q.value == 2 for q in found)
    assert find_quantities("انطلقت الجنديانية", "ar") == []


def test_a_dual_is_found_again_among_chunks_already_seen_without_one():
    # the chunks seen without a dual are remembered, so a sentence made only of them is not scanned:
    # a dual word (alone or glued to punctuation) must still be found in every later sentence
    assert find_quantities("وصل الوفد إلى المدينة صباحا", "ar") == []
    for text in ("وصل جنديان إلى المدينة صباحا", "وصل الوفد إلى المدينة صباحا،جنديان", "جنديان"):
        assert [(q.value, q.unit) for q in find_quantities(text, "ar")] == [(2, "soldiers")], text
    assert find_quantities("وصل الوفد إلى المدينة صباحا", "ar") == []


def test_the_folded_copy_a_caller_passes_gives_the_same_quantities():
    from coder.lang.numbers import folded
    text = "قتل 12 شخصا وأصيب جنديان في قصف على حلب"
    assert find_quantities(text, "ar", folded(text, "ar")) == find_quantities(text, "ar")
