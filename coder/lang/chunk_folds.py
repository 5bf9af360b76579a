"""A sentence's chunks folded (coder.lang.numbers.Folded: the dates' and quantities' copy) from a
memo of each chunk's fold, instead of the sentence folded and split again.

The fold maps each character on its own, white space to white space and nothing else to white
space, so a text's folded chunks (str.split) are its chunks' folds, and a text that is its chunks
joined by single spaces folds to their folds joined by single spaces. News repeats its chunks: the
tokeniser hands over the chunks it cut a sentence into (coder.lang.common.spaced_chunks), whose
hashes it has worked out, and each chunk's fold is read from the language's memo by that hash
(CHUNK_FOLDS of its profile). The tokeniser learns a chunk's fold from its tokens' norms as it first
reads it (coder.lang.common._chunk_words); a chunk it could not is learnt here from the fold of a
text it is in, paired with the text's folded chunks where they are as many (no chunk folds to
nothing) and the text holds no character that folds to two (İ: then a folded text as long as the
text has the same offsets, and one of another length maps them back through the characters that
shift them).
"""
from __future__ import annotations

from operator import itemgetter
from typing import Sequence

from coder.lang import profile
from coder.lang.common import WORD_CACHE_SIZE
from coder.lang.numbers import Folded, folded as fold, text_chunks

_FOLDS_TO_TWO = "\u0130"   # (the one character either language's fold makes two of: İ -> i̇)


class _PerLanguage(dict):
    """A set a language, made when the language is first asked for."""
    def __missing__(self, lang: str) -> set[str]:
        made = self[lang] = set()
        return made


# language -> chunks, as the tokeniser cut them (spaced_chunks), known to fold to chunks that hold
# neither a date (the date gate refuses them) nor a quantity (the quantities' plain chunks), each
# learnt from a sentence with events whose folds were all such (learn_quiet): a sentence made only of
# them (about one in five of news, once their words are seen) holds neither, and its chunks' folds
# need not be read. A chunk's fold, and what the gates say of it, are the chunk's alone (bounded)
QUIET_CHUNKS: dict[str, set[str]] = _PerLanguage()
_QUIET_MAX = 200_000


def learn_quiet(quiet: set[str], chunks: Sequence[str]) -> None:
    """Add a sentence's chunks (spaced_chunks) to a language's QUIET_CHUNKS, where the date gate has
    refused their folds and the quantities know them all plain."""
    if len(quiet) >= _QUIET_MAX:
        quiet.clear()
    quiet.update(chunks)


def chunk_folds(text: str, chunks: list[str] | None, lang: str) -> Sequence[str] | None:
    """The folds of a sentence's chunks (its folded copy's chunks), where `chunks` are its chunks
    (spaced_chunks); else, or where a chunk of it folds to nothing or holds İ, None."""
    if chunks is None:
        return None
    memo = profile(lang).CHUNK_FOLDS
    try:
        # (each chunk looked up in C by one getter of them all, a tuple where there are two or more:
        # no method called a chunk, as map(memo.__getitem__) calls one)
        if len(chunks) > 1:
            return itemgetter(*chunks)(memo)
        return [memo[chunk] for chunk in chunks]   # (one chunk: the getter of one gives it, not a tuple)
    except KeyError:   # a chunk the tokeniser did not learn: learnt from the text folded whole
        pass
    folds = text_chunks(fold(text, lang).text)   # (the dates' scan reads the same copy: fold's cache)
    if len(folds) != len(chunks) or _FOLDS_TO_TWO in text:
        return None
    if len(memo) >= WORD_CACHE_SIZE:
        memo.clear()
    memo.update(zip(chunks, folds))
    return folds


def folded_of(text: str, folds: Sequence[str], lang: str) -> Folded:
    """The folded copy of a text whose chunks' folds (chunk_folds) are `folds`: joined by single
    spaces where the text's chunks are (single spaces as many as one less than the chunks: the
    tokeniser found one white space character between two), else the text folded whole."""
    if text.count(" ") != len(folds) - 1:
        return fold(text, lang)
    return Folded.of(" ".join(folds), text, lang)
