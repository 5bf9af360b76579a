"""The trie-shaped word alternation matches exactly what a flat longest-first list matches."""
import re

from coder.lang.numbers import alternation


def _flat(words) -> str:
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in uniq)


WORDS = ["ten", "tens", "tenth", "ten thousand", "ten thou", "two", "twelve", "a.m.", "u.s", "x+y",
         "الف", "الفا", "الفان", "الف شخص"]
TEXTS = ["ten thousand tenths of twelve", "tens  ten\tthousand ten thou", "a.m. u.s x+y xy",
         "الفان الف  شخص الفا", "", "tenten tent"]


def test_same_matches_as_flat_list():
    for lead, tail in (("", ""), (r"(?<!\w)", r"(?!\w)"), ("", r"\s+t"), (r"(?<!\w)", r"\s*$")):
        trie = re.compile(lead + f"(?:{alternation(WORDS)})" + tail)
        flat = re.compile(lead + f"(?:{_flat(WORDS)})" + tail)
        for text in TEXTS:
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_longest_wins_and_shape():
    assert re.match(f"(?:{alternation(['ab', 'abc', 'abd'])})", "abcd").group() == "abc"
    assert alternation(["ab", "abc", "abd"]) == "ab(?:c|d)?"
    assert alternation(["ab", "a  b"]) == r"a(?:\s+b|b)"
    assert alternation([]) == ""


def test_blank_phrase_keeps_flat_list():
    assert re.fullmatch(f"(?:{alternation(['ab', '  '])})", "") is not None
