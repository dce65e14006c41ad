"""Golden files: the digest of the sample content for 1 September - 31 October 2026.

Content or template edits change them on purpose: regenerate with
`pytest tests/test_digest_golden.py --update-goldens` and review the diff.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from generator import load_config, pipeline
from generator.digest import collect
from generator.digest.model import Period
from generator.digest.render import render

from .conftest import ROOT, TODAY

GOLDEN = Path(__file__).parent / "golden" / "digest"
PERIOD = Period(date(2026, 9, 1), date(2026, 10, 31))
SUFFIX = {"html": "html", "text": "txt", "md": "md", "json": "json"}


@pytest.fixture(scope="module")
def sample():
    site = pipeline.check(load_config(ROOT / "site_config.yml"), today=TODAY)
    return site, collect(site, PERIOD, "internal")


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_sample_digest_matches_golden_file(sample, fmt, update_goldens):
    site, digest = sample
    output = render(digest, site.config, fmt)
    golden = GOLDEN / f"internal-2026-09-01_2026-10-31.{SUFFIX[fmt]}"
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8", newline="\n")
    assert output == golden.read_text(encoding="utf-8"), \
        f"{golden.name} differs: run pytest --update-goldens if the change is intended"


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_same_content_and_period_give_identical_output(sample, fmt):
    site, _ = sample
    again = pipeline.check(load_config(ROOT / "site_config.yml"), today=TODAY)
    assert render(collect(again, PERIOD, "internal"), again.config, fmt) == \
        render(collect(site, PERIOD, "internal"), site.config, fmt)


def test_html_is_email_ready(sample):
    site, digest = sample
    html = render(digest, site.config, "html")
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert '<meta name="color-scheme" content="light dark">' in html
    assert "@media (prefers-color-scheme: dark)" in html   # kept for clients that support it
    assert re.search(r'<table[^>]*role="presentation"', html)
    # styles are inlined: every cell states its own text and background colors
    cells = re.findall(r"<td[^>]*>", html)
    assert cells and all("background-color" in td and "color:" in td for td in cells)
    assert "max-width: 600px" in html
    for section in digest.sections:
        for item in section.items:
            assert f'href="{item.url}"' in html


def test_text_alternative_lists_the_same_items_within_72_columns(sample):
    site, digest = sample
    text = render(digest, site.config, "text")
    assert all(len(line) <= 72 for line in text.splitlines() if "://" not in line)
    for section in digest.sections:
        assert f"{section.title.upper()} ({section.count})" in text
        for item in section.items:
            assert item.url in text


def test_empty_period_renders_a_short_nothing_changed_digest(sample):
    site, _ = sample
    empty = collect(site, Period(date(2020, 1, 1), date(2020, 1, 31)), "internal")
    for fmt in ("html", "text", "md"):
        assert "Nothing changed in this period" in render(empty, site.config, fmt)
    assert '"sections": []' in render(empty, site.config, "json")
