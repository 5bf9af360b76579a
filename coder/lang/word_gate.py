"""The dates' and the numbers' gates (which chunks of a folded text may hold a match at all), and
their regexes matched at the word starts of the chunks a gate admits instead of searched through a text.

The dates' and the numbers' regexes begin only at a word's start (a pattern proven so is put behind
\\b: coder.dates.first_chars.at_word_start), and each of their matches holds a chunk of the text
their gate admits, beginning in that chunk or in one of the few before it. On news about nine in
ten of the word starts a search tries can begin nothing: those between two matches and after the
last, where the search for one more goes on to the text's end."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

_LETTER_RUNS = re.compile(r"[^\W\d_]+")


class WordGate:
    """Says whether a folded text may hold a match at all: some word of it is one of `words`,
    possibly with one of the language's `prefixes` (clitics, article: وال، بال), or `also` (a
    year, a digit: a pattern whose matches hold a digit and no white space) is found in it. A set
    lookup per word is far cheaper than running a large alternation regex at every position of a
    sentence that, like most sentences, holds no date or number.

    The answer is read per chunk of the text between white space (no letter run, digit or year
    goes across white space: str.split cuts at no word character), and each chunk's answer is
    remembered: news repeats its chunks, so a sentence is most often answered by two set tests
    on its chunks, without a regex search over it (bounded: cleared when full)."""
    __slots__ = ("words", "also", "_known", "_admitting")

    def __init__(self, phrases, prefixes=(), also: re.Pattern | None = None):
        # A phrase matches only where all its words are: its longest word stands for it.
        cores = {max(p.split(), key=len) for p in phrases if p.strip()}
        self.words = frozenset(cores | {p + w for p in prefixes for w in cores})
        self.also = also
        self._known: set[str] = set()       # chunks whose answer is known
        self._admitting: set[str] = set()   # those of them that admit

    def admits(self, folded: str) -> bool:
        chunks = text_chunks(folded)
        if not self._admitting.isdisjoint(chunks):   # (a chunk known to admit answers: no more to read)
            return True
        if self._known.issuperset(chunks):
            return False
        self._learn(chunks)
        return not self._admitting.isdisjoint(chunks)

    def first_admitting(self, chunks: tuple[str, ...]) -> int | None:
        """The index of the first of a text's chunks (text_chunks) that admits, or None where none
        does (where `admits` says no of the text). (Its own loop, not next_admitting's from 0: asked
        of every sentence by two gates, where that read the chunks by subscript: about +0.1% warm)"""
        admitting = self._admitting
        if admitting.isdisjoint(chunks):
            if self._known.issuperset(chunks):
                return None
            self._learn(chunks)
            if admitting.isdisjoint(chunks):
                return None
        # A chunk admits: the first one, where every chunk before it is known not to. (Not a test
        # that every chunk of the text is known first: the chunks after the first that admits need
        # not be, and are neither looked up nor hashed here)
        known = self._known
        for k, chunk in enumerate(chunks):
            if chunk not in known:   # (a chunk not read yet, which may admit: every chunk read, once)
                self._learn(chunks)
            if chunk in admitting:
                return k

    def last_admitting(self, chunks: tuple[str, ...]) -> int:
        """The index of the last of a text's chunks that admits, where one does (first_admitting
        has found one)."""
        known, admitting = self._known, self._admitting
        k = len(chunks) - 1
        while True:
            chunk = chunks[k]
            if chunk not in known:   # (a chunk after the first that admits, not read yet: all read)
                self._learn(chunks)
            if chunk in admitting:
                return k
            k -= 1

    def next_admitting(self, chunks: Sequence[str], k: int) -> int | None:
        """The index of the first of a text's chunks from the `k`th on that admits, or None. (Asked
        after first_admitting, which may leave the chunks after the first that admits unread; those
        after the last that admits, most, are answered by two set tests, not a walk in Python)"""
        admitting = self._admitting
        rest = chunks[k:]
        if admitting.isdisjoint(rest):
            if self._known.issuperset(rest):
                return None
            self._learn(chunks)
            if admitting.isdisjoint(rest):
                return None
        known = self._known
        for k in range(k, len(chunks)):
            chunk = chunks[k]
            if chunk not in known:   # (a chunk not read yet: every chunk read, once)
                self._learn(chunks)
            if chunk in admitting:
                return k
        return None   # (not reached: a chunk of the rest admits)

    def refused(self, chunks: tuple[str, ...]) -> bool:
        """Does no chunk of a text admit, asked after first_admitting has read the text (which reads
        every chunk of a text it refuses)? One set test, where first_admitting makes two."""
        return self._admitting.isdisjoint(chunks)

    def excludes_word(self, word: str) -> bool:
        """Is `word` one word of letters alone that no match holds (one that `admits` refuses)? A
        set test, where `admits` splits the text and keeps the word's answer."""
        return word.isalpha() and word not in self.words

    def _learn(self, chunks) -> None:
        known, admitting = self._known, self._admitting
        if len(known) >= 200_000:   # bounded on a long run
            known.clear()
            admitting.clear()
        words, also = self.words, self.also
        for chunk in chunks:
            if chunk not in known:
                known.add(chunk)
                if chunk.isalpha():   # one letter run, no digit (most chunks): a set test
                    if chunk in words:
                        admitting.add(chunk)
                # a chunk not of letters alone: by the gate's other pattern, or one of its letter runs
                elif (also is not None and also.search(chunk) is not None) \
                        or not words.isdisjoint(_LETTER_RUNS.findall(chunk)):
                    admitting.add(chunk)


