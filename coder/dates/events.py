"""Which of a sentence's dates is an event's date, and when a date makes an event background (SPEC 5).

A date expression belongs to the event word nearest to it: "the Kremlin said on Monday that Turkey
apologised for downing the jet last November" gives Monday to the news and November to the downing.
An event takes the nearest date of its clause unless that date belongs to another event word that
is background or is itself dated long before the news. A sentence with no date expression that
continues the story of the previous one takes that sentence's date (the caller decides continuity).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional, Sequence

from coder.dates.rules import DateRules
from coder.lang.numbers import alternation, load_lexicon
from coder.model import ResolvedDate, new_resolved_date

# An event dated more than this before publication is history, not news (SPEC 5).
BACKGROUND_AGE = dt.timedelta(days=30)


def period_end(value: dt.date, precision: Optional[str]) -> dt.date:
    """The last day a date of this precision can stand for (June 2014 -> 30 June 2014)."""
    if precision == "year":
        return dt.date(value.year, 12, 31)
    if precision == "month":
        nxt = dt.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return value


def is_old(value: Optional[dt.date], precision: Optional[str], published: Optional[dt.date]) -> bool:
    """Does the date lie wholly more than BACKGROUND_AGE before publication, or is it a past year?
    A date taken from the publication itself ('published') never is. With no publication date to
    measure by, an event told by its year alone ("عام 1986", "in 2003") is history: the news of
    the day is told by its day, its weekday or "yesterday"."""
    if value is None or precision in (None, "published"):
        return False
    if published is None:
        return precision == "year"
    if precision == "year" and value.year < published.year:
        return True   # "in 2006" in a January 2007 report: a year gone by is history
    if published.toordinal() <= BACKGROUND_AGE.days:   # (nothing of the calendar lies that long before)
        return False
    return period_end(value, precision) < published - BACKGROUND_AGE


_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def dated_record(d: Optional[ResolvedDate], published: Optional[dt.date], text: str,
                 dates: Sequence[ResolvedDate]) -> bool:
    """With no publication date to measure by, an event dated with its year written out ("في 16
    مايو 2003", "in February 1997") is told as a record of the past: the news of the day is told
    by its day, its weekday or "yesterday", not by its year (press style writes the year only for a
    date of another year, e.g. the AP Stylebook's "dates" entry). A date that heads its sentence is an
    entry of a timeline, and a sentence that also tells a date without its year tells news."""
    if published is not None or d is None or d.precision not in ("day", "month") \
            or not _WRITTEN_YEAR.search(d.text):
        return False
    if not any(ch.isalpha() and ch != "\u0640" for ch in text[:d.start]):   # (tatweel: a dash)
        return False
    return all(_WRITTEN_YEAR.search(o.text) for o in dates)


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans, 0 when they touch or overlap."""
    after, before = b[0] - a[1], a[0] - b[1]   # (conditionals: a max() of three is a call)
    return after if after > before and after > 0 else before if before > 0 else 0


def owner(d: ResolvedDate, words: Sequence[tuple[int, int]]) -> Optional[int]:
    """The index of the event word nearest to the date (the earlier one on a tie), or None."""
    # (a loop: the first nearest, as min() of a list by a key, without the list and the key's function;
    # gap() written out and the key compared by its parts, not made a tuple a word)
    best = best_gap = best_start = None
    start, end = d.start, d.end
    for i, (w_start, w_end) in enumerate(words):
        if start <= w_start and w_end <= end:   # a word inside the date is part of it ("March" is no march)
            continue
        after, before = w_start - end, start - w_end
        g = after if after > before and after > 0 else before if before > 0 else 0
        if best is None or g < best_gap or (g == best_gap and w_start < best_start):
            best, best_gap, best_start = i, g, w_start
    return best


def choose_date(dates: Sequence[ResolvedDate], event: tuple[int, int], words: Sequence[tuple[int, int]],
                own: Optional[int], foreign: set[int], news: set[int],
                published: Optional[dt.date]) -> Optional[ResolvedDate]:
    """The event's date among the dates of its clause, or None.

    `words` are the spans of the event words the rules kept as triggers; `own` is the index of this
    event's word; `foreign` the indices of words that are no news event (background, the object of
    a condemnation, negated); `news` those of the other news events. A date nearest to a foreign
    word is that word's; an old date nearest to another news event is that event's. Otherwise the
    nearest date of the clause is the event's (coordinated verbs share one: "met on Monday and
    signed")."""
    usable, owned = [], []   # (owned: the usable dates whose owner is the event's own word)
    for d in dates:
        o = owner(d, words)
        if o is not None and o != own and (o in foreign or (o in news and is_old(d.value, d.precision, published))):
            continue
        usable.append(d)
        if o == own:
            owned.append(d)
    if not usable:
        return None
    # a date of the event's own word before one it shares with a reporting verb ("said on Friday
    # that soldiers tortured detainees in March 2018")
    best = best_key = None   # (the first nearest, as min() by a key, without the key's function)
    for d in owned or usable:
        key = (gap((d.start, d.end), event), d.start)
        if best_key is None or key < best_key:
            best, best_key = d, key
    return best


@lru_cache(maxsize=None)
def _offset_regexes(rules: DateRules) -> tuple[re.Pattern, re.Pattern]:
    """"two days after" (the offset ends right before the marker) and "بعد يومين من" (it starts
    right after the marker, before من): (count)? unit."""
    hours = [rules.normalise(w) for w in load_lexicon(rules.lang, "dates").get("hour_units") or []]
    unit = f"(?P<unit>{alternation(list(rules.units) + hours)})"
    count = rf"(?:(?P<count>\d+|{rules.numbers.words_pattern}|an?)\s+)?"
    return (re.compile(count + unit + r"\s*$"), re.compile(r"^\s*" + count + unit + r"\s+\S+"))


def offset_days(rules: DateRules, before: str, after: str) -> Optional[int]:
    """Days between an event and the earlier one an after-phrase names, read around the marker
    ("two days after", "hours after", "a day after", "بعد يومين من"), or None when none is written.
    `before`/`after`: the normalised text just before and just after the marker."""
    end, start = _offset_regexes(rules)
    m = end.search(before) or start.match(after)
    if m is None:
        return None
    word = " ".join(m["unit"].split())
    unit, implied = rules.units.get(word, ("hour", 1))
    text = m["count"]
    n = implied if not text else (1 if text in ("a", "an") else
                                  int(text) if text.isdigit() else rules.numbers.value_of(text))
    if not n:
        return None
    return {"day": n, "week": 7 * n, "hour": 0}.get(unit)   # months and years: no day to give


def shifted(anchor: ResolvedDate | None, anchor_value: dt.date, days: int, start: int, end: int,
            text: str) -> ResolvedDate | None:
    """The date of an earlier event `days` before the news event it is told after; None before year 1."""
    precision = anchor.precision if anchor is not None else "day"
    try:
        return new_resolved_date(anchor_value - dt.timedelta(days=days), precision, start, end, text)
    except OverflowError:
        return None


def date_before_news(events: list, triggers: list, toks, text: str, dates: Sequence[ResolvedDate],
                     marks: list[tuple[int, int]], chosen: dict, rules: DateRules, norm, trace: list[str]) -> None:
    """"demanded on Friday the release of a tanker that marines had seized a day earlier", "had
    seized it the day before", "to investigate an attack earlier this month": an event told after
    the sentence's news as before it is background, and an offset dates it from that news.
    `marks`: (token index, char start) of the before-news words; `chosen`: event index -> its date,
    updated in place; the events' is_background is set."""
    for k, start in marks:
        # the marker ends its phrase ("a day earlier," / "the day before."), or is part of a date
        # expression ("earlier this month"); "a day before the talks" is another matter
        inside = next((d for d in dates if d.start <= start < d.end), None)
        closes = k + 1 >= len(toks) or toks[k + 1].text in _CLOSING
        if inside is None and not closes:
            continue
        before = [i for i in chosen if events[i].evidence_end <= start]
        if not before:
            continue
        i = max(before, key=lambda n: events[n].evidence_start)
        trigger = next((h for h in triggers if h.first == events[i].trigger_first), None)
        if trigger is not None and trigger.mention.end < events[i].evidence_end:
            continue   # "to investigate a chemical attack earlier this month": the object's time, not the verb's
        # the news is told first ("demanded on Friday the release of a tanker seized a day earlier")
        anchors = [n for n in chosen if n != i and not events[n].is_background and chosen[n] is not None
                   and chosen[n] is not inside and events[n].evidence_start < events[i].evidence_start]
        if not anchors:
            continue
        anchor = chosen[anchors[0]]
        if inside is None:
            days = offset_days(rules, norm(text[max(0, start - 30):start]), "")
            d = shifted(anchor, anchor.value, days, start, toks[k].end, "") if days is not None else None
            if d is None:
                continue
            chosen[i] = d
        elif chosen[i] is not inside:
            continue
        events[i].is_background = True
        trace.append(f"{events[i].evidence!r}: told as before the news event: background")


# what may follow a before-news word that closes its phrase ("a day earlier," "the day before.")
_CLOSING = frozenset(",;:()\"'«»،؛-–—?!؟.")
