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
