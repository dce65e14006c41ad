"""A moderator finds and reads a policy: home -> catalog -> policy -> [[ref]] -> section;
the section nav, breadcrumbs and table of contents; the 404 page; phone layout."""
from __future__ import annotations

import pytest

from .conftest import MOUNTS


def open_nav_if_collapsed(browser):
    """On a phone the section nav sits behind the Menu button: open it like a user."""
    nav = browser.find("nav.site-nav")
    if not nav.is_displayed():
        toggle = browser.find(".nav-toggle")
        assert toggle.is_displayed(), "the section nav is hidden and there is no visible Menu button"
        browser.click(toggle)
        browser.wait(lambda d: nav.is_displayed(), "the Menu button to open the section nav")
        assert toggle.get_attribute("aria-expanded") == "true"
    return nav


def test_home_to_policy_to_referenced_section(browser, site_url, viewport, mount):
    browser.use(viewport)
    browser.open(site_url)
    assert browser.find("h1").is_displayed()

    # Home -> the policy catalog, through the "Look up a policy" entry point.
    browser.click(browser.find("main a[href$='policies/']"))
    browser.wait_ready()
    assert browser.path == MOUNTS[mount] + "policies/"
    assert browser.find("h1").text == "Policies"
    row = browser.find("main table a[href$='policies/livestream-conduct/']")
    assert row.text == "Live Stream Conduct"

    # Catalog -> a policy page.
    browser.click(row)
    browser.wait_ready()
    assert browser.path == MOUNTS[mount] + "policies/livestream-conduct/"
    assert browser.find("main h1").text == "Live Stream Conduct"

    # Policy -> a [[harassment-bullying#brigading]] reference -> that section, on screen.
    ref = browser.find("main a.ref[href*='harassment-bullying/#brigading']")
    browser.click(ref)
    browser.wait(lambda d: d.current_url.endswith("#brigading"), "the reference to be followed")
    browser.wait_ready()
    assert browser.path == MOUNTS[mount] + "policies/harassment-bullying/"
    heading = browser.find("#brigading")
    assert heading.tag_name in ("h2", "h3", "h4")
    assert "Brigading" in heading.text
    browser.wait(lambda d: browser.in_view(heading),
                 "the #brigading heading to be on screen and not under the sticky header")
    if viewport == "phone":
        browser.screenshot(f"phone-policy-section-{mount}")


def test_nav_breadcrumbs_and_toc(browser, site_url, viewport, mount):
    browser.use(viewport)
    browser.open(site_url + "policies/harassment-bullying/")

    # Section nav: the current page and its section are marked.
    nav = open_nav_if_collapsed(browser)
    current = nav.find_elements("css selector", "a[aria-current='page']")
    assert [a.text for a in current] == ["Harassment & Bullying"]
    section = nav.find_element("css selector", "li.nav-section.is-current > a")
    assert section.text == "Policies"

    # Another page from the nav: the mark moves.
    target = nav.find_element("css selector", "a[href$='policies/hate-speech/']")
    browser.click(target)
    browser.wait(lambda d: d.current_url.endswith("/policies/hate-speech/"), "the nav link to open")
    browser.wait_ready()
    nav = open_nav_if_collapsed(browser)
    assert [a.text for a in nav.find_elements("css selector", "a[aria-current='page']")] == ["Hate Speech"]

    # Breadcrumbs: Home > Policies > Hate Speech; the last one is the current page.
    crumbs = browser.find("nav.breadcrumbs[aria-label='Breadcrumb']")
    assert crumbs.is_displayed()
    assert [li.text for li in crumbs.find_elements("css selector", "li")] == ["Home", "Policies", "Hate Speech"]
    assert crumbs.find_element("css selector", "[aria-current='page']").text == "Hate Speech"

    # Table of contents: every entry points at a heading on the page; a click scrolls to it.
    toc = browser.find("nav.toc[aria-label='On this page']")
    assert toc.is_displayed(), "the table of contents is not visible"
    if toc.find_element("css selector", "details").get_attribute("open") is None:   # collapsed on phones
        browser.click(toc.find_element("css selector", "summary"))
    entries = toc.find_elements("css selector", "a")
    assert len(entries) >= 3
    for entry in entries:
        anchor = entry.get_attribute("hash")[1:]
        assert browser.find_all(f"[id='{anchor}']"), f"TOC entry {entry.text!r} -> no #{anchor}"
    last = entries[-1]
    anchor = last.get_attribute("hash")[1:]
    browser.click(last)
    browser.wait(lambda d: d.current_url.endswith("#" + anchor), "the TOC link to be followed")
    browser.wait(lambda d: browser.in_view(browser.find(f"[id='{anchor}']")),
                 f"#{anchor} to be on screen after its TOC entry was clicked")

    # Back up the breadcrumb trail: the catalog, marked as current in the nav.
    browser.click(browser.find("nav.breadcrumbs a[href$='policies/']"))
    browser.wait(lambda d: d.current_url.endswith("/policies/"), "the breadcrumb to open the catalog")
    browser.wait_ready()
    nav = open_nav_if_collapsed(browser)
    assert [a.text for a in nav.find_elements("css selector", "a[aria-current='page']")] == ["Policies"]
    assert browser.path == MOUNTS[mount] + "policies/"


