"""Is a token a count? Digits, or a number word of the language as written or through its clitics
and article; answers kept per word, as tokens follow from their text."""
from __future__ import annotations

from functools import lru_cache

from coder.lang.numbers import reader


@lru_cache(maxsize=65536)
def is_number_word(lang: str, norm: str) -> bool:
    return norm[:1].isalpha() and reader(lang).value_of(norm) is not None


_NUMBERS: dict = {}   # (language, word as written, with_article) -> answer: tokens follow from their text


def is_number(tok, lang: str, with_article: bool = False) -> bool:
    """A count: digits or a number word as written; `with_article` also reads it through clitics and
    the article ("الجنود الثلاثة", the three soldiers), which a count before its noun never has
    (and "الاثنين" is Monday)."""
    key = (lang, tok.text, with_article)
    v = _NUMBERS.get(key)
    if v is None:
        if len(_NUMBERS) >= 100_000:
            _NUMBERS.clear()
        v = _NUMBERS[key] = _number(tok, lang, with_article)
    return v


def number_flags(toks, lang: str, with_article: bool = False) -> list[bool]:
    """is_number for every token of a sentence, in one pass (the rules ask it of each token many
    times: once a sentence, then by position)."""
    return [is_number(t, lang, with_article) for t in toks]


def _number(tok, lang: str, with_article: bool) -> bool:
    if tok.norm[:1].isdigit() or is_number_word(lang, tok.norm):
        return True
    return with_article and any(is_number_word(lang, f) for f in tok.forms)
