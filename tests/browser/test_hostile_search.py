"""Stored XSS through search: tags, regions, titles and text that look like markup stay text
in the search UI (filters, titles, excerpts) — checked in Chromium, not only in the HTML."""
from __future__ import annotations

from generator import load_config
from generator.build import build

from ..conftest import TODAY
from ..corpus_helpers import TEAMS, doc
from .conftest import Built, results, search, settle

PAYLOAD = "<img src=x onerror=window.__xss=1>"


def test_markup_in_tags_regions_titles_and_text_never_runs(tmp_path, servers, browser):
    (tmp_path / "site_config.yml").write_text("title: Hostile KC\n", encoding="utf-8")
    files = {
        "content/teams.yml": TEAMS,
        "content/faqs/xss.md": doc(
            f'id: xss\ntitle: "Zebra {PAYLOAD}"\naudience: public\n'
            f'tags: ["{PAYLOAD}", "<b>bold</b>"]\nregions: ["{PAYLOAD}"]\nsummary: "{PAYLOAD}"',
            f"Zebra crossing rules. `{PAYLOAD}` and &lt;img src=x onerror=window.__xss=1&gt; zebra.\n"),
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    config = load_config(tmp_path / "site_config.yml")
    build(config, out_dir=tmp_path / "out", audience="public", today=TODAY)
    url = servers(Built(tmp_path / "out", "public", "/", None))

    browser.open(url)
    search(browser, "zebra")
    results(browser)
    settle(browser, 1.0)
    for toggle in browser.driver.find_elements("css selector", "#search .pagefind-ui__filter-name"):
        browser.driver.execute_script("arguments[0].click()", toggle)   # open every filter group
    settle(browser, 0.5)
    injected = browser.driver.execute_script(
        "return [window.__xss === 1, document.querySelectorAll('#search img[src=x], #search b').length,"
        " document.querySelector('#search').innerText]")
    assert injected[0] is False, "a script from the content ran"
    assert injected[1] == 0, "content became markup in the search UI"
    assert "img src=x" in injected[2]        # the values are still shown, as text
