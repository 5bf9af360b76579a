"""Resolvers: (rule, matched slots, publication date) -> (date, precision), or None.

News reports what happened, so an expression without a year or a weekday never resolves to more
than FUTURE_TOLERANCE after publication: "on Friday" is the latest Friday on or before publication,
"in June" the latest June. An explicit "next Friday" is the exception.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from coder.dates.rules import DateRules, Rule

FUTURE_TOLERANCE = dt.timedelta(days=3)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)$")


class _Days(dict):
    """n -> dt.timedelta(days=n), each made once: the constructor parses its keyword and normalises its
    fields at each call (about 4,400 machine instructions, where reading a kept one and adding it to
    a date costs 900), and a resolution adds a few small counts of days (back a day, to a weekday)."""
    def __missing__(self, n: int) -> dt.timedelta:
        delta = dt.timedelta(days=n)
        if -400 <= n <= 400:   # (bounded: the counts of days a rule's offset or a weekday gives)
            self[n] = delta
        return delta


_DAYS = _Days()


def resolve(rules: DateRules, rule: Rule, m: re.Match, published: dt.date | None):
    try:
        return _resolve(rules, rule, m, published)
    except (OverflowError, ValueError):   # before year 1 or after 9999 ("yesterday" of 0001-01-01): no date
        return None


def _resolve(rules: DateRules, rule: Rule, m: re.Match, published: dt.date | None):
    # (the slots asked through rules.slot itself: a lambda over rules, m and rule made a closure and
    # its cells a match, and a frame more a slot)
    if rule.resolve == "calendar":
        return _calendar(rules, rule, m, published)
    if published is None:
        return None     # every other resolver is relative to the publication date
    slot = rules.slot
    if rule.resolve == "weekday":
        day = rules.weekdays[" ".join(slot(m, rule, "weekday").split())]
        return _weekday(day, published, after=slot(m, rule, "next") is not None,
                        before=slot(m, rule, "prev") is not None)
    if rule.resolve == "shift":
        unit = rule.unit or rules.units[" ".join(slot(m, rule, "unit").split())][0]
        return _shift(unit, rule.offset, published)
    return _relative(rules, rule, m, published)


def _calendar(rules: DateRules, rule: Rule, m: re.Match, published: dt.date | None):
    slot = rules.slot
    year_text = slot(m, rule, "year")   # (each slot asked once)
    year = int(year_text) if year_text else None
    month_word = slot(m, rule, "month")
    month = rules.months[" ".join(month_word.split())] if month_word else None
    if month is None:
        month_num = slot(m, rule, "month_num")
        if month_num:
            month = int(month_num)
    day = None
    day_text = slot(m, rule, "day")
    if day_text:
        day = int(day_text)
    else:
        day_word = slot(m, rule, "day_word")
        if day_word:
            day = rules.day_words[" ".join(day_word.split())]
    if year is not None:
        if month is None:
            return dt.date(year, 1, 1), "year"
        return _make(year, month, day)
    if month is None or published is None:
        return None
    if slot(m, rule, "prev") is not None:     # "last June", "حزيران الماضي": before this month
        year = published.year - (1 if month >= published.month else 0)
    elif slot(m, rule, "cur") is not None:    # "this June", "آب الجاري"
        year = published.year
    else:                                  # the latest such date, up to a few days ahead
        year = published.year
        first = _date_or_none(year, month, day or 1)
        if first is None or first > published + FUTURE_TOLERANCE:
            year -= 1
    return _make(year, month, day)


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None where there is no such day (30 February). (Made once, where a test that it
    can be made made it, and then it was made again)"""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _make(year: int, month: int, day: int | None):
    if day is None:
        return dt.date(year, month, 1), "month"
    made = _date_or_none(year, month, day)
    return (made, "day") if made is not None else None


def _weekday(day: int, published: dt.date, after: bool, before: bool):
    if after:
        return published + _DAYS[(day - published.weekday()) % 7 or 7], "day"
    back = (published.weekday() - day) % 7
    if before and back == 0:
        back = 7
    return published - _DAYS[back], "day"


def _shift(unit: str, offset: int, published: dt.date):
    if unit == "day":
        return published + _DAYS[offset], "day"
    if unit == "week":
        if offset == 0:   # this week: its Monday
            return published - _DAYS[published.weekday()], "day"
        return published + _DAYS[7 * offset], "day"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return dt.date(index // 12, index % 12 + 1, 1), "month"
    return dt.date(published.year + offset, 1, 1), "year"


def _relative(rules: DateRules, rule: Rule, m: re.Match, published: dt.date):
    unit_word = " ".join(rules.slot(m, rule, "unit").split())
    unit, implied = rules.units[unit_word]
    count_text = rules.slot(m, rule, "count")
    if count_text:
        count = int(count_text) if count_text.isdigit() else rules.numbers.value_of(count_text)
    else:
        count = implied            # "a week ago", "قبل أسبوع", "قبل يومين"; None: "منذ سنوات"
    if not count:
        return None
    phrase = rules.dateparser_phrase.format(count=count, unit=rules.dateparser_units.get(unit, unit))
    return _dateparser(phrase, rules.lang, tuple(sorted(
        (k, tuple(v)) for k, v in rules.dateparser_options.items())), published)


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, lang: str, options: tuple, published: dt.date):
    parsed = _parser(options, published).get_date_data(phrase)
    if parsed is None or parsed.date_obj is None:
        return None
    value = parsed.date_obj.date()
    if value > published + FUTURE_TOLERANCE:
        return None
    period = parsed.period or "day"
    if period == "month":
        return value.replace(day=1), "month"
    if period == "year":
        return dt.date(value.year, 1, 1), "year"
    return value, "day"


@lru_cache(maxsize=256)
def _parser(options: tuple, published: dt.date) -> DateDataParser:
    """One parser per language and publication date: RELATIVE_BASE is a parser setting."""
    settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    from dateparser.date import DateDataParser   # 50 ms to import: only for the phrases it resolves
    return DateDataParser(**{k: list(v) for k, v in options}, settings=settings)
