"""The "what changed" page in a real browser, light and dark: axe-core finds no serious
violations (colour contrast of the inserted and deleted words included), and the words
are marked apart from colour (underline, strike-through) for readers who cannot see it."""
from __future__ import annotations

import pytest

from generator import load_config
from generator.build import build

from ..test_history import repo  # noqa: F401 - the policy through three versions in git
from .conftest import Built, run_axe
from .test_accessibility import describe, serious


@pytest.fixture(scope="module")
def history_url(repo, tmp_path_factory, servers) -> str:  # noqa: F811
    out = tmp_path_factory.mktemp("history-site") / "out"
    build(load_config(repo / "site_config.yml"), out_dir=out)
    return servers(Built(out, "internal", "/", None))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_diff_page_has_no_serious_violations(browser, history_url, theme):
    browser.media("", prefers_color_scheme=theme)
    browser.open(history_url + "policies/appeals-policy/changes/1.0..2.0/")
    browser.screenshot(f"changes-{theme}")
    found = serious(run_axe(browser, f"changes ({theme})"))
    assert not found, describe(found)
    style = browser.js("""
        const look = s => { const c = getComputedStyle(document.querySelector(s));
                            return [c.textDecorationLine, c.color, c.backgroundColor]; };
        return {ins: look('.diff-text ins'), del: look('.diff-text del'), body: look('.diff-text')};""")
    assert style["ins"][0] == "underline" and style["del"][0] == "line-through"
    assert style["ins"][1:] != style["body"][1:] and style["del"][1:] != style["body"][1:]


def test_history_page_has_no_serious_violations(browser, history_url):
    browser.open(history_url + "policies/appeals-policy/history/")
    found = serious(run_axe(browser, "history"))
    assert not found, describe(found)
