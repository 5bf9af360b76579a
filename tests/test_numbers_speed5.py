"""Speed steps of the dates, quantities and numbers (issue 13): same matches, less work."""
import random
import re

from coder.dates.first_chars import at_word_start
from coder.lang.numbers import reader
from coder.quantities.recognise import _PHONE


def test_word_start_only_where_proven():
    # every match begins with a letter or digit that follows no word character: \b there
    assert at_word_start(r"(?<!\w)(?:ab|\d)") == r"\b(?<!\w)(?:ab|\d)"
    assert at_word_start(r"(?=[a\d])(?<![\w.,])(?:ab|\d+)") == r"\b(?=[a\d])(?<![\w.,])(?:ab|\d+)"
    # may begin with a space, or inside a word, or with the empty text: as it is
    for pattern in (r"(?<!\w)(?:ab|\s)", r"(?<![.,])ab", r"(?<![^\w])ab", r"ab|(?<!\w)c", r"(?<!\w)x*",
                    r"(?<!\w)(?:ab|[^c])", r"(?<!\w)[a-\u00c0]"):
        assert at_word_start(pattern) == pattern


def test_numbers_read_the_same_behind_word_start():
    for lang, text in (("en", "Some 3,000 people, twenty-five of them children (5 dead), fled; F-16 jets, 1990s."),
                       ("ar", "قتل 12 شخصا وأصيب ثلاثة وعشرون آخرون، و31 إصابة وعشرات الجرحى في 2019")):
        fast = reader(lang).regex
        assert fast.pattern.startswith(r"\b")
        plain = re.compile(fast.pattern[2:])
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_phone_numbers_as_before():
    before = re.compile(r"(?<![\w.,])(?:(?:\+|00)\d[\d -]{5,}\d|\d{2,4}(?:[ -]\d{2,4}){2,})(?![\w.,]\d)")
    rng = random.Random(13)
    texts = ["call +44 20 7946 0958 or 0020 2 1234 5678", "a.123 456 789", "x 12-34-56 and 1234 5678 90"]
    texts += ["".join(rng.choice("0123456789 +-.,a٣/") for _ in range(rng.randint(0, 24))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in _PHONE.finditer(text)] == [m.span() for m in before.finditer(text)], text


def test_fold_offsets_whether_or_not_a_character_shifts_them():
    # through the code page a shift is told by the length; a plain ASCII text has none to search for
    from coder.lang.numbers import Folded, _fold_table
    rng = random.Random(7)
    pool = "".join(map(chr, [*range(0x600, 0x700), *range(0x20, 0x80), 0x640, 0x64B, 0x651, 0xFEFB, 0x200C,
                             0x200F, 0xE9, 0xAD, 0x2026, 0xA0, 0x130]))
    for k in range(3000):
        lang = "ar" if k % 3 else "en"
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        table = _fold_table(lang)[0]
        naive = [i for i, ch in enumerate(text) for _ in ch.translate(table)] + [len(text)]
        f = Folded(text, lang)
        assert f.text == text.translate(table)
        assert [f.span(j, j)[0] for j in range(len(f.text) + 1)] == naive


def test_gate_answers_are_the_chunks_answers_in_any_order():
    # a chunk known to admit answers at once, the chunks beside it still unread; each later text
    # gets the answer its own chunks give, memo or not
    from coder.lang.numbers import WordGate
    texts = ["three killed", "the killed 5", "nothing here", "killed", "year 2019", "no (killed)", "here nothing"]
    for order in (texts, texts[::-1], texts[1::2] + texts[::2]):
        gate = WordGate(["killed", "blast"], also=re.compile(r"\d"))
        for _ in range(2):
            for text in order:
                expected = any(c.isdigit() for c in text) or any(w in ("killed", "blast") for w in re.findall(r"[^\W\d_]+", text))
                assert gate.admits(text) is expected, text
