"""The patterns searched in the text around a number (coder.quantities.recognise): those that end the
text before it, searched only where its end holds one of their last words (AtEnd), and the words one
of which a text after it must hold for a pattern to match there (key_words)."""
from __future__ import annotations

import re

from coder.lang import profile


class AtEnd:
    """A pattern searched in the text before a number, whose matches end that text and span at most
    `chunks` of its chunks between white space: searched from where those last chunks begin (a
    look-behind still sees what is before), not from each of the window's 80 positions, as no
    match can begin before them. `chunks` None: from the start.
    `last_words` (last_words_of), for a pattern whose phrase only white space, "(" and "." follow: the
    phrases' last words by their last character. A text that does not end with one of them, once
    those characters are taken off its end, holds no match, and is not searched: most numbers
    follow no qualifier, cue, blocker, month or currency sign, and the search tries the pattern's
    alternation at every position of the last chunks.
    `words_after` (fewest, most), for a pattern whose phrase that many words of letters follow
    before those characters (bare_last_words_of): the text's chunk that many chunks before its last
    ends with a last word where it may match."""
    __slots__ = ("regex", "chunks", "last_words", "words_after")

    def __init__(self, regex: re.Pattern | None, chunks: int | None, last_words: dict | None = None,
                 words_after: tuple[int, int] | None = None):
        self.regex, self.chunks, self.last_words, self.words_after = regex, chunks, last_words, words_after

    def search(self, left: str, tail: str | None = None) -> re.Match | None:
        """The match that ends `left`, or None. `tail`: text_end(left), where the caller has it (the
        searches before one number all test the same text's end: worked out once)."""
        last_words = self.last_words
        if last_words is not None:
            if tail is None:
                tail = text_end(left)
            if self.words_after is None:
                ends = last_words.get(tail[-1:])
                if ends is None or not tail.endswith(ends):
                    return None
            elif not ends_chunk_before_words(tail, last_words, *self.words_after):
                return None
        n = self.chunks
        if n is None:
            return self.regex.search(left)
        parts = left.rsplit(None, n)
        return self.regex.search(left, len(parts[0]) if len(parts) > n else 0)


# what may stand between a phrase that AtEnd.last_words tests and the end of the text, besides white space
_AFTER_PHRASE = ("(", ".")


def text_end(left: str) -> str:
    """`left` less the white space, "(" and "." that end it: the text whose last words
    AtEnd.last_words tests."""
    tail = left.rstrip()
    while tail[-1:] in _AFTER_PHRASE:   # (most texts end with a letter or a digit: not entered)
        tail = tail[:-1].rstrip()
    return tail


def key_words(lang: str, table) -> tuple[str, ...] | None:
    """Words one of which is in any text that a category regex of `table` (_category_regex) matches:
    each phrase's longest word (normalised, as the alternation writes it: literally), less those
    that hold another one of them (a text that holds the longer word holds the shorter too). None
    (no test) where a phrase has no word, as a blank one, which the alternation matches as it is."""
    norm = profile(lang).normalise
    longest = set()
    for phrases in (table or {}).values():
        for phrase in phrases or ():
            normed = norm(phrase) if isinstance(phrase, str) else ""
            if not normed:   # (alternation() leaves an empty phrase out)
                continue
            words = normed.split()
            if not words:
                return None
            longest.add(max(words, key=len))
    return tuple(sorted(w for w in longest if not any(o != w and o in w for o in longest)))


def holds_one_of(text: str, words: tuple[str, ...] | None) -> bool:
    """Does `text` hold one of `words` (key_words; None: say yes)?"""
    if words is None:
        return True
    for word in words:   # (a loop over a few words, each a substring search in C)
        if word in text:
            return True
    return False


def last_words_of(*lists) -> dict[str, tuple[str, ...]] | None:
    """The last words of the (normalised) phrases of the lists, as AtEnd.last_words tests them: each
    without the "(" and "." at its end, by its last character. None (no test) where a phrase has no
    such word, as a blank one, which the alternation matches as it is."""
    by_last: dict[str, set[str]] = {}
    for phrases in lists:
        for phrase in phrases:
            if not phrase:   # (alternation() leaves an empty phrase out)
                continue
            words = phrase.split()
            last = words[-1].rstrip("".join(_AFTER_PHRASE)) if words else ""
            if not last:
                return None
            by_last.setdefault(last[-1], set()).add(last)
    return {c: tuple(sorted(words)) for c, words in by_last.items()}


def bare_last_words_of(*lists) -> dict[str, tuple[str, ...]] | None:
    """last_words_of for a pattern that reads words after the phrase: None (no test) where a last word
    ends with "(" or "." (followed by a word, it stays as it is written)."""
    found = last_words_of(*lists)
    for phrases in lists:
        for phrase in phrases:
            if phrase.rstrip().endswith(_AFTER_PHRASE):
                return None
    return found


def ends_chunk_before_words(tail: str, last_words: dict, fewest: int, most: int) -> bool:
    """Does a chunk of `tail` between `fewest` and `most` chunks before its last end with one of
    `last_words` (AtEnd.words_after)?"""
    parts = tail.rsplit(None, most)   # (at most most + 1: those chunks, the first holding what is before)
    # (each of them but the last `fewest`, in any order: no index worked out a chunk; a chunk is
    # never empty, so its last character is a subscript)
    for chunk in parts[:-fewest] if fewest else parts:
        ends = last_words.get(chunk[-1])
        if ends is not None and chunk.endswith(ends):
            return True
    return False


def united_last_words(*patterns: AtEnd | None) -> dict[str, tuple[str, ...]] | None:
    """The last words of AtEnd patterns tested by their last words alone (no words after them), as
    AtEnd.last_words holds them: a text whose end (text_end) ends with none of them is matched by
    none of the patterns. None where one of them (None: no pattern) is not tested so."""
    united: dict[str, set[str]] = {}
    for pattern in patterns:
        if pattern is None:
            continue
        if pattern.last_words is None or pattern.words_after is not None:
            return None
        for last, words in pattern.last_words.items():
            united.setdefault(last, set()).update(words)
    return {last: tuple(sorted(words)) for last, words in united.items()}


def at_end(regex: re.Pattern | None, chunks: int | None, last_words: dict | None = None,
            words_after: tuple[int, int] | None = None) -> AtEnd | None:
    return None if regex is None else AtEnd(regex, chunks, last_words, words_after)
