"""The Health page in a browser: reachable from the team pages, charts drawn in the
theme's colours in light and dark mode, the table fallback has the chart's numbers,
and the public build has no Health page."""
from __future__ import annotations

import pytest

from generator.health import analyze


def colour(browser, css: str, prop: str) -> str:
    return browser.js("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])",
                      browser.find(css), prop)


def test_team_page_links_to_the_team_health_view(browser, root_url):
    browser.open(root_url + "teams/policy/")
    browser.click(browser.find("a[href$='health/teams/policy/']"))
    browser.wait(lambda d: browser.path.endswith("/health/teams/policy/"), "the team's health page")
    assert browser.find("h1").text == "Health: Trust & Safety Policy"
    owners = {row.text for row in browser.find_all(".health-matrix tbody td:nth-of-type(1)")}
    assert owners == {"Trust & Safety Policy"}


def test_health_page_is_linked_from_the_teams_page(browser, root_url):
    browser.open(root_url + "teams/")
    browser.click(browser.find("a[href$='health/']"))
    browser.wait(lambda d: browser.path == "/health/", "the Health page")
    assert browser.find("h1").text == "Knowledge-center health"


@pytest.mark.parametrize("theme, bar, label", [("light", "rgb(11, 92, 173)", "rgb(27, 31, 36)"),
                                                ("dark", "rgb(108, 182, 255)", "rgb(230, 237, 243)")])
def test_chart_colours_follow_the_theme(browser, root_url, theme, bar, label):
    browser.media("", prefers_color_scheme=theme)
    browser.open(root_url + "health/")
    browser.screenshot(f"health-charts-{theme}")
    assert colour(browser, "#health-by-owner .kc-chart-bar", "fill") == bar
    assert colour(browser, "#health-by-owner .kc-chart-label", "fill") == label


def test_table_fallback_has_the_charts_numbers(browser, root_url, sample_site):
    browser.open(root_url + "health/")
    summary = browser.find(".health-chart summary")
    browser.click(summary)
    rows = [r.text for r in browser.find_all(".health-chart details[open] tbody tr")]
    bars = browser.find_all("#health-by-owner rect.kc-chart-bar")
    assert len(rows) == len(bars) > 0
    assert browser.find("#health-by-owner").get_attribute("role") == "img"
    total = sum(int(r.rsplit(" ", 1)[1]) for r in rows)
    assert f"{total} finding" in browser.find("main .lead").text


def test_internal_health_page_shows_no_restricted_document(browser, root_url, sample_site):
    restricted = [d for d in sample_site.documents if d.valid and d.audience == "restricted"]
    involved = {i for f in analyze(sample_site).findings for i in f.ids}
    assert restricted and involved
    browser.open(root_url + "health/")
    text = browser.find("main").text
    for doc in restricted:
        assert f"'{doc.id}'" not in text and doc.title not in text


def test_public_build_has_no_health_page(browser, public_url):
    browser.expected_errors.append(public_url + "health/")
    browser.open(public_url + "health/")
    assert browser.status(public_url + "health/") == 404
    browser.open(public_url + "teams/")
    assert browser.find_all("a[href$='health/']") == []
