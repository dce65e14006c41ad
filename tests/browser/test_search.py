"""The header search box (Pagefind UI + search.js) as a user meets it: results while
typing, a result that lands on its section, filters that narrow, typo tolerance."""
from __future__ import annotations

import re

import pytest

from generator.urls import doc_url

from .conftest import MOUNTS, message, result_paths, results, search, settle


def count(browser) -> int:
    found = re.match(r"(\d+) results? for", message(browser))
    return int(found.group(1)) if found else 0


def test_results_appear_while_typing(browser, root_url):
    browser.open(root_url)
    box = search(browser, "dox")           # no Enter: results must come as you type
    results(browser)
    assert "dox" in message(browser)
    settle(browser)
    box.send_keys("xing")
    browser.wait(lambda d: "doxxing" in message(browser), "the results to follow the typed text")
    settle(browser)
    paths = result_paths(browser, root_url)
    assert "policies/harassment-bullying/" in paths[:3], paths
    browser.screenshot("search-results")


def test_result_click_lands_on_the_section(browser, site_url, viewport, mount):
    browser.use(viewport)
    browser.open(site_url + "faqs/how-to-appeal/")
    search(browser, "brigading")
    results(browser)
    settle(browser)
    link = browser.wait(lambda d: [a for a in d.find_elements(
        "css selector", "#search .pagefind-ui__result-nested a.pagefind-ui__result-link")
        if a.get_attribute("href").endswith("/policies/harassment-bullying/#brigading")],
        "a sub-result linking to the Brigading section")[0]
    if viewport == "phone":
        browser.screenshot(f"phone-search-results-{mount}")
    browser.click(link)
    browser.wait(lambda d: d.current_url.endswith("#brigading"), "the result link to be followed")
    browser.wait_ready()
    assert browser.path == MOUNTS[mount] + "policies/harassment-bullying/"
    heading = browser.find("#brigading")
    browser.wait(lambda d: browser.in_view(heading), "the Brigading heading to be on screen")


FILTERS = [
    # (query, Pagefind filter, value, does a document match it)
    ("harassment", "type", "FAQ", lambda doc: doc.type == "faq"),
    ("report", "tag", "harassment", lambda doc: "harassment" in doc.get("tags", [])),
    ("account", "region", "eu", lambda doc: "eu" in doc.get("regions", [])),
]


@pytest.mark.parametrize("query,name,value,matches", FILTERS, ids=[f[1] for f in FILTERS])
def test_filters_narrow_the_results(browser, root_url, builds, query, name, value, matches):
    by_path = {doc_url(d): d for d in builds("internal", "/").site.documents if d.valid}
    browser.open(root_url)
    search(browser, query)
    results(browser)
    settle(browser)
    before = count(browser)
    assert before > 1, message(browser)

    block = browser.wait(lambda d: [b for b in d.find_elements("css selector", "#search details.pagefind-ui__filter-block")
                                    if b.find_element("css selector", "summary").text.strip().lower() == name],
                         f"the {name} filter")[0]
    browser.click(block.find_element("css selector", "summary"))
    checkbox = block.find_element("css selector", f"input[type=checkbox][value='{value}']")
    browser.click(block.find_element("css selector", f"label[for='{checkbox.get_attribute('id')}']"))
    assert checkbox.is_selected()
    browser.wait(lambda d: count(browser) != before, f"the {name}={value} filter to change the results")
    settle(browser)
    after = count(browser)
    assert 0 < after < before, f"{name}={value}: {before} -> {after} results"
    shown = result_paths(browser, root_url)
    assert shown
    wrong = [p for p in shown if p not in by_path or not matches(by_path[p])]
    assert not wrong, f"results outside {name}={value}: {wrong}"
    if name == "type":
        browser.screenshot("search-filtered")


@pytest.mark.parametrize("typo", ["harasment", "harrassment", "bulying"])
def test_misspelling_still_finds_the_policy(browser, root_url, typo):
    browser.open(root_url)
    search(browser, typo)
    results(browser)
    settle(browser)
    paths = result_paths(browser, root_url)
    note = browser.find_all("#search .kc-search-note")
    suggestion = note[0].text if note and note[0].is_displayed() else ""
    assert "policies/harassment-bullying/" in paths or "harass" in suggestion.lower() \
        or "bully" in suggestion.lower(), (paths, suggestion)
    assert paths, f"no results for {typo!r}"
    if typo == "harasment":
        assert suggestion and "harassment" in suggestion.lower(), \
            "the box does not say it corrected the spelling"
        browser.screenshot("search-misspelling")


