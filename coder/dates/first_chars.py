"""The characters a regular expression's match can begin with, as a guard written before it.

The date rules are one regex of many branches tried in order at every word of a sentence; most
branches cannot begin at most words (a month name, a digit, a cue word). `guarded(branch)` puts a
look-ahead of the branch's possible first characters before it, so a branch that cannot begin
here is passed over with one character test instead of being entered: about a quarter of the
date regex's time on news sentences. A look-ahead consumes nothing and captures nothing, and the
set is a superset of what the branch can begin with, so the matches, their order and their groups
are the same. Whatever the analysis does not know (a negated class, a back-reference, inline
flags, a branch that can match the empty text) leaves the branch as it is.
"""
from __future__ import annotations

import re
from re import _constants as C, _parser as parser   # the regex module's own parser (Python 3.11+)

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w",
               C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


class _Unknown(Exception):
    """A construct whose first characters are not worked out: no guard."""


def guarded(branch: str) -> str:
    """`branch` with a look-ahead of its possible first characters before it (or as it is)."""
    try:
        first, empty = _sequence(parser.parse(branch).data)
    except (_Unknown, re.error, TypeError, ValueError):
        return branch
    if empty or not first:
        return branch
    return "(?=[" + "".join(sorted(first)) + "])" + branch


def _sequence(items) -> tuple[set[str], bool]:
    """(the class items a match of the sequence can begin with, can it match the empty text)."""
    out: set[str] = set()
    for op, av in items:
        first, empty = _item(op, av)
        out |= first
        if not empty:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return {re.escape(chr(av))}, False
    if op is C.IN:
        out = set()
        for o, a in av:
            if o is C.LITERAL:
                out.add(re.escape(chr(a)))
            elif o is C.RANGE:
                out.add(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
            elif o is C.CATEGORY and a in _CATEGORIES:
                out.add(_CATEGORIES[a])
            else:   # a negated class, or a category not listed
                raise _Unknown(o)
        return out, False
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown(op)
        return _sequence(sub.data)
    if op is C.BRANCH:
        out, empty = set(), False
        for alt in av[1]:
            first, alt_empty = _sequence(alt.data)
            out |= first
            empty = empty or alt_empty
        return out, empty
    if op in _REPEATS:
        low, _, sub = av
        first, empty = _sequence(sub.data)
        return first, empty or low == 0
    if op in _ZERO_WIDTH:   # consumes nothing: what follows begins the match
        return set(), True
    raise _Unknown(op)
