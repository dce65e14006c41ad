"""`kc serve` in Chromium: saving a file changes the open page by itself; a content error
shows an overlay naming file, line, code, message and hint; fixing it clears the overlay."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from ..preview_support import policy, running_preview, write_site


def test_saving_a_file_updates_the_open_page_and_errors_show_in_an_overlay(browser, tmp_path):
    page = tmp_path / "content/policies/scams.md"
    config = write_site(tmp_path, {"content/policies/scams.md": policy("scams", "Scams", "First text.")})
    with running_preview(config) as preview:
        url = preview.url + "policies/scams/"
        browser.open(url)
        assert "First text." in browser.driver.find_element(By.TAG_NAME, "main").text

        page.write_text(policy("scams", "Romance Scams", "Second text."), encoding="utf-8")
        browser.wait(lambda d: "Second text." in d.find_element(By.TAG_NAME, "main").text,
                     "the saved text to appear without navigating")
        assert browser.url == url
        assert browser.driver.find_element(By.TAG_NAME, "h1").text == "Romance Scams"

        page.write_text(policy("scams", "Romance Scams", "See [[scam]]."), encoding="utf-8")
        browser.wait(lambda d: d.find_elements(By.ID, "kc-preview-errors"), "the error overlay")
        overlay = browser.driver.find_element(By.ID, "kc-preview-errors").text
        assert "content/policies/scams.md:11:" in overlay and "XREF001" in overlay
        assert "unknown reference 'scam'" in overlay and "did you mean 'scams'?" in overlay
        browser.screenshot("preview-error-overlay")

        page.write_text(policy("scams", "Romance Scams", "Third text."), encoding="utf-8")
        browser.wait(lambda d: "Third text." in d.find_element(By.TAG_NAME, "main").text,
                     "the fixed page")
        assert not browser.driver.find_elements(By.ID, "kc-preview-errors")
