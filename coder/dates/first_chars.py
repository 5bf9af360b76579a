"""The characters a regular expression's match can begin with, as a guard written before it.

The date rules are one regex of many branches tried in order at every word of a sentence; most
branches cannot begin at most words (a month name, a digit, a cue word). `guarded(branch)` puts a
look-ahead of the branch's possible first characters before it, so a branch that cannot begin
here is passed over with one character test instead of being entered: about a quarter of the
date regex's time on news sentences. With `depth=2` the look-ahead tests the first two
characters: an Arabic month name or weekday cue begins with ا like almost every word (ال), but
never with ال, so most words pass over those branches at the second character. Put before the
whole alternation, the look-ahead of what any branch begins with lets a word that begins no date
fail once instead of once a branch. A look-ahead
consumes nothing and captures nothing, and the prefixes are a superset of what the branch can
begin with, so the matches, their order and their groups are the same. Whatever the analysis does
not know (a negated class, a back-reference, inline flags) ends the prefix there; a branch that
can match the empty text, or begin with what is not known, is left as it is.

`letter_runs(pattern)`, by the same parser: the words (runs of letters) a match can hold, which
tell where in a sentence a date may begin (coder.dates.rules.DateRules._window_start).
"""
from __future__ import annotations

import re
from re import _constants as C, _parser as parser   # the regex module's own parser (Python 3.11+)

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w",
               C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)

# A prefix: the class items of its characters (one string a character, to go inside [...]), and
# whether the match can end right after it (True) or goes on with what is not worked out (False).
Prefix = tuple[tuple[str, ...], bool]
_EMPTY: Prefix = ((), True)
_UNKNOWN: Prefix = ((), False)


def guarded(branch: str, depth: int = 1) -> str:
    """`branch` with a look-ahead of its possible first `depth` characters before it (or as it is)."""
    try:
        prefixes = _sequence(parser.parse(branch).data, depth)
    except (re.error, TypeError, ValueError):
        return branch
    if any(not chars for chars, _ in prefixes):   # can match the empty text, or begins unknown
        return branch
    return "(?=" + _alternation({chars for chars, _ in prefixes}) + ")" + branch


def at_word_start(pattern: str) -> str:
    """`pattern` behind \\b when its matches begin with a word character (a digit or a letter) that
    follows none (a look-behind (?<!\\w), or one whose class holds \\w, before what it consumes):
    there \\b holds exactly where the pattern may begin. The regex engine tries a match at every
    character of a sentence; \\b, a test of the two characters beside, fails inside a word at once,
    before the guard and the look-behinds are entered. As it is, when that is not proven."""
    try:
        items = parser.parse(pattern).data
        prefixes = _sequence(items, 1)
    except (re.error, TypeError, ValueError):
        return pattern
    if not _after_no_word(items) or not prefixes \
            or not all(chars and _all_word(chars[0]) for chars, _ in prefixes):
        return pattern
    return r"\b" + pattern


def _after_no_word(items) -> bool:
    """Does the sequence begin, before anything it consumes, with a look-behind of no \\w?"""
    for op, av in items:
        if op not in _ZERO_WIDTH:
            return False
        if op is C.ASSERT_NOT and av[0] == -1:   # (?<!...)
            (o, a), *more = av[1].data
            if not more and o is C.IN and (C.CATEGORY, C.CATEGORY_WORD) in a and (C.NEGATE, None) not in a:
                return True
    return False


def _all_word(items: str) -> bool:
    """Are all the characters of the class [items] word characters (what \\w matches)?"""
    (op, av), = parser.parse(f"[{items}]").data
    members = [(op, av)] if op is not C.IN else av
    for o, a in members:
        if o is C.LITERAL:
            ok = _word(a)
        elif o is C.RANGE:
            ok = all(map(_word, range(a[0], a[1] + 1)))
        else:
            ok = o is C.CATEGORY and a in (C.CATEGORY_DIGIT, C.CATEGORY_WORD)
        if not ok:
            return False
    return True