def words_end_of(folded: str, chunk: str) -> int:
    """Where a chunk of a folded text ends its last word character, or later: the last place the
    chunk's text is found is at or after the chunk, and the non-word characters that end it hold
    no word."""
    end = len(chunk)
    # (the non-word characters at its end counted back, most often none: where a search of \W*$ is
    # tried at each character of the chunk. \w is str.isalnum() or "_")
    while end and not (chunk[end - 1].isalnum() or chunk[end - 1] == "_"):
        end -= 1
    return folded.rfind(chunk) + end


@lru_cache(maxsize=4)   # the dates' and the numbers' gates and the quantities' duals read one sentence
def text_chunks(folded: str) -> tuple[str, ...]:
    """The chunks of a folded text between white space."""
    return tuple(folded.split())


# ---------------------------------------------------------------- matching at word starts

_WORD_START = re.compile(r"(?<!\w)\w")   # (where a word begins inside a chunk)


def matches_at_word_starts(match: Callable, text: str, chunks: Sequence[str], gate, first: int,
                           window_start: Callable) -> list[re.Match]:
    """Every match of a regex in `text` as finditer() finds them, where the regex's matches begin at
    word starts only and each holds a chunk `gate` admits: `match` (the regex's bound match) tried at
    the word starts of the chunks from window_start(chunks, admitting, floor) to each admitting chunk,
    in order, each match's end the least start of the next. `text` is its `chunks` joined by single
    white space characters (their offsets are their lengths added up); `first`: the index of the
    first chunk the gate admits; `floor` the first chunk the next window may begin at. (Typed in the
    compiled build: word_gate.pxd.)"""
    found = []
    end = 0                # where the last match ends: no other begins before it
    floor = 0
    at = offset = 0        # a chunk and where it begins in the text
    a = first
    while a is not None:   # (a: a chunk the gate admits)
        k = window_start(chunks, a, floor)
        floor = a + 1
        if at < k:
            offset += sum(map(len, chunks[at:k])) + k - at
        for j in range(k, floor):
            chunk = chunks[j]
            if offset + len(chunk) > end:   # (a chunk a match found holds whole: no start to try)
                if chunk.isalnum():   # (one word: one start)
                    if offset >= end and (m := match(text, offset)) is not None:
                        found.append(m)
                        end = m.end()
                else:
                    for w in _WORD_START.finditer(chunk):
                        if offset + w.start() >= end and (m := match(text, offset + w.start())) is not None:
                            found.append(m)
                            end = m.end()
            offset += len(chunk) + 1
        at = floor
        a = gate.next_admitting(chunks, floor)
    return found


def matches_searched(regex: re.Pattern, text: str, chunks: Sequence[str], gate, first: int,
                     window_start: Callable) -> list[re.Match]:
    """matches_at_word_starts' matches by searches of any text (its `chunks` need not be joined by
    single white space characters, nor the regex begin at word starts): searched from the chunk
    window_start(chunks, first, 0) gives, and no further once a match ends past the last word the
    gate admits (each match holds such a word, so none begins after the last one)."""
    k = window_start(chunks, first, 0)
    search = regex.search
    # (the first place the chunk's text is found is at or before the chunk; a look-behind still sees
    # the characters before where the search begins)
    m = search(text, text.find(chunks[k]) if k > 0 else 0)
    if m is None:
        return []
    found = [m]
    words_end = words_end_of(text, chunks[gate.last_admitting(chunks)])
    while m.end() < words_end:
        if m.end() == m.start():   # (an empty match: finditer's own rule for the next one)
            return list(regex.finditer(text, found[0].start()))
        m = search(text, m.end())
        if m is None:
            break
        found.append(m)
    return found
