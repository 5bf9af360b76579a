"""The tokeniser's shortcuts find the words the plain pattern finds: the Arabic word pattern written
to open with one character class, and the per-word cache that keeps () for a word that normalises to
nothing."""
from __future__ import annotations

import random
import re

from coder.lang import ar, en
from coder.lang.common import tokens_by

# the Arabic word pattern as first written: three alternatives tried at every position
PLAIN_AR_WORD = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_][\w\u064b-\u065f\u0670\u0640]*|[^\w\s]", re.UNICODE)


def _words(pattern: re.Pattern, text: str) -> list[tuple[str, int, int]]:
    return [(m[0], *m.span()) for m in pattern.finditer(text)]


def test_the_arabic_word_pattern_matches_what_the_plain_pattern_matches():
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    bmp = chars[:0xD800]
    texts = ["".join(chars), " ".join(chars), "_".join(bmp), "1".join(bmp), "ب".join(bmp)]
    rnd = random.Random(13)
    alphabet = [*"ab1٣ _.,٫٬-'!\n\t", "\u064e", "\u0640", "\u200f", "ب", "é", "٣"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        assert _words(ar._WORD, text) == _words(PLAIN_AR_WORD, text), text[:40]


def test_a_word_that_normalises_to_nothing_is_no_token_cold_or_warm():
    text = "\u064e قصف \u064e\u064e قصفت \u064e"
    cache: dict = {}
    cold = tokens_by(text, ar._WORD, ar.normalise, ar.lookup_forms, cache)
    warm = tokens_by(text, ar._WORD, ar.normalise, ar.lookup_forms, cache)
    assert [t.text for t in cold] == [t.text for t in warm] == ["قصف", "قصفت"]
    assert cache["\u064e"] == ()
    assert [(t.norm, t.forms) for t in cold] == [(t.norm, t.forms) for t in warm]


# the sentence-end patterns as first written: a look-behind and an alternation tried at each character
PLAIN_BOUNDARY = {"ar": re.compile(r"(?<![.!?؟؛])[.!?؟؛]++[\"'»”)\]]*+(?=\s)|\n+"),
                  "en": re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]*[A-Z0-9])|\n+")}


def test_the_sentence_end_patterns_match_what_the_plain_patterns_match():
    rnd = random.Random(5)
    for prof, alphabet in ((ar, ".!?؟؛\n \t\"'»”)]ab"), (en, ".!?\n \t\"'”’)]“‘([aA1")):
        texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25))) for _ in range(5000)]
        texts += ["Mr. Smith left... Then «he» said: “No!” (Really?) \n\nU.S. forces.", "قال: «لا». ثم؟ غادر؛ و\n\nعاد!"]
        for text in texts:
            assert [m.span() for m in prof._BOUNDARY.finditer(text)] == \
                [m.span() for m in PLAIN_BOUNDARY[prof.CODE].finditer(text)], text