def test_skip_link_moves_focus_to_content(browser, root_url):
    browser.open(root_url + "policies/hate-speech/")
    skip = browser.find("a.skip-link")
    body = browser.find("body")
    from selenium.webdriver.common.keys import Keys
    body.send_keys(Keys.TAB)
    assert browser.js("return document.activeElement") == skip
    assert skip.is_displayed() and browser.in_view(skip), "the skip link is not visible when focused"
    skip.send_keys(Keys.ENTER)
    browser.wait(lambda d: d.execute_script("return document.activeElement.id") == "content",
                 "focus to move to the main content")


def test_missing_page_shows_the_404_page(browser, site_url, mount):
    missing = site_url + "policies/no-such-policy/"
    browser.expected_errors.append(missing)   # Chromium logs the document's 404 status
    browser.open(missing)
    assert browser.status(missing) == 404
    assert browser.find("h1").text == "Page not found"
    assert "Page not found" in browser.driver.title
    # The page is styled (its stylesheet loaded from the site's real path) ...
    assert browser.js("return getComputedStyle(document.querySelector('.site-header')).position") == "sticky"
    # ... and its links lead back into the site, even from a deep unknown URL.
    browser.click(browser.find("main a[href$='playbooks/']"))
    browser.wait(lambda d: d.current_url.endswith("/playbooks/"), "the 404 page's link")
    browser.wait_ready()
    assert browser.path == MOUNTS[mount] + "playbooks/"
    assert browser.find("h1").text == "Escalation playbooks"
    assert browser.status(browser.url) == 200


PHONE_PAGES = ["", "policies/", "policies/harassment-bullying/", "playbooks/account-takeover/",
               "training/moderation-foundations/", "faqs/how-to-appeal/", "newsletters/digest-2026-11/",
               "tags/", "teams/"]


def test_phone_layout_does_not_overflow(browser, root_url):
    browser.phone()
    overflowing = {}
    for page in PHONE_PAGES:
        browser.open(root_url + page)
        width = browser.js("return [document.documentElement.scrollWidth, innerWidth]")
        if width[0] > width[1]:
            overflowing[page or "home"] = width
    browser.open(root_url)
    browser.screenshot("phone-home")
    browser.open(root_url + "policies/")
    browser.screenshot("phone-catalog")
    assert not overflowing, f"pages wider than the phone screen ([scrollWidth, innerWidth]): {overflowing}"


def test_phone_menu_opens_and_closes_the_nav(browser, root_url):
    browser.phone()
    browser.open(root_url + "faqs/how-to-appeal/")
    nav = browser.find("nav.site-nav")
    toggle = browser.find(".nav-toggle")
    assert toggle.is_displayed() and not nav.is_displayed()
    browser.click(toggle)
    browser.wait(lambda d: nav.is_displayed(), "the Menu button to open the nav")
    browser.screenshot("phone-menu-open")
    link = nav.find_element("css selector", "a[href$='training/']")
    assert browser.in_view(link), "the opened menu's links are covered or off screen"
    browser.click(toggle)
    browser.wait(lambda d: not nav.is_displayed(), "the Menu button to close the nav")
    assert toggle.get_attribute("aria-expanded") == "false"
