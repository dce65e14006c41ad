"""axe-core on the pages a moderator uses, light and dark, desktop and phone:
no serious or critical violations. The rest are listed in the run's summary
(and tests/screenshots/axe-report.txt)."""
from __future__ import annotations

import pytest

from .conftest import results, run_axe, search, settle

PAGES = {
    "home": "",
    "policy": "policies/harassment-bullying/",
    "policy-retired": "policies/harassment-bullying-v1/",
    "playbook": "playbooks/account-takeover/",
    "training": "training/moderation-foundations/",
    "newsletter": "newsletters/digest-2026-11/",
    "faq": "faqs/how-to-appeal/",
    "catalog": "policies/",
    "tags": "tags/",
    "tag": "tags/harassment/",
    "team": "teams/policy/",
    "health": "health/",
    "health-team": "health/teams/policy/",
}


def serious(violations):
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def describe(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
                     for v in violations)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("label", list(PAGES))
def test_page_has_no_serious_violations(browser, root_url, label, theme):
    browser.media("", prefers_color_scheme=theme)
    browser.open(root_url + PAGES[label])
    browser.screenshot(f"{label}-{theme}")
    found = serious(run_axe(browser, f"{label} ({theme})"))
    assert not found, describe(found)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_search_results_have_no_serious_violations(browser, root_url, theme):
    browser.media("", prefers_color_scheme=theme)
    browser.open(root_url)
    search(browser, "harasment")       # results, sub-results, filters and the spelling note
    results(browser)
    settle(browser)
    browser.click(browser.find("#search details.pagefind-ui__filter-block summary"))
    browser.screenshot(f"search-results-filters-{theme}")
    found = serious(run_axe(browser, f"search results ({theme})"))
    assert not found, describe(found)


def test_quiz_after_checking_has_no_serious_violations(browser, root_url):
    browser.open(root_url + "training/moderation-foundations/")
    browser.click(browser.find("form.quiz button[type=submit]"))
    browser.wait(lambda d: browser.find("p.quiz-score").text, "the score")
    found = serious(run_axe(browser, "training quiz checked"))
    assert not found, describe(found)


def test_phone_pages_have_no_serious_violations(browser, root_url):
    browser.phone()
    problems = {}
    for label in ("home", "policy"):
        browser.open(root_url + PAGES[label])
        browser.click(browser.find(".nav-toggle"))
        found = serious(run_axe(browser, f"{label} (phone, menu open)"))
        if found:
            problems[label] = describe(found)
    assert not problems, problems


def test_404_page_has_no_serious_violations(browser, root_url):
    missing = root_url + "no/such/page/"
    browser.expected_errors.append(missing)
    browser.open(missing)
    found = serious(run_axe(browser, "404"))
    assert not found, describe(found)