def test_escape_closes_the_results(browser, root_url):
    from selenium.webdriver.common.keys import Keys
    browser.open(root_url)
    box = search(browser, "impersonation")
    results(browser)
    box.send_keys(Keys.ESCAPE)
    browser.wait(lambda d: not [r for r in d.find_elements("css selector", "#search .pagefind-ui__result")
                                if r.is_displayed()], "Escape to close the results")
    assert browser.js("return document.activeElement") == browser.find("#search input")


def result_titles(browser, scope: str = "#search") -> list[str]:
    return browser.js(f"""return Array.from(document.querySelectorAll(
        '{scope} .pagefind-ui__result-inner > .pagefind-ui__result-title'), t => t.textContent.trim())""")


def test_results_say_what_they_are_and_mark_deprecated_documents(browser, root_url):
    browser.open(root_url)
    search(browser, "external links")
    results(browser)
    settle(browser)
    titles = result_titles(browser)
    # external-links is a deprecated policy in the sample content
    assert any(t.startswith("Policy \u00b7 Deprecated \u00b7 ") for t in titles), titles
    kinds = {t.split(" \u00b7 ")[0] for t in titles}
    assert kinds <= {"Policy", "Playbook", "Training", "FAQ", "Newsletter", "Team"}, titles


def test_teams_are_searchable(browser, root_url):
    browser.open(root_url)
    search(browser, "child safety")
    results(browser)
    settle(browser)
    assert "teams/child-safety/" in result_paths(browser, root_url)[:5], result_paths(browser, root_url)
    assert any(t.startswith("Team \u00b7 Child Safety") for t in result_titles(browser))


def test_enter_opens_a_results_page_that_can_be_shared(browser, root_url):
    browser.open(root_url + "faqs/how-to-appeal/")
    box = search(browser, "doxxing")
    box.send_keys("\n")
    browser.wait(lambda d: "/search/?q=doxxing" in d.current_url, "Enter to open the results page")
    browser.wait_ready()
    shared = browser.url
    browser.open(shared)                      # a bookmarked or shared link shows the same results
    browser.wait(lambda d: result_titles(browser, "#search-page"), "results on the results page")
    assert browser.js("return document.querySelector('#search-page #search input').value") == "doxxing"
    assert any("Harassment" in t for t in result_titles(browser, "#search-page")[:3])


def test_results_page_restores_filters_from_the_url(browser, root_url):
    browser.open(root_url + "search/?q=harassment&type=FAQ")
    def only_faqs(_driver):
        titles = result_titles(browser, "#search-page")
        return len(titles) >= 2 and all(t.startswith("FAQ \u00b7 ") for t in titles)
    browser.wait(only_faqs, "results filtered to FAQs (unfiltered, a policy comes first)")
    assert browser.js("return document.querySelector('#search-page #search input').value") == "harassment"


@pytest.mark.parametrize("keys", ["/", "ctrl-k"])
def test_slash_and_ctrl_k_focus_the_search_box(browser, root_url, keys):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    browser.open(root_url + "policies/harassment-bullying/")
    browser.wait(lambda d: d.find_elements("css selector", "#search input"), "the search box")
    browser.find("body").click()
    actions = ActionChains(browser.driver)
    if keys == "/":
        actions.send_keys("/")
    else:
        actions.key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL)
    actions.perform()
    browser.wait(lambda d: d.switch_to.active_element.get_attribute("class") and
                 "pagefind-ui__search-input" in d.switch_to.active_element.get_attribute("class"),
                 "the search box to have focus")
    assert browser.js("return document.activeElement.value") == ""   # the "/" was not typed


def shown(browser, css: str) -> bool:
    return browser.js("""const el = document.querySelector(arguments[0]);
        return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';""", css)


