"""The days an event report can refer to, from its date and the precision the text fixed.

`date` is a full ISO day whose `date_precision` says how much the text fixed (docs/events.md):
a week is dated by its Monday, a month by its 1st, a year by 1 January. A report with no
date happened at most `UNDATED_DAYS` before its article was published (news reports recent
events); without a publication date it refers to no known days at all.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..store.records import parse_day

UNDATED_DAYS = 3
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

Window = tuple[dt.date, dt.date]


def window(date: str | None, precision: str | None, published: dt.date | None) -> Window | None:
    """First and last day (inclusive) the report may mean."""
    day = parse_day(date)
    if day is None:
        return (published - dt.timedelta(days=UNDATED_DAYS), published) if published else None
    if precision == "week":
        return day, day + dt.timedelta(days=6)
    if precision == "month":
        return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day, day.replace(month=12, day=31)
    return day, day


def overlap(a: Window, b: Window) -> Window | None:
    """The days both windows share, or None when they share none."""
    first, last = max(a[0], b[0]), min(a[1], b[1])
    return (first, last) if first <= last else None


def precision_rank(date: str | None, precision: str | None) -> int:
    """Lower is more precise; an undated report ranks last."""
    return PRECISION_RANK.get(precision or "day", 3) if date else len(PRECISION_RANK)
