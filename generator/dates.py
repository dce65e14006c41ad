"""Date arithmetic that cannot overflow: 0001-01-01 and 9999-12-31 are valid dates to write."""
from __future__ import annotations

from datetime import date, timedelta


def shift(day: date, days: int) -> date:
    """day + days, clamped to the first and last dates Python can represent."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min
