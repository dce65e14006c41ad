"""kc digest/report --out: devices and links are written through, files get normal permissions,
unwritable paths are one-line errors; dates at the ends of the calendar do not overflow."""
from __future__ import annotations

import os
import stat

import pytest

from ..corpus_helpers import base_corpus, doc
from .support import kc

NEWSLETTER = doc("id: first-issue\ntitle: First issue\naudience: public\ndate: 0001-01-01", "Hello.\n")


def cfg(config) -> str:
    return str(config.root / "site_config.yml")


def digest(config, *args):
    return kc("digest", "--config", cfg(config), "--today", "2026-11-22", *args)


def test_dev_null_is_written_through_not_replaced(make_site):
    config = make_site(base_corpus())
    result = digest(config, "--period", "month", "--out", "/dev/null")
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_link_is_written_through_and_kept(make_site, tmp_path):
    config = make_site(base_corpus())
    real = tmp_path / "real.txt"
    real.write_text("old")
    (tmp_path / "link.txt").symlink_to(real)
    assert digest(config, "--period", "month", "--format", "text", "--out", str(tmp_path / "link.txt")).exit_code == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert "digest" in real.read_text().lower()


def test_new_files_get_the_users_normal_permissions(make_site, tmp_path):
    config = make_site(base_corpus())
    old = os.umask(0o022)
    try:
        assert digest(config, "--period", "month", "--out", str(tmp_path / "d.html")).exit_code == 0
        assert kc("report", "--config", cfg(config), "--out", str(tmp_path / "r.txt")).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "d.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "r.txt").stat().st_mode) == 0o644


def test_unwritable_out_is_a_one_line_error(make_site, tmp_path):
    config = make_site(base_corpus())
    (tmp_path / "afile").write_text("x")
    result = digest(config, "--period", "month", "--out", str(tmp_path / "afile" / "d.html"))
    assert result.exit_code == 2
    assert result.output.startswith("kc: error: cannot write") and result.output.count("\n") == 1


@pytest.mark.parametrize("args", [
    ("--since", "9999-12-01", "--until", "9999-12-31"),
    ("--since", "0001-01-01", "--until", "0001-01-03"),
    ("--period", "week", "--until", "0001-01-01"),
    ("--since-last",),
])
def test_dates_at_the_ends_of_the_calendar(make_site, args):
    config = make_site(base_corpus() | {"content/newsletters/first.md": NEWSLETTER})
    result = digest(config, *args, "--format", "text")
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output and "OverflowError" not in result.output


def test_a_newsletter_dated_year_one_builds(make_site):
    config = make_site(base_corpus() | {"content/newsletters/first.md": NEWSLETTER})
    result = kc("build", "--config", cfg(config))
    assert result.exit_code == 0, result.output
