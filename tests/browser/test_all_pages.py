"""Every page of the built site, opened under the /kc/ sub-path: it loads (200), has one
h1 and the landmarks, and (checked by the `browser` fixture) logs no console error
and requests nothing from any host but the test server."""
from __future__ import annotations


def test_every_page_loads_cleanly_under_a_sub_path(browser, builds, servers):
    built = builds("internal", "/kc/")
    base = servers(built)
    pages = sorted(p.relative_to(built.out).as_posix() for p in built.out.rglob("index.html"))
    assert len(pages) > 100
    problems = []
    for page in pages:
        url = base + page[: -len("index.html")]
        browser.open(url)
        if browser.status(url) != 200:
            problems.append(f"{url}: HTTP {browser.status(url)}")
        h1, landmarks, styled, searches = browser.js("""return [
            document.querySelectorAll('h1').length,
            ['header.site-header', 'nav.site-nav', 'main#content', 'a.skip-link', '#theme-toggle', '#search input']
              .filter(css => !document.querySelector(css)),
            getComputedStyle(document.querySelector('.site-header')).position === 'sticky',
            Array.from(document.querySelectorAll('[role=search], search'),
                       s => !!s.querySelector('input') && !!(s.getAttribute('aria-label') || '').trim())];""")
        if h1 != 1:
            problems.append(f"{url}: {h1} h1 elements")
        if landmarks:
            problems.append(f"{url}: missing {landmarks}")
        if searches != [True]:
            problems.append(f"{url}: want one named search landmark holding the search box, got {searches}")
        if not styled:
            problems.append(f"{url}: the stylesheet did not load")
    assert not problems, "\n".join(problems)
