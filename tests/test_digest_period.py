"""Periods: calendar days, both ends included; bad values are clear errors."""
from __future__ import annotations

from datetime import date

import pytest

from generator.digest.period import parse_date, resolve
from generator.errors import ConfigError

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "20260901", "1/9/2026",
                                  "2026-09-01T10:00", "2026-09-01+02:00", "", "yesterday"])
def test_anything_but_a_calendar_date_is_refused(text):
    with pytest.raises(ConfigError, match=r"--since '.*' is not a date: write YYYY-MM-DD"):
        parse_date("--since", text)


def test_since_until_are_inclusive_and_until_defaults_to_today():
    period = resolve(TODAY, since=date(2026, 9, 1), until=date(2026, 9, 30))
    assert date(2026, 9, 1) in period and date(2026, 9, 30) in period
    assert date(2026, 8, 31) not in period and date(2026, 10, 1) not in period
    assert resolve(TODAY, since=date(2026, 11, 1)).until == TODAY


def test_week_and_month_end_today():
    assert resolve(TODAY, period="week").since == date(2026, 11, 16)
    assert resolve(TODAY, period="month").since == date(2026, 10, 24)
    assert resolve(TODAY, period="month").days == 30


def test_since_last_starts_the_day_after_the_previous_newsletter():
    period = resolve(TODAY, since_last=date(2026, 11, 2))
    assert (period.since, period.until) == (date(2026, 11, 3), TODAY)


@pytest.mark.parametrize("kwargs, message", [
    ({"since": date(2026, 10, 2), "until": date(2026, 10, 1)}, "starts .* after it ends"),
    ({"since": date(2026, 10, 1), "period": "week"}, "--since and --period"),
    ({"period": "week", "until": date(2026, 10, 1)}, "--period always ends today"),
    ({"period": "year"}, "unknown --period"),
    ({}, "say which period"),
])
def test_conflicting_or_missing_periods_are_refused(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        resolve(TODAY, **kwargs)
