"""Speed steps of the numbers, dates and quantities (issue 13, round 14): less work a sentence,
the same folded text and offsets."""
from __future__ import annotations

import codecs
import random

import pytest
from test_rec_speed2 import _corpus_texts


def _naive_offsets(text: str, lang: str) -> list[int]:
    """The original offset of each folded character and of the end, character by character."""
    from coder.lang.numbers import _fold_table
    table = _fold_table(lang)[0]
    return [i for i, ch in enumerate(text) for _ in ch.translate(table)] + [len(text)]


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_offsets_made_when_first_asked_for_are_those_of_every_character(lang):
    # the map is made on the first span asked for, and only for a text with a character that
    # shifts offsets; every span is the one the character-by-character map gives, asked in any order
    from coder.lang.numbers import Folded
    rng = random.Random(14)
    texts = _corpus_texts(lang) + ["قُتِلَ ثلاثـــةٌ", "ﻻ يزال ٣ جرحى", "plain 3", "", "ـ"]
    for text in texts:
        naive = _naive_offsets(text, lang)
        f = Folded(text, lang)
        assert (f._shifted is None) == (naive == list(range(len(naive))))
        ends = list(range(len(f.text) + 1))
        rng.shuffle(ends)
        for j in ends:
            assert f.span(j, j) == (naive[j], naive[j])


def test_code_page_encoded_as_its_codec_encodes():
    # the codec's map, called without the registry: the same bytes, and a failure where the codec fails
    from coder.lang.numbers import _code_page_fold
    encoding = _code_page_fold("ar")[0]
    page = "".join(bytes([b]).decode("cp1256", "replace") for b in range(256)).replace("\ufffd", "")
    rng = random.Random(5)
    pool = page + "ﻻ☃\ufffd𝟓\u0100"
    for text in [page, page[::-1]] + ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
                                      for _ in range(5000)]:
        try:
            expected = text.encode("cp1256")
        except UnicodeError:
            with pytest.raises(UnicodeError):
                codecs.charmap_encode(text, "strict", encoding)
        else:
            assert codecs.charmap_encode(text, "strict", encoding)[0] == expected
