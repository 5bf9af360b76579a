"""The thirty-first speed round of the dates, checked against the former logic: a resolution adds
kept timedeltas of small counts of days (coder.dates.resolve._DAYS) instead of making one each time,
and makes a calendar day once: checked against the former functions kept here over days near the
calendar's ends, every weekday and offsets in and out of the kept range."""
from __future__ import annotations

import datetime as dt
import importlib


# ---------------------------------------------------------------- resolution without new timedeltas

def _former_weekday(day: int, published: dt.date, after: bool, before: bool):
    if after:
        return published + dt.timedelta(days=(day - published.weekday()) % 7 or 7), "day"
    back = (published.weekday() - day) % 7
    if before and back == 0:
        back = 7
    return published - dt.timedelta(days=back), "day"


def _former_shift(unit: str, offset: int, published: dt.date):
    if unit == "day":
        return published + dt.timedelta(days=offset), "day"
    if unit == "week":
        if offset == 0:
            return published - dt.timedelta(days=published.weekday()), "day"
        return published + dt.timedelta(days=7 * offset), "day"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return dt.date(index // 12, index % 12 + 1, 1), "month"
    return dt.date(published.year + offset, 1, 1), "year"


def _former_make(year: int, month: int, day):
    def valid(y, m, d):
        try:
            dt.date(y, m, d)
            return True
        except ValueError:
            return False
    if day is None:
        return dt.date(year, month, 1), "month"
    return (dt.date(year, month, day), "day") if valid(year, month, day) else None


def _outcome(f, *args):
    try:
        return f(*args)
    except (OverflowError, ValueError) as e:
        return type(e)


DAYS_READ = [dt.date(2019, 8, 5) + dt.timedelta(days=k) for k in range(0, 15)] + \
    [dt.date(1, 1, 1), dt.date(1, 1, 6), dt.date(9999, 12, 31), dt.date(9999, 12, 26), dt.date(2020, 2, 29)]


def test_weekdays_and_shifts_resolve_as_with_a_new_timedelta_each():
    resolving = importlib.import_module("coder.dates.resolve")   # (coder.dates.resolve is also a function)
    for published in DAYS_READ:
        for day in range(7):
            for after in (False, True):
                for before in (False, True):
                    assert _outcome(resolving._weekday, day, published, after, before) == \
                        _outcome(_former_weekday, day, published, after, before)
        for unit in ("day", "week", "month", "year"):
            for offset in (-800, -400, -401, -7, -2, -1, 0, 1, 2, 7, 399, 400, 401, 10**10):
                assert _outcome(resolving._shift, unit, offset, published) == \
                    _outcome(_former_shift, unit, offset, published), (unit, offset, published)
    # the kept timedeltas are those of small counts only
    assert all(-400 <= n <= 400 for n in resolving._DAYS)


def test_calendar_days_made_once_as_tested_and_made():
    resolving = importlib.import_module("coder.dates.resolve")
    for year in (1, 1999, 2000, 2019, 2020, 9999):
        for month in range(1, 13):
            for day in (None, 1, 28, 29, 30, 31, 32):
                assert _outcome(resolving._make, year, month, day) == _outcome(_former_make, year, month, day)
    assert resolving._date_or_none(2019, 2, 29) is None
    assert resolving._date_or_none(2020, 2, 29) == dt.date(2020, 2, 29)
