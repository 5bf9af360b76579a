"""The front stages' twenty-seventh speed round (coder/dates, coder/pipeline.py's analyse_sentence): the
folded copy the dates' scan made of a sentence handed to its quantities by the call that found its
dates (coder.dates.dates_and_copy), instead of asked of scan again. Checked against a copy of the
former logic on sentences written for these tests: dates, the copy, and the sentence's analysis,
dates and quantities."""
from __future__ import annotations

import datetime as dt

import pytest

LANGS = ("ar", "en")

# dates and counts, counts alone (the date gate refuses: no copy), dates alone, neither
SENTENCES = {
    "en": ["Police arrested 12 men in Basra on Monday, officials said on 3 March 2021.",
           "Gunmen killed at least seven soldiers and wounded 15 near the border.",
           "Two days ago troops shelled the town, killing three civilians.",
           "The talks will resume next week, the ministry said yesterday.",
           "Protesters gathered in the square and chanted against the government.",
           "Some 200 families fled the fighting in May 2019, and 40 more on Friday."],
    "ar": ["اعتقلت الشرطة 12 رجلا في البصرة يوم الاثنين، بحسب مسؤولين في 3 آذار 2021.",
           "قتل مسلحون سبعة جنود على الأقل وأصابوا 15 آخرين قرب الحدود.",
           "قصفت القوات البلدة قبل يومين ما أدى إلى مقتل ثلاثة مدنيين.",
           "قالت الوزارة أمس إن المحادثات ستستأنف الأسبوع المقبل.",
           "تظاهر محتجون في الساحة وهتفوا ضد الحكومة.",
           "نزحت نحو 200 عائلة من القتال في أيار 2019، و40 أخرى يوم الجمعة."],
}
PUBLISHED = (dt.date(2022, 5, 14), dt.datetime(2021, 3, 9, 18, 30), None)


def _former_dates_and_copy(text, lang, published, folds):
    """As analyse_sentence read them before: find_dates, then scan's entry again for the copy."""
    from coder.dates import find_dates, scan
    return find_dates(text, lang, published, folds), scan(text, lang, folds)[0]


def _copy_fields(copy):
    return None if copy is None else (copy.text, copy.shifts(), copy.span(0, len(copy.text)))


@pytest.mark.parametrize("lang", LANGS)
def test_dates_and_copy_as_before(lang):
    """The dates (value, precision, span, text) and the folded copy (text, offsets) as find_dates and
    scan gave them, with the chunks' folds given (as the pipeline has them) and not, and for each
    kind of publication date; each version read from an empty scan memo."""
    from coder import dates, pipeline
    from coder.lang.chunk_folds import chunk_folds
    from coder.lang.common import spaced_chunks
    seen = {"dates": 0, "no copy": 0}
    for text in SENTENCES[lang]:
        for published in PUBLISHED:
            for given in (True, False):
                outcomes = []
                for version in (dates.dates_and_copy, _former_dates_and_copy):
                    dates._SCANS.clear()
                    sent = pipeline.sentences(text, lang)[0]   # (its chunks kept for one asking)
                    folds = chunk_folds(sent.text, spaced_chunks(sent.text), lang) if given else None
                    assert (folds is not None) == given
                    found, copy = version(sent.text, lang, published, folds)
                    outcomes.append((found, _copy_fields(copy)))
                assert outcomes[0] == outcomes[1], (text, published, given)
                seen["dates"] += bool(outcomes[0][0])
                seen["no copy"] += outcomes[0][1] is None
    assert seen["dates"] >= 12 and seen["no copy"] >= 6


def _former_analyse_sentence(sent, lang, published):
    """pipeline.analyse_sentence as 3bd5e9c had it: the quantities' copy asked of scan again."""
    from coder import pipeline
    from coder.dates import find_dates, scan
    prof = pipeline.profile(lang)
    folds = pipeline.chunk_folds(sent.text, pipeline.spaced_chunks(sent.text), lang)
    found = find_dates(sent.text, lang, published, folds)
    day = found[0].value if found else published
    mentions = pipeline.match(pipeline.load(lang).trie, sent.tokens, sent.text, False, pipeline.word_kinds(lang))
    parsed = None
    kinds = {m.kind for m in mentions}
    if "trigger" in kinds and ("actor" in kinds or "agent" in kinds):
        parsed = pipeline.parse(sent.tokens, mentions, prof,
                                pipeline._dated_tokens(sent.tokens, found) if found else pipeline._NOTHING)
    analysis = pipeline.analyse(sent, mentions, prof, day, parsed)
    quantities = pipeline.find_quantities(sent.text, lang, scan(sent.text, lang, folds)[0], folds) \
        if analysis.events else []
    return pipeline.SentenceResult(sent, analysis, found, quantities, [])


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_analysed_as_before(lang):
    """Each sentence, tokenised afresh for each version: the same trace, events, dates and quantities,
    quantities found in sentences whose date gate refused them (the copy made by the quantities)."""
    from coder import dates, pipeline
    counted = 0
    for text in SENTENCES[lang]:
        outcomes = []
        for analyse_sentence in (pipeline.analyse_sentence, _former_analyse_sentence):
            dates._SCANS.clear()
            sent = pipeline.sentences(text, lang)[0]
            r = analyse_sentence(sent, lang, dt.date(2022, 5, 14))
            outcomes.append((r.analysis.trace, [repr(e) for e in r.analysis.events], r.dates, r.quantities))
        assert outcomes[0] == outcomes[1], text
        counted += bool(outcomes[0][3])
    assert counted >= 3
