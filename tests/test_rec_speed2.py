"""Speed steps of the numbers, dates, quantities and place names (issue 13, round 11): each does
less work a sentence and must give what the plain code gives."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"


def _corpus_texts(lang: str) -> list[str]:
    texts = []
    for stem in ("quantities", "dates"):
        cases = yaml.safe_load((CORPUS / lang / f"{stem}.yaml").read_text(encoding="utf-8"))["cases"]
        texts += [case["text"] for case in cases]
    return texts


def test_code_page_fold_is_the_translate_fold():
    # every character of the code page (the marks and tatweel it drops among them), the corpus
    # sentences, and texts the code page cannot hold (a ligature that folds to two letters, a
    # character outside it): the same folded text as str.translate gives
    import coder.lang.numbers as numbers
    table = numbers._fold_table("ar")[0]
    page = "".join(bytes([b]).decode("cp1256", "replace") for b in range(256)).replace("\ufffd", "")
    texts = [page, page[::-1], "قُتِلَ ثلاثـــةٌ في حلب", "ﻻ يزال ٣ جرحى", "خمسة 𝟓 ☃ قتلى", "plain ASCII: 3 killed",
             *_corpus_texts("ar")]
    folded = 0
    for text in texts:
        fast = numbers._code_page_folded(text, "ar")
        if fast is not None:
            folded += 1
            assert fast[0] == text.translate(table), text
        assert numbers.Folded(text, "ar").text == text.translate(table)
    assert folded > 0.9 * len(texts)   # (the code page holds most Arabic news text)
    assert numbers._code_page_folded("ﻻ يزال", "ar") is None and numbers._code_page_folded("killed", "ar") is None
    assert numbers._code_page_folded("قتل", "en") is None   # a language without a code page


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_gates_answer_as_the_whole_text_read_at_once(lang):
    # the dates' and the numbers' gates, with the year or digit test inside them, against the whole
    # folded text read at once (the letter runs, and the year or a digit), on the corpus sentences,
    # their words one by one, and the same texts asked twice (the gates keep no answers)
    import coder.lang.numbers as numbers
    from coder.dates import date_rules
    from coder.dates.rules import _YEAR
    texts = [numbers.folded(t, lang).text for t in _corpus_texts(lang)]
    texts += [w for t in texts for w in t.split()] + ["", " \t ", "in 1999", "x2019", "3"]
    for gate, also in ((date_rules(lang).gate, _YEAR), (numbers.reader(lang).gate, numbers._ANY_DIGIT)):
        plain = [also.search(t) is not None or not gate.words.isdisjoint(numbers._LETTER_RUNS.findall(t))
                 for t in texts]
        assert 0 < sum(plain) < len(texts)
        for _ in range(2):
            assert [gate.admits(t) for t in texts] == plain


def test_glued_test_reads_the_last_two_characters_as_the_letter_run_did():
    # "[^\W\d]+$" searched through the whole window against "[^\W\d]$" from two characters before
    # its end, on every text of up to four characters over letters, digits, marks and a newline
    import itertools
    import re
    from coder.quantities.recognise import _GLUED
    run = re.compile(r"[^\W\d]+$")
    for n in range(5):
        for chars in itertools.product("a1 _\n(ب٣", repeat=n):
            left = "".join(chars)
            assert bool(_GLUED.search(left, len(left) - 2)) == bool(run.search(left)), repr(left)