def _word(code: int) -> bool:
    return chr(code).isalnum() or code == ord("_")   # what the regex module's \w matches


def _alternation(prefixes: set[tuple[str, ...]]) -> str:
    """A regex matching the (non-empty) prefixes: one class of the single characters, then each
    first character followed by what may follow it."""
    singles, rests = set(), {}
    for chars in prefixes:
        if len(chars) == 1:
            singles.add(chars[0])
        else:
            rests.setdefault(chars[0], set()).add(chars[1:])
    alts = ["[" + "".join(sorted(singles)) + "]"] if singles else []
    for first in sorted(set(rests) - singles):   # a first character alone already admits the rest
        after = _alternation(rests[first])
        alts.append("[" + first + "]" + (f"(?:{after})" if "|" in after else after))
    return "|".join(alts)


def _sequence(items, depth: int) -> set[Prefix]:
    """The prefixes (up to `depth` characters) a match of the sequence can begin with."""
    out = {_EMPTY}
    for op, av in items:
        if all(not ends or len(chars) == depth for chars, ends in out):
            break
        out = _then(out, lambda room: _item(op, av, room), depth)
    return out


def _then(prefixes: set[Prefix], following, depth: int) -> set[Prefix]:
    """The prefixes of a match of what `prefixes` describe, then of what `following(room)` gives."""
    out = set()
    for chars, ends in prefixes:
        if not ends or len(chars) == depth:
            out.add((chars, False))
        else:
            out.update((chars + more, more_ends) for more, more_ends in following(depth - len(chars)))
    return out


