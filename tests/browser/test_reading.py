"""Reading long documents: the table of contents stays out of the way on phones, follows
the reader on desktop, and every heading offers its link."""
from __future__ import annotations

LONG_PAGE = "policies/harassment-bullying/"


def test_on_a_phone_the_title_comes_first_and_the_contents_open_on_demand(browser, root_url):
    browser.phone()
    browser.open(root_url + LONG_PAGE)
    box = browser.find("nav.toc details.toc-box")
    assert box.get_attribute("open") is None, "the table of contents should start collapsed on a phone"
    title = browser.find("article h1")
    top = browser.js("return arguments[0].getBoundingClientRect().bottom <= innerHeight", title)
    assert top, "the title is not on the first screen"
    dates = browser.find("article .doc-dates")
    assert "Effective" in dates.text and browser.in_view(dates)
    links = box.find_elements("css selector", "ul a")
    assert links and not links[0].is_displayed()
    browser.click(box.find_element("css selector", "summary"))
    browser.wait(lambda d: links[0].is_displayed(), "the contents to open")


def test_on_desktop_the_contents_are_open_and_mark_the_section_being_read(browser, root_url):
    browser.desktop()
    browser.open(root_url + LONG_PAGE)
    box = browser.find("nav.toc details.toc-box")
    assert box.get_attribute("open") is not None
    entries = box.find_elements("css selector", "ul a")
    target = entries[-1].get_attribute("hash")[1:]
    browser.js("document.getElementById(arguments[0]).scrollIntoView()", target)
    browser.wait(lambda d: entries[-1].get_attribute("aria-current") == "location",
                 "the last section's entry to be marked as the one being read")


def test_every_body_heading_has_a_visible_link_to_itself(browser, root_url):
    browser.desktop()
    browser.open(root_url + LONG_PAGE)
    headings = browser.find_all(".doc-body h2[id], .doc-body h3[id]")
    assert len(headings) >= 3
    for heading in headings:
        link = heading.find_element("css selector", "a.heading-link")
        assert link.is_displayed() and link.get_attribute("hash") == "#" + heading.get_attribute("id")
    browser.click(headings[1].find_element("css selector", "a.heading-link"))
    browser.wait(lambda d: d.current_url.endswith("#" + headings[1].get_attribute("id")),
                 "the heading link to point the address at its section")


def test_a_wide_table_scrolls_in_its_own_box_without_widening_the_page(browser, root_url):
    browser.phone()
    browser.open(root_url + "faqs/agent-account-recovery-checks/")
    wrap = browser.find(".doc-body .table-wrap")
    assert wrap.get_attribute("tabindex") == "0", "a keyboard user must be able to scroll the table"
    # the longest word a real table holds (an URL, a code) cannot wrap: make one that wide
    browser.js("arguments[0].querySelector('td').textContent = 'x'.repeat(400)", wrap)
    assert browser.js("return arguments[0].scrollWidth > arguments[0].clientWidth", wrap), \
        "the table should scroll inside its box"
    assert browser.js("return document.documentElement.scrollWidth <= innerWidth"), \
        "a wide table must not make the whole page scroll sideways"
    paragraph = browser.find(".doc-body p")
    assert browser.js("return arguments[0].getBoundingClientRect().right <= innerWidth", paragraph)
