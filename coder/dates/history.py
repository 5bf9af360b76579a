"""A sentence told as a record of the past in a text with no publication date (SPEC 5): its years
written out, and no time of the day's news, set the whole sentence in history, the events it tells
with no date of their own included ("وكان ذلك عام 1956، وقاد الحزب مظاهرات ضد حرق العملة", "the
victims were killed in the massacre after the town fell on 11 July 1995")."""
from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence

from coder.dates.events import dated_record, is_old
from coder.model import ResolvedDate


EPISODE_GAP = 6   # characters between an episode's noun and its date ("انقلاب عام 2006", "the 2006 coup": the word "عام")


def episode_dates(dates: Sequence[ResolvedDate], text: str, heads, triggers) -> set[int]:
    """The dates (by id) that name an episode rather than time the sentence: right after a noun
    such as a coup, a war or elections (grammar.yaml episode_heads) with at most one short word
    between ("انقلاب عام 2006", "مسيرات رافضة لانقلاب الثالث من يوليو"). They date no event,
    as a period's start does not. `heads` and `triggers` are (start, end) character spans; a head
    coded as an event itself ("مجزرة عام 1988") keeps its date."""
    out = set()
    for d in dates:
        for start, end in heads:
            between = text[end:d.start]
            if 0 <= d.start - end <= EPISODE_GAP and len(between.split()) <= 1 and \
                    not any(s <= start < e for s, e in triggers):
                out.add(id(d))
    return out


def blank(text: str, dates: Sequence[ResolvedDate]) -> str:
    """The text with the dates blanked out: what times it names besides them."""
    for d in dates:
        text = text[:d.start] + " " * (d.end - d.start) + text[d.end:]
    return text


def told_as_record(text: str, dates: Sequence[ResolvedDate], skip: set[int] | frozenset[int],
                   names_other_time: Callable[[], bool], stand_in: Callable[[], Sequence[ResolvedDate]],
                   stand_in_day: dt.date) -> list[tuple[int, int]]:
    """Is an undated sentence a record of the past? It writes out at least one date that is history
    by itself (a year alone, or a day or month with its year, not heading the sentence as a
    timeline's entry: coder/dates/events.py is_old, dated_record); every date it writes is such
    (the periods and episodes in `skip`, "منذ 2003", "انقلاب عام 2006", date nothing); and the only
    other times it names are a year or more back ("العام الماضي", read against `stand_in_day`). A
    weekday, "أمس" or a date without its year tells the news of the day: not a record. Returns
    the spans of its times (none: not a record). `names_other_time`: does the text name a time
    besides `dates` (names_a_time of the text with them blanked)."""
    own = [d for d in dates if id(d) not in skip]
    if not own or not all(is_old(d.value, d.precision, None) or dated_record(d, None, text, dates) for d in own):
        return []
    spans = [(d.start, d.end) for d in own]
    if not names_other_time():
        return spans
    others = [d for d in stand_in() if not any(o.start <= d.start < o.end for o in dates)]
    if others and all(d.precision == "year" and d.value.year < stand_in_day.year for d in others):
        return spans + [(d.start, d.end) for d in others]
    return []


_CLAUSE_MARKS = frozenset(",;:،؛")


def in_record(spans: list[tuple[int, int]], text: str, start: int, end: int) -> bool:
    """Is the event at [start, end) told in the record: after one of its times, or before one in
    the same clause ("قتلوا في المذبحة ... في 11 يوليو عام 1995")? A time across a comma after it
    dates another story ("تظاهر الطلاب، وقال ممثلهم إن القانون أقر عام 2005")."""
    return any(s < start or not any(ch in _CLAUSE_MARKS for ch in text[end:s]) for s, _ in spans)
