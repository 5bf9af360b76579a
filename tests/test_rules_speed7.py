"""What the event rules' shortcuts of the seventh round rely on: fill_slots finds the groups left and
right of a trigger in one pass over the groups, which holds only if the groups come in text order and
do not overlap; the Arabic clitic readings (future prefix, purpose, conjunction) answer no at once for
the word as written (form 0), without working out the word, which holds only if form 0 is read
through no clitic."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.lang import profile
from coder.pipeline import analyse_sentence, sentences

DAY = dt.date(2024, 3, 4)

SENTENCES = [
    ("en", "Police and soldiers arrested 20 protesters and two journalists in Cairo, the ministry said."),
    ("en", "Israel, Egypt and Jordan met in Amman and condemned attacks by Hamas on Israeli soldiers."),
    ("en", "Russian jets struck rebel positions near Idlib as Turkish troops shelled Kurdish fighters."),
    ("ar", "أطلق مسلحون النار على جنود الجيش العراقي وقوات الشرطة في بغداد."),
    ("ar", "اعتقلت الشرطة المصرية خمسة متظاهرين وصحفيين، وقالت وزارة الداخلية إن قوات الأمن ستلاحق المسلحين."),
    ("ar", "وسيلتقي الرئيس المصري نظيره الأردني للتشاور بشأن الهجمات والاعتقالات."),
]


def _analysis(lang: str, text: str):
    (sent,) = sentences(text, lang)
    return sent, analyse_sentence(sent, lang, DAY).analysis


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_groups_come_in_text_order_without_overlap(lang, text):
    """Each actor group ends before the next one starts, so the groups before a trigger come first
    and every group after the first one right of it is right of it too."""
    _, a = _analysis(lang, text)
    assert len(a.groups) >= 2
    for g, nxt in zip(a.groups, a.groups[1:]):
        assert g.first <= g.last < nxt.first <= nxt.last


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_the_word_as_written_is_read_through_no_clitic(lang, text):
    """Form 0 of every word is read through no future prefix, purpose or conjunction clitic."""
    prof = profile(lang)
    sent, _ = _analysis(lang, text)
    for tok in sent.tokens:
        assert not prof.is_future_form(tok, 0)
        assert not prof.read_as_purpose(tok, 0)
        assert not prof.starts_with_coordinator(tok, 0)


def test_the_clitics_are_read_through_a_lookup_form():
    """The readings that form 0 answers at once are found through the forms after it."""
    prof = profile("ar")
    sent, _ = _analysis(*SENTENCES[-1])
    by_text = {t.text: t for t in sent.tokens}

    def forms(word, reading):
        return [f for f in range(len(by_text[word].forms)) if reading(by_text[word], f)]
    assert forms("وسيلتقي", prof.is_future_form) == [2]
    assert forms("للتشاور", prof.read_as_purpose) == [1, 2]
    assert forms("والاعتقالات", prof.starts_with_coordinator) == [1, 2]