def test_on_a_phone_the_filters_fold_behind_a_button_so_results_come_first(browser, root_url):
    from .conftest import run_axe
    from .test_accessibility import describe, serious
    browser.phone()
    browser.open(root_url + "search/?q=harassment")
    browser.wait(lambda d: result_titles(browser, "#search-page"), "results on the results page")
    button = browser.wait(lambda d: d.find_element("css selector", "#search .kc-search-filters-toggle"),
                          "the Filters button")
    browser.wait(lambda d: button.is_displayed(), "the Filters button to show")
    assert button.get_attribute("aria-expanded") == "false"
    assert not shown(browser, "#search .pagefind-ui__filter-panel"), "filters shown before the button is pressed"
    # the first result starts within the first screen, right under the button
    first = browser.find("#search .pagefind-ui__result")
    assert browser.js("return arguments[0].getBoundingClientRect().top", first) < 812, "results pushed off screen"
    browser.screenshot("phone-search-filters-folded")
    found = serious(run_axe(browser, "search results (phone, filters folded)"))
    assert not found, describe(found)

    browser.click(button)
    browser.wait(lambda d: shown(browser, "#search .pagefind-ui__filter-panel"), "the filters to unfold")
    assert button.get_attribute("aria-expanded") == "true"
    panel = browser.find("#search .pagefind-ui__filter-panel")
    assert button.get_attribute("aria-controls") == panel.get_attribute("id")
    browser.screenshot("phone-search-filters-open")
    found = serious(run_axe(browser, "search results (phone, filters open)"))
    assert not found, describe(found)

    browser.click(button)
    browser.wait(lambda d: not shown(browser, "#search .pagefind-ui__filter-panel"), "the filters to fold again")
    assert button.get_attribute("aria-expanded") == "false"


def test_on_a_desktop_the_filters_show_without_a_button(browser, root_url):
    browser.open(root_url + "search/?q=harassment")
    browser.wait(lambda d: result_titles(browser, "#search-page"), "results on the results page")
    browser.wait(lambda d: shown(browser, "#search .pagefind-ui__filter-panel"), "the filters beside the results")
    assert not shown(browser, "#search .kc-search-filters-toggle")


def test_filters_chosen_on_the_results_page_go_into_a_link_that_restores_them(browser, root_url, builds):
    browser.open(root_url + "search/?q=harassment")
    browser.wait(lambda d: result_titles(browser, "#search-page"), "results on the results page")
    settle(browser)
    unfiltered = result_titles(browser, "#search-page")
    block = browser.wait(lambda d: [b for b in d.find_elements("css selector", "#search details.pagefind-ui__filter-block")
                                    if b.find_element("css selector", "summary").text.strip().lower() == "type"],
                         "the type filter")[0]
    browser.click(block.find_element("css selector", "summary"))
    checkbox = block.find_element("css selector", "input[type=checkbox][value='FAQ']")
    browser.click(block.find_element("css selector", f"label[for='{checkbox.get_attribute('id')}']"))
    browser.wait(lambda d: "type=FAQ" in d.current_url, "the chosen filter to be written to the URL")
    browser.wait(lambda d: result_titles(browser, "#search-page") != unfiltered, "the filter to apply")
    settle(browser)
    filtered = result_titles(browser, "#search-page")
    assert filtered and all(t.startswith("FAQ \u00b7 ") for t in filtered), filtered
    shared = browser.url
    assert "q=harassment" in shared

    browser.open("about:blank")
    browser.open(shared)                                   # the copied link, opened fresh
    browser.wait(lambda d: result_titles(browser, "#search-page") == filtered,
                 "the same filtered results from the copied link")
    assert browser.js("""return Array.from(document.querySelectorAll(
        '#search input.pagefind-ui__filter-checkbox:checked'), c => c.name + '=' + c.value)""") == ["type=FAQ"]

    # unticking the filter takes it out of the URL again
    block = [b for b in browser.find_all("#search details.pagefind-ui__filter-block")
             if b.find_element("css selector", "summary").text.strip().lower() == "type"][0]
    if not block.get_attribute("open"):
        browser.click(block.find_element("css selector", "summary"))
    checkbox = block.find_element("css selector", "input[type=checkbox][value='FAQ']")
    browser.click(block.find_element("css selector", f"label[for='{checkbox.get_attribute('id')}']"))
    browser.wait(lambda d: "type=" not in d.current_url, "the unticked filter to leave the URL")


def test_a_question_whose_words_no_page_has_together_still_finds_the_answer(browser, root_url):
    """Pagefind needs every word on one page; kc search does not. The box drops the most
    common word until some page has the rest, and says so."""
    browser.open(root_url)
    search(browser, "fake account pretending to be me")
    results(browser)
    settle(browser)
    assert "faqs/someone-is-impersonating-me/" in result_paths(browser, root_url)[:3], result_paths(browser, root_url)
    note = browser.find("#search .kc-search-note")
    assert note.is_displayed() and note.text.startswith("No page has all of \u201cfake account pretending to be me\u201d"), note.text
    assert browser.js("return document.querySelector('#search input').value") == "fake account pretending to be me"
