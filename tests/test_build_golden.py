"""Golden pages: one built page per content type (plus home and a catalog), compared exactly.

The fixture corpus is tests/sites/build. After an intended change to templates or
rendering, regenerate and review the diff:

    pytest tests/test_build_golden.py --update-goldens && git diff tests/golden/pages

Asset fingerprints are replaced by HASH so a stylesheet edit alone does not churn goldens.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .build_support import build_fixture, copy_fixture

GOLDEN_DIR = Path(__file__).parent / "golden" / "pages"
PAGES = {
    "policy.html": "policies/harassment/",
    "playbook.html": "playbooks/harassment-playbook/",
    "training.html": "training/harassment-course/",
    "newsletter.html": "newsletters/news-2026-06/",
    "faq.html": "faqs/report/",
    "home.html": "",
    "catalog-policies.html": "policies/",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("golden")
    out = tmp / "out"
    build_fixture(copy_fixture(tmp), out, audience="internal")
    return out


def normalized(html: str) -> str:
    return re.sub(r"(assets/[\w/-]+)\.[0-9a-f]{10}\.", r"\1.HASH.", html)


@pytest.mark.parametrize("golden,url", sorted(PAGES.items()))
def test_page_matches_golden(built, golden, url, update_goldens):
    actual = normalized((built / url / "index.html").read_text(encoding="utf-8"))
    expected_file = GOLDEN_DIR / golden
    if update_goldens:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"missing golden {expected_file}: run pytest --update-goldens"
    assert actual == expected_file.read_text(encoding="utf-8")
