"""Arabic verbs with the plural subject suffix (خطفوا، واعتقلوا، يطالبون) carry their own subject: a noun
phrase right after them is their object (coder/lang/ar.py carries_subject, the syntax stage, the slots)."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.lang import ar, en
from coder.model import Document
from coder.pipeline import code_document, sentences


def _token(text: str, lang: str = "ar"):
    return sentences(text, lang)[0].tokens[0]


@pytest.mark.parametrize("word", ["خطفوا", "واعتقلوا", "يطالبون", "وتحاصرون"])
def test_the_plural_suffix_carries_the_subject(word):
    assert ar.carries_subject(_token(word))


@pytest.mark.parametrize("word", ["خطف", "واعتقل", "مسلحون", "الجنود"])
def test_no_suffix_no_subject_of_its_own(word):
    assert not ar.carries_subject(_token(word))


def test_english_verbs_carry_none():
    assert not en.carries_subject(_token("kidnapped", "en"))


def _events(text: str):
    doc = code_document(Document(doc_id="t", text=text, language="ar", published=dt.date(2010, 1, 4)))
    return [(e.event_root_code, e.source_code, e.target_code) for e in doc.events if not e.is_background]


def test_the_phrase_after_a_coordinated_plural_verb_is_its_object():
    # the soldiers arrested five people: not "five people were arrested" with no one arresting them
    assert ("17", "MIL", "CVL") in _events("وصل الجنود إلى القرية واعتقلوا خمسة أشخاص.")


def test_a_singular_verb_still_reads_as_an_undiacritised_passive():
    # قتل خمسة مدنيين: five civilians were killed (no suffix: the phrase after it is the victims)
    got = _events("قتل خمسة مدنيين في قصف على القرية.")
    assert got and all(src is None for _, src, _ in got) and any(t and t.endswith("CVL") for _, _, t in got)