def _item(op, av, depth: int) -> set[Prefix]:
    if op is C.LITERAL:
        return {((re.escape(chr(av)),), True)}
    if op is C.IN:
        items = set()
        for o, a in av:
            if o is C.LITERAL:
                items.add(re.escape(chr(a)))
            elif o is C.RANGE:
                items.add(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
            elif o is C.CATEGORY and a in _CATEGORIES:
                items.add(_CATEGORIES[a])
            else:   # a negated class, or a category not listed
                return {_UNKNOWN}
        return {(("".join(sorted(items)),), True)}
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return {_UNKNOWN} if add_flags or del_flags else _sequence(sub.data, depth)
    if op is C.BRANCH:
        return set().union(*(_sequence(alt.data, depth) for alt in av[1]))
    if op in _REPEATS:
        low, high, sub = av
        once = _sequence(sub.data, depth)
        if any(not chars for chars, _ in once):   # a repeat of what can be empty: not worked out
            return {_UNKNOWN}
        more = once if high == 1 else _then(
            once, lambda room: _item(op, (max(low - 1, 0), high - 1 if high != C.MAXREPEAT else high,
                                          sub), room), depth)
        return more | {_EMPTY} if low == 0 else more
    if op in _ZERO_WIDTH:   # consumes nothing: what follows begins the match
        return {_EMPTY}
    return {_UNKNOWN}


# ---------------------------------------------------------------- the words a match can hold

def letter_runs(pattern: str) -> frozenset[str] | None:
    """Every run of letters (what [^\\W\\d_]+ matches) that a match of `pattern` can hold between
    two characters that are not letters, or None where that is not known (a class of letters that
    repeats, a negated class, inline flags, a back-reference...). Look-arounds consume nothing and
    are passed over. The set is a superset: a run listed need not be matchable, a run not listed
    never is inside a match."""
    try:
        parsed = parser.parse(pattern)
    except (re.error, TypeError, ValueError):
        return None
    if parsed.state.flags & (C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_ASCII | C.SRE_FLAG_LOCALE):
        return None   # (letters read otherwise than as written, or another \w)
    summary = _runs_of(parsed.data)
    if summary is None:
        return None
    whole, _, before, after, between = summary
    return frozenset(w for w in (*whole, *before, *after, *between) if w)


# A summary of what a piece of a pattern can consume, as letters and the other characters (the
# separators): (the letter strings it matches with no separator, whether it can match with one,
# the letters before its first separator, those after its last one, the runs between two); None
# where not known. Sets larger than this are not worked out (None)
_MOST_RUNS = 20_000
_NO_LETTERS = (frozenset({""}), False, frozenset(), frozenset(), frozenset())
_ONE_SEPARATOR = (frozenset(), True, frozenset({""}), frozenset({""}), frozenset())
_LETTER = re.compile(r"[^\W\d_]")


def _joined(a: frozenset, b: frozenset) -> frozenset | None:
    if len(a) * len(b) > _MOST_RUNS:
        return None
    return frozenset(x + y for x in a for y in b)


def _then_runs(x, y):
    """The summary of x followed by y."""
    if x is None or y is None:
        return None
    xw, xs, xp, xf, xi = x
    yw, ys, yp, yf, yi = y
    whole = _joined(xw, yw)
    before = _joined(xw, yp) if ys else frozenset()        # x's letters alone, then y's before its separator
    after = _joined(xf, yw) if xs else frozenset()         # x's after its separator, then y's letters alone
    across = _joined(xf, yp) if xs and ys else frozenset()   # a run between x's last separator and y's first
    if whole is None or before is None or after is None or across is None:
        return None
    return whole, xs or ys, xp | before, yf | after, xi | yi | across


def _either_runs(summaries):
    whole, sep, pre, suf, inner = set(), False, set(), set(), set()
    for s in summaries:
        if s is None:
            return None
        whole |= s[0]
        sep = sep or s[1]
        pre |= s[2]
        suf |= s[3]
        inner |= s[4]
    return frozenset(whole), sep, frozenset(pre), frozenset(suf), frozenset(inner)


def _runs_of(items):
    out = _NO_LETTERS
    for op, av in items:
        out = _then_runs(out, _item_runs(op, av))
        if out is None:
            return None
    return out


def _char_runs(codes) -> tuple | None:
    """One character of those listed."""
    letters = {chr(c) for c in codes if _LETTER.match(chr(c))}
    parts = []
    if letters:
        parts.append((frozenset(letters), False, frozenset(), frozenset(), frozenset()))
    if len(letters) < len(codes):
        parts.append(_ONE_SEPARATOR)
    return _either_runs(parts)


def _item_runs(op, av):
    if op is C.LITERAL:
        return _char_runs([av])
    if op is C.IN:
        codes, parts = [], []
        for o, a in av:
            if o is C.LITERAL:
                codes.append(a)
            elif o is C.RANGE:
                if a[1] - a[0] > 256:
                    return None
                codes.extend(range(a[0], a[1] + 1))
            elif o is C.CATEGORY and a in (C.CATEGORY_DIGIT, C.CATEGORY_SPACE):
                parts.append(_ONE_SEPARATOR)   # (digits and white space hold no letter)
            else:   # a negated class, \w, \S, \D...: any letter
                return None
        if codes:
            parts.append(_char_runs(codes))
        return _either_runs(parts)
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _runs_of(sub.data)
    if op is C.BRANCH:
        return _either_runs([_runs_of(alt.data) for alt in av[1]])
    if op in _REPEATS:
        low, high, sub = av
        once = _runs_of(sub.data)
        if once is None:
            return None
        if high != C.MAXREPEAT and high <= 3:
            found, times = [], _NO_LETTERS
            for k in range(high + 1):
                if k >= low:
                    found.append(times)
                times = _then_runs(times, once)
                if times is None:
                    return None
            return _either_runs(found)
        if any(once[0] - {""}):   # letters that repeat without a separator: not bounded
            return None
        # (two copies or more of what matches no letters alone: the same runs as two)
        twice = _then_runs(once, once)
        return _either_runs([s for k, s in enumerate((_NO_LETTERS, once, twice)) if k >= min(low, 2)])
    if op in _ZERO_WIDTH:   # consumes nothing
        return _NO_LETTERS
    return None
