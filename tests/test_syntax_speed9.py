"""The ninth speed round's short cuts in the syntax stage's first sight of a word: each answers as
the test it stands for, on words and sentences written for these tests."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from coder.lang import profile

TANWIN_MARKS = frozenset("\u064b\u064c\u064d")   # fathatan, dammatan, kasratan


@pytest.mark.parametrize("text", ["شخصاً", "تقريرٌ", "مكانٍ", "كتابُ", "مدرسةَ", "قصف", "ًا", "ٌ", "", "Idlib"])
def test_tanwin_is_any_of_the_three_marks(text):
    """has_tanwin's three substring tests answer as a test of each letter against the marks."""
    tok = SimpleNamespace(text=text)
    assert profile("ar").has_tanwin(tok) == (not TANWIN_MARKS.isdisjoint(text))
