"""What the event rules' shortcuts of the eighth round rely on: one test for a conjunct that carries
its conjunction (slots.opens_with_conjunction, which the list rules in reality.py asked through
starts_with_coordinator form by form) gives the same answer as the reading form by form."""
from __future__ import annotations

import pytest

from coder.lang import profile
from coder.rules.slots import opens_with_conjunction

WORDS = [
    ("ar", "وقتل"), ("ar", "وذبح"), ("ar", "والخطف"), ("ar", "وتركيا"), ("ar", "فقتل"), ("ar", "ووفد"),
    ("ar", "وزارة"), ("ar", "وزير"), ("ar", "ولد"), ("ar", "وقت"), ("ar", "و"), ("ar", "فلسطين"),
    ("ar", "فرنسا"), ("ar", "والاختطاف"), ("ar", "وبالمرتزقة"), ("ar", "وللجيش"), ("ar", "وسيقتل"),
    ("ar", "وقواته"), ("ar", "قتل"), ("ar", "الخطف"), ("ar", "2024"), ("ar", "،"),
    ("en", "and"), ("en", "killed"), ("en", "Washington"), ("en", "war"),
]


def _reference(tok, prof) -> bool:
    """The reading form by form: was some lookup form of the word reached through the conjunction?"""
    return any(prof.starts_with_coordinator(tok, f) for f in range(len(tok.forms)))


@pytest.mark.parametrize("lang,word", WORDS)
def test_opens_with_conjunction_agrees_with_the_reading_form_by_form(lang, word):
    prof = profile(lang)
    (tok,) = prof.tokenise(word)
    assert opens_with_conjunction(tok, prof) == _reference(tok, prof)


def test_the_words_cover_both_answers():
    prof = profile("ar")
    answers = {opens_with_conjunction(prof.tokenise(w)[0], prof) for lang, w in WORDS if lang == "ar"}
    assert answers == {True, False}
