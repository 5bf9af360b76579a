"""Event dates (SPEC §5): find date expressions with the language's rules, resolve them against the
publication date.

    find_dates("The army shelled the town on Friday.", "en", date(2019, 8, 5))
    -> [ResolvedDate(value=date(2019, 8, 2), precision='day', start=29, end=35, text='Friday')]

Resolution is a pure function of (rule, matched slots, publication date); relative phrases with a
count ("three days ago", "قبل ثلاثة أيام") are resolved by dateparser with the language given,
cached by (phrase, language, publication date). Without a publication date only absolute
expressions (those that name a year) resolve.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Sequence

from coder.dates.resolve import FUTURE_TOLERANCE, resolve
from coder.dates.rules import DateRules
from coder.model import ResolvedDate, new_resolved_date
from coder.lang.chunk_folds import folded_of
from coder.lang.numbers import Folded, folded as fold

__all__ = ["find_dates", "dates_and_copy", "date_rules", "scan", "may_count_back", "note_undated",
           "FUTURE_TOLERANCE"]

_SPACE = re.compile(r"[\s-]*")


@lru_cache(maxsize=None)
def date_rules(lang: str) -> DateRules:
    return DateRules(lang)


# (text, language) -> its folded copy and the date regex's matches in it, for the last texts
# scanned: a sentence is read for its dates, again against a stand-in day, asked whether it names
# a time, and folded for its quantities; the regex runs once (bounded: cleared when full)
_SCANS: dict[tuple[str, str], tuple[Folded, list[re.Match]]] = {}
_SCANS_MAX = 64


def scan(text: str, lang: str, folds: Sequence[str] | None = None) -> tuple[Folded, list[re.Match]]:
    """The folded copy of `text` and every match of the language's date regex in it (unresolved).
    `folds`: the folds of the text's chunks (coder.lang.chunk_folds), where the caller has them: a
    text whose chunks the gate refuses (most) is then not folded: its entry holds None for the copy,
    which is made when the text is asked for without them."""
    hit = _scan(text, lang, folds)
    return hit if hit[0] is not None or folds is not None else _scan(text, lang, None, True)


def _scan(text: str, lang: str, folds: Sequence[str] | None,
          copy: bool = False) -> tuple[Folded | None, list[re.Match]]:
    """scan's entry of a text, where the copy may be None (the gate refused the folds: no match);
    `copy`: made again with it."""
    key = (text, lang)
    hit = _SCANS.get(key)
    if hit is None or copy:
        rules = date_rules(lang)
        if folds is not None:
            first = rules.gate.first_admitting(folds)
            if first is None:
                hit = (None, [])
            else:
                folded = folded_of(text, folds, lang)
                # (the folds joined by single white space characters: chunk_folds)
                hit = (folded, rules.find_all(folded.text, folds, True, first))
        else:
            folded = fold(text, lang)
            # (searched from where a date may begin to the last word it may hold: most sentences,
            # nowhere; DateRules.find_all)
            hit = (folded, rules.find_all(folded.text))
        _keep(key, hit)
    return hit


def _keep(key: tuple[str, str], hit: tuple) -> None:
    """Keep a text's scan entry (a few sentences': cleared when full)."""
    if len(_SCANS) >= _SCANS_MAX:
        _SCANS.clear()
    _SCANS[key] = hit


def note_undated(text: str, lang: str) -> None:
    """Keep scan's entry of a text known to hold no date without its chunks' folds read (their chunks
    are quiet: coder.lang.chunk_folds.QUIET_CHUNKS), as the gate's refusal of its folds makes it: the
    rows ask of its matches again."""
    key = (text, lang)
    if key not in _SCANS:   # (a text scanned before keeps its entry, as _scan would)
        _keep(key, (None, []))


@lru_cache(maxsize=1024)    # asked once per event of a sentence: the answer is the sentence's
def names_a_time(text: str, lang: str) -> bool:
    """Does `text` hold a date expression, resolved or not ("أمس" in a text with no publication date)?"""
    return bool(_scan(text, lang, None)[1])   # (its matches alone: an entry without its folded copy serves)


@lru_cache(maxsize=None)
def _counting_back(lang: str) -> frozenset[str]:
    """The group names (a match's lastgroup) of the rules that can resolve to a year counted back:
    a count of units ("two years ago": dateparser's period), or a unit counted back whose unit is
    "year" or read from the match ("last year"). A calendar date gives a year only from a year
    written in digits, a weekday a day, a shift of days, weeks or months a day or a month."""
    return frozenset(group for group, rule in date_rules(lang).rule_of_group.items()
                     if rule.resolve not in ("calendar", "weekday", "shift")   # (relative: resolve's last case)
                     or (rule.resolve == "shift" and rule.offset < 0 and rule.unit in (None, "year")))


def may_count_back(text: str, lang: str) -> bool:
    """Can a time in `text` resolve to a year before the day it is read against without a year
    written in digits? Told from its rules alone, nothing resolved: False for most texts, whose
    times are written-out dates, weekdays or days ("yesterday")."""
    rules = _counting_back(lang)
    for m in _scan(text, lang, None)[1]:   # (its matches alone, as names_a_time)
        if m.lastgroup in rules:
            return True
    return False


def find_dates(text: str, lang: str, published: dt.date | None,
               folds: Sequence[str] | None = None) -> list[ResolvedDate]:
    """Every date expression in `text` that resolves, in text order, with its span as written.
    `folds`: as scan's."""
    return dates_and_copy(text, lang, published, folds)[0]


def dates_and_copy(text: str, lang: str, published: dt.date | None,
                   folds: Sequence[str] | None = None) -> tuple[list[ResolvedDate], Folded | None]:
    """find_dates' dates and the folded copy its scan made of `text`: None where the gate refused
    `folds` (given: a copy is made of them only where the quantities' gate admits). (The pipeline
    keeps the copy for the quantities, where asking scan for it again was a second entry look-up)"""
    folded, matches = _scan(text, lang, folds)   # (no copy where no match)
    if not matches:
        return [], folded
    if isinstance(published, dt.datetime):   # a timestamp: its day is what dates resolve against
        published = published.date()
    rules = date_rules(lang)
    out = []
    for m in matches:
        name = m.lastgroup
        rule = rules.rule_of_group[name]
        start, end = m.span(name)
        cue = rule.groups.get("cue")
        if cue and m.group(cue[0]) is not None:
            start = _SPACE.match(folded.text, m.end(cue[0])).end()
        value = resolve(rules, rule, m, published)
        if value is None:
            continue
        s, e = folded.span(start, end)
        out.append(new_resolved_date(value[0], value[1], s, e, text[s:e]))
    return out, folded

