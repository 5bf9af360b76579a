"""Speed steps of the front stages (round 18): each fast path gives what the general path gives."""
import random

import pytest

from coder.lang.numbers import WordGate, folded, reader, text_chunks

_EN = [
    "Police said tens of thousands of people marched through the capital on Sunday.",
    "The ministry reported that a million refugees had crossed the border since March.",
    "Officials said the blast killed 14 people and wounded at least twenty-five others.",
    "Hundreds of protesters gathered outside parliament, and dozens were detained.",
    "No one was hurt when the convoy was stopped near the bridge.",
    "Rebels freed three hostages late on Friday, a spokesman said.",
    "An official said a hundred soldiers and two thousand volunteers joined the operation.",
    "The army said it had destroyed 3,500 rounds of ammunition (about 12 tonnes) last week.",
    "Scores of families fled the village after the shelling, witnesses told reporters.",
    "",
    "Witnesses said a few people were injured.",
]
_AR = [
    "قالت الشرطة إن عشرات الآلاف من المتظاهرين خرجوا إلى الشوارع يوم الأحد.",
    "أعلنت الوزارة أن أحد عشر جنديا قتلوا وأصيب ثلاثة وعشرون آخرون في الهجوم.",
    "ذكرت مصادر محلية أن مئات الآلاف من النازحين عادوا إلى قراهم.",
    "اعتقلت قوات الأمن 17 شخصا بينهم ثلاث نساء في المدينة.",
    "لم يصب أحد بأذى عندما توقفت القافلة قرب الجسر.",
    "قال المتحدث إن الجيش دمر مئة آلية ولقتل خمسة مسلحين.",
    "وأفرج المسلحون عن اثني عشر رهينة بعد مفاوضات استمرت أياما.",
    "وصل آلاف اللاجئين إلى الحدود خلال الأسبوع الماضي.",
]


def _from_the_start(lang: str, text: str):
    """The number reader's matches with the regex run from the start of the text (the general path)."""
    r = reader(lang)
    saved = r._lead_chunks
    r._lead_chunks = len(text) + 1   # (no chunk lies so many chunks after the first)
    try:
        return r.find(text)
    finally:
        r._lead_chunks = saved


@pytest.mark.parametrize("lang,texts", [("en", _EN), ("ar", _AR)])
def test_numbers_found_from_the_first_admitting_chunk_as_from_the_start(lang, texts):
    r = reader(lang)
    rng = random.Random(18)
    words = " ".join(texts).split()
    samples = [folded(t, lang).text for t in texts]
    # the sentences' words shuffled into new texts: numbers and their lead words at every place
    samples += [" ".join(rng.sample(words, rng.randint(1, 14))) for _ in range(400)]
    samples = [folded(t, lang).text for t in samples]
    for text in samples:
        assert r.find(text) == _from_the_start(lang, text), text


def test_lead_chunks_cover_the_phrases_before_their_core_word():
    # "tens of thousands" is admitted by "thousands", two chunks after its first word; أحد عشر by عشر
    assert reader("en")._lead_chunks >= 2
    assert reader("ar")._lead_chunks >= 1
    text = folded("Police said tens of thousands marched.", "en").text
    found = reader("en").find(text)
    assert [(n.text, n.value) for n in found] == [("tens of thousands", 10000)]
    text = folded("قتل أحد عشر جنديا", "ar").text
    assert [n.value for n in reader("ar").find(text)] == [11]


def test_first_admitting_chunk():
    gate = WordGate(["killed", "blast"], also=None)
    for text, first in (("the blast killed", 1), ("a blast", 1), ("nothing here", None), ("", None),
                        ("killed, then blast", 0)):
        assert gate.first_admitting(text_chunks(text)) == first
        assert gate.admits(text) == (first is not None)
    # a chunk first seen after one already known to admit still counts where it stands
    gate = WordGate(["killed", "blast"], also=None)
    assert gate.admits("blast")
    assert gate.first_admitting(text_chunks("killed by a blast")) == 0
    assert text_chunks("killed by a blast")[0] == "killed"


_AR_DUALS = [
    "قتل جنديان وأصيب شخصان في انفجار عبوة ناسفة قرب الحاجز.",
    "أسقطت الدفاعات الجوية طائرتين مسيرتين، وقتل مسلحان خلال يومين من الاشتباكات.",
    "اعتقلت الشرطة رجلين وامرأتين، و«شابين» آخرين بعد المداهمة.",
    "قال مسؤولان إن الحادث وقع قبل ساعتين.",
]


def _duals_of_the_whole_text(q, ftext):
    """The duals as the recogniser read them before, by one search of the whole text."""
    out = []
    for m in q.dual_words.finditer(ftext):
        hit = q._dual(m.group())
        if hit is not None:
            out.append((m.end() - hit[0], m.end(), hit[1]))
    return out


def test_duals_read_chunk_by_chunk_as_from_the_whole_text():
    from coder.quantities.recognise import recogniser
    q = recogniser("ar")
    rng = random.Random(10)
    words = " ".join(_AR_DUALS + _AR).split()
    texts = _AR_DUALS + _AR + [" ".join(rng.sample(words, rng.randint(1, 16))) for _ in range(300)]
    texts += ["  " + t.replace(" ", "  \n") + " " for t in _AR_DUALS]   # runs of white space
    for text in texts:
        f = folded(text, "ar")
        expected = [(2, "exact", unit, s, e) for s, e, unit in _duals_of_the_whole_text(q, f.text)]
        for _ in range(2):   # the chunks first seen, then known
            got = [(v.value, v.qualifier, v.unit, v.start, v.end) for v in q.find(text, f) if v.value == 2]
            assert [g for g in got if g in expected] == expected, text
    assert any(_duals_of_the_whole_text(q, folded(t, "ar").text) for t in _AR_DUALS)
