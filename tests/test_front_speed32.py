"""The front stages' thirty-third speed round (coder/pipeline.py's analyse_sentence, coder.lang.chunk_folds):
a sentence whose chunks, as the tokeniser cut it, are all known to fold to chunks that hold no date
(the date gate refuses them) and no quantity (the quantities know them plain) is answered without its
chunks' folds read (chunk_folds.QUIET_CHUNKS, learnt from the sentences whose folds were all such).
Checked against a copy of the former reading on sentences written for these tests."""
from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest

LANGS = ("ar", "en")

# neither date nor count; a date; a count; a dual; words of the first ones with a date or a count
SENTENCES = {
    "en": ["Angry protesters gathered in the old square and chanted against the government.",
           "The minister said the talks with the rebels would go on.",
           "Soldiers shelled the village and the rebels fled to the hills.",
           "Angry protesters gathered in the old square on Monday and chanted against the government.",
           "Soldiers shelled the village and 40 rebels fled to the hills.",
           "The minister said three soldiers were killed near the village.",
           "Police arrested the protesters in the square and the rebels fled.",
           "The rebels fled the village in May 2019, the minister said."],
    "ar": ["تظاهر محتجون غاضبون في الساحة القديمة وهتفوا ضد الحكومة.",
           "قال الوزير إن المحادثات مع المتمردين ستتواصل.",
           "قصف الجنود القرية وفر المتمردون إلى التلال.",
           "تظاهر محتجون غاضبون في الساحة القديمة يوم الاثنين وهتفوا ضد الحكومة.",
           "قصف الجنود القرية وفر 40 من المتمردين إلى التلال.",
           "قال الوزير إن ثلاثة جنود قتلوا قرب القرية.",
           "اعتقلت الشرطة المحتجين في الساحة وفر المتمردون.",
           "قصف الجنود القرية وقتل جنديان قرب التلال.",
           "فر المتمردون من القرية في أيار 2019 بحسب الوزير."],
}
PUBLISHED = dt.date(2022, 5, 14)


def _former_dates_and_quantities(text: str, lang: str, events: bool):
    """The dates and quantities analyse_sentence found before: the folds of the sentence's chunks
    read, its dates found, and its quantities where it has events."""
    from coder.dates import dates_and_copy
    from coder.lang import profile
    from coder.lang.chunk_folds import chunk_folds
    from coder.lang.common import spaced_chunks
    from coder.quantities import find_quantities
    profile(lang).tokenise(text)   # (its chunks kept for one asking, as the pipeline's are)
    folds = chunk_folds(text, spaced_chunks(text), lang)
    found, folded = dates_and_copy(text, lang, PUBLISHED, folds)
    return found, (find_quantities(text, lang, folded, folds) if events else [])


def _analysed(lang: str, texts) -> list[tuple[object, bool]]:
    """Each sentence of the texts analysed as the pipeline does, and whether it was answered from its
    quiet chunks."""
    from coder import pipeline
    out = []
    for text in texts:
        for sent in pipeline.sentences(text, lang):
            with mock.patch.object(pipeline, "note_undated", wraps=pipeline.note_undated) as noted:
                result = pipeline.analyse_sentence(sent, lang, PUBLISHED)
            out.append((result, noted.called))
    return out


@pytest.fixture(autouse=True)
def _nothing_quiet_yet():
    """No chunk known quiet, and no scan entry of a sentence left by another test (an entry with a
    copy of the text, made where it was scanned without its folds, keeps its chunks from being learnt)."""
    from coder import dates
    from coder.lang.chunk_folds import QUIET_CHUNKS
    QUIET_CHUNKS.clear()
    dates._SCANS.clear()
    yield
    QUIET_CHUNKS.clear()


@pytest.mark.parametrize("lang", LANGS)
def test_dates_and_quantities_as_before(lang):
    """Read three times, every sentence has the dates and quantities the former reading finds, and
    those with neither are answered from their quiet chunks once they are learnt (not the first
    time: nothing is quiet yet)."""
    from coder import dates
    answered = []
    for reading in range(3):
        for result, unread in _analysed(lang, SENTENCES[lang]):
            text = result.sentence.text
            assert (result.dates, result.quantities) == \
                _former_dates_and_quantities(text, lang, bool(result.analysis.events)), text
            if unread:
                assert reading > 0
                assert not result.dates and not result.quantities
                # its scan entry is the gate's refusal: the rows' questions read no date in it
                assert dates._SCANS[(text, lang)] == (None, [])
                assert not dates.names_a_time(text, lang)
                answered.append(text)
    assert len(set(answered)) >= 3
    assert not any(any(c.isdigit() for c in t) for t in answered)


@pytest.mark.parametrize("lang", LANGS)
def test_quiet_chunks_fold_to_chunks_with_no_date_and_no_quantity(lang):
    """Every chunk learnt quiet folds to one the date gate refuses and that holds no number nor
    dual; a chunk with a date or a count is never learnt."""
    from coder.dates import date_rules
    from coder.lang.chunk_folds import QUIET_CHUNKS
    from coder.lang.numbers import folded
    from coder.quantities.recognise import recogniser
    for _ in range(2):
        _analysed(lang, SENTENCES[lang])
    quiet = QUIET_CHUNKS[lang]
    assert len(quiet) >= 10
    gate = date_rules(lang).gate
    for chunk in quiet:
        fold = folded(chunk, lang).text
        assert not gate.admits(fold), chunk
        assert not recogniser(lang).find(chunk), chunk
    for chunk in ("2019", "40", "Monday", "ثلاثة", "جنديان", "الاثنين"):
        assert chunk not in quiet


@pytest.mark.parametrize("lang", LANGS)
def test_quiet_words_with_a_date_or_a_count_are_read(lang):
    """A sentence of quiet chunks with a chunk more that holds a date or a count is read, not
    answered: the date and the count are found."""
    from coder.lang.chunk_folds import QUIET_CHUNKS
    from coder.quantities import find_quantities
    quiet_text = SENTENCES[lang][0]
    assert not find_quantities(quiet_text, lang)   # (its chunks known plain, with events or not)
    for _ in range(2):
        _analysed(lang, [quiet_text])
    assert QUIET_CHUNKS[lang].issuperset(quiet_text.split())
    words = quiet_text.split()
    extra = {"en": ("on Monday", "some 25"), "ar": ("يوم الاثنين", "نحو 25")}[lang]
    for more in extra:
        text = " ".join(words[:3] + [more] + words[3:])
        (result, unread), = _analysed(lang, [text])
        assert not unread
        expected = _former_dates_and_quantities(text, lang, bool(result.analysis.events))
        assert (result.dates, result.quantities) == expected
        assert expected[0] or expected[1] or not result.analysis.events
