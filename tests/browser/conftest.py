"""Real-browser fixtures: the sample site built once per session, served over HTTP on
127.0.0.1 (at the root and under /kc/), driven by the system Chromium (headless).

Every test gets a `browser` (see Browser below). When the test ends, it fails the
test if the pages it visited logged a console error or requested anything from a
host other than the test server. Screenshots go to tests/screenshots/ (gitignored).
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from generator import load_config, pipeline
from generator.build import build
from generator.serve import SiteHandler

from ..conftest import ROOT, TODAY

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = ROOT / "tests" / "screenshots"
DESKTOP = (1280, 900)
PHONE = (375, 812)
WAIT = 10  # seconds: the longest a user-visible reaction may take

CHROME_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
    "--disable-extensions", "--no-default-browser-check", "--hide-scrollbars",
    "--lang=en-US",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- builds


class Built:
    """One build of the sample content: its output folder and the documents in it."""

    def __init__(self, out: Path, audience: str, base_path: str, site):
        self.out, self.audience, self.base_path, self.site = out, audience, base_path, site

    def doc(self, doc_id: str):
        return self.site.by_id[doc_id]


@pytest.fixture(scope="session")
def sample_site():
    """The checked sample corpus (every document, whatever its audience)."""
    return pipeline.check(load_config(ROOT / "site_config.yml"), today=TODAY)


@pytest.fixture(scope="session")
def builds(tmp_path_factory, sample_site):
    """builds(audience, base_path) -> Built; each combination is built once per session."""
    cache: dict[tuple[str, str], Built] = {}
    settings = yaml.safe_load((ROOT / "site_config.yml").read_text(encoding="utf-8"))

    def get(audience: str = "internal", base_path: str = "/") -> Built:
        key = (audience, base_path)
        if key not in cache:
            root = tmp_path_factory.mktemp(f"site-{audience}-{base_path.strip('/') or 'root'}")
            config = dict(settings, base_url=f"https://kc.example.com{base_path}",
                          content_dir=str(ROOT / settings.get("content_dir", "content")),
                          themes_dir=str(ROOT / "themes"), output_dir=str(root / "out"))
            (root / "site_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
            build(load_config(root / "site_config.yml"), out_dir=root / "out",
                  audience=audience, today=TODAY)
            cache[key] = Built(root / "out", audience, base_path, sample_site)
        return cache[key]
    return get


# --------------------------------------------------------------------------- servers


class QuietHandler(SiteHandler):
    """generator.serve's handler (base path mount, 404.html with status 404), silent."""

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def servers():
    """servers(built) -> the site's root URL, e.g. http://127.0.0.1:41234/kc/ (one server per build)."""
    running: dict[Path, tuple[ThreadingHTTPServer, str]] = {}

    def get(built: Built) -> str:
        if built.out not in running:
            handler = partial(QuietHandler, directory=str(built.out), base_path=built.base_path)
            server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            running[built.out] = (server, f"http://127.0.0.1:{server.server_address[1]}{built.base_path}")
        return running[built.out][1]
    yield get
    for server, _ in running.values():
        server.shutdown()
        server.server_close()


MOUNTS = {"root": "/", "subpath": "/kc/"}


@pytest.fixture(params=list(MOUNTS))
def mount(request):
    return request.param


@pytest.fixture
def site_url(builds, servers, mount) -> str:
    """Root URL of the internal build, served at / or under /kc/ (the `mount` parameter)."""
    return servers(builds("internal", MOUNTS[mount]))


@pytest.fixture
def root_url(builds, servers) -> str:
    """Root URL of the internal build served at /."""
    return servers(builds("internal", "/"))


@pytest.fixture
def public_url(builds, servers) -> str:
    return servers(builds("public", "/"))


# --------------------------------------------------------------------------- browser


def _require_chromium():
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing:
        pytest.fail(f"the browser tests need Debian's Chromium and its driver ({', '.join(missing)} "
                    f"not found): run `apt-get install chromium chromium-driver` (CI's .ci/run does)",
                    pytrace=False)


@pytest.fixture(scope="session")
def driver():
    _require_chromium()
    os.environ["SE_OFFLINE"] = "true"   # selenium-manager must never download a browser
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kc-chromium-")
    options = webdriver.ChromeOptions()
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    drv.set_script_timeout(30)
    drv.get("about:blank")
    drv.get_log("browser")
    drv.get_log("performance")   # drop the new-tab page's chrome:// requests
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(params=["desktop", "phone"])
def viewport(request):
    return request.param


@pytest.fixture
def browser(driver, request):
    """The session's Chromium, reset for this test; checks console and hosts afterwards."""
    b = Browser(driver, request.node.name)
    b.reset()
    yield b
    b.check_logs()
    b.reset()


class Browser:
    def __init__(self, driver, test_name: str):
        self.driver = driver
        self.test_name = test_name
        self.expected_errors: list[str] = []   # substrings of console errors the test expects
        self.requests: list[str] = []
        self.responses: dict[str, int] = {}     # URL -> HTTP status of documents and resources
        self.console: list[dict] = []
        self.visited: list[str] = []

    # -- state
    def reset(self):
        d = self.driver
        self.desktop()
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
        if d.current_url.startswith("http"):
            d.execute_script("try { localStorage.clear(); } catch (e) {}")
        d.get("about:blank")
        d.get_log("browser")
        d.get_log("performance")

    def phone(self):
        """A 375x812 phone: mobile emulation (viewport meta honoured, touch-sized)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 2, "mobile": True})
        self.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})

    def desktop(self):
        """A 1280x900 viewport (the window size alone leaves less, for the window's frame)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": DESKTOP[0], "height": DESKTOP[1], "deviceScaleFactor": 1, "mobile": False})
        self.driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})

    def use(self, viewport: str):
        self.phone() if viewport == "phone" else self.desktop()

    def media(self, media: str = "", **features: str):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": media,
            "features": [{"name": k.replace("_", "-"), "value": v} for k, v in features.items()]})

    # -- navigation
    def open(self, url: str):
        self.driver.get(url)
        self.visited.append(url)
        self.wait_ready()

    def wait_ready(self):
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete",
                  "the page to load")

    def wait(self, condition, what: str, timeout: float = WAIT):
        from selenium.common.exceptions import (NoSuchElementException,
                                                StaleElementReferenceException, TimeoutException)
        from selenium.webdriver.support.ui import WebDriverWait
        # A page that reloads itself (live preview) swaps its elements mid-poll: an element
        # found a moment ago may be gone. That is "not yet", not a failure; poll again.
        ignored = (StaleElementReferenceException, NoSuchElementException)
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05,
                                 ignored_exceptions=ignored).until(condition)
        except TimeoutException:
            self.screenshot(f"FAILED-{self.test_name}")
            pytest.fail(f"waited {timeout}s for {what} on {self.driver.current_url}", pytrace=False)

    @property
    def url(self) -> str:
        return self.driver.current_url

    @property
    def path(self) -> str:
        return urlsplit(self.driver.current_url).path

    def find(self, css: str):
        return self.driver.find_element("css selector", css)

    def find_all(self, css: str):
        return self.driver.find_elements("css selector", css)

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def click(self, element):
        """Scroll into view and click like a user (a real mouse click, not element.click())."""
        from selenium.webdriver.common.action_chains import ActionChains
        self.js("arguments[0].scrollIntoView({block: 'center'})", element)
        ActionChains(self.driver).move_to_element(element).click().perform()

    def in_view(self, element) -> bool:
        """The element is on screen and not covered (e.g. by the sticky header)."""
        return self.js("""
            const el = arguments[0], r = el.getBoundingClientRect();
            if (r.height === 0 || r.bottom < 0 || r.top > innerHeight) return false;
            const x = Math.min(r.left + 8, innerWidth - 1), y = r.top + Math.min(r.height / 2, 10);
            const hit = document.elementFromPoint(x, y);
            return hit !== null && (hit === el || el.contains(hit));""", element)

    def screenshot(self, name: str):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))

    # -- logs
    def drain(self):
        for entry in self.driver.get_log("browser"):
            self.console.append(entry)
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif message["method"] == "Network.responseReceived":
                self.responses[params["response"]["url"]] = params["response"]["status"]

    def status(self, url: str) -> int | None:
        self.drain()
        return self.responses.get(url)

    def check_logs(self):
        self.drain()
        foreign = sorted({u for u in self.requests
                          if not u.startswith(("data:", "blob:", "about:"))
                          and urlsplit(u).hostname != "127.0.0.1"})
        errors = [e["message"] for e in self.console if e["level"] == "SEVERE"
                  and not any(x in e["message"] for x in self.expected_errors)]
        problems = []
        if foreign:
            problems.append("requests to hosts other than the test server:\n  " + "\n  ".join(foreign))
        if errors:
            problems.append("JavaScript console errors:\n  " + "\n  ".join(errors))
        if problems:
            pytest.fail(f"{self.test_name} (pages: {', '.join(self.visited)}):\n" + "\n".join(problems),
                        pytrace=False)


# --------------------------------------------------------------------------- search


def search(browser: Browser, query: str, clear: bool = True):
    """Type a query into the header search box, as a user would (no Enter)."""
    box = browser.wait(lambda d: d.find_element("css selector", "#search input.pagefind-ui__search-input"),
                       "the search box")
    if clear:
        box.clear()
    box.click()
    box.send_keys(query)
    return box


def results(browser: Browser, at_least: int = 1) -> list:
    """Wait until the search results panel shows at least `at_least` results; return them."""
    def ready(d):
        items = d.find_elements("css selector", "#search .pagefind-ui__result")
        loading = d.find_elements("css selector", "#search .pagefind-ui__result .pagefind-ui__loading")
        return items if len(items) >= at_least and not loading else False
    return browser.wait(ready, f"{at_least}+ search results")


def result_paths(browser: Browser, base: str) -> list[str]:
    """Site-relative paths of the (top-level) result links shown, in order."""
    hrefs = browser.js("""return Array.from(document.querySelectorAll(
        '#search .pagefind-ui__result-inner > .pagefind-ui__result-title a'), a => a.href)""")
    base_path = urlsplit(base).path
    out = []
    for href in hrefs:
        path = urlsplit(urljoin(browser.url, href)).path
        out.append(path[len(base_path):] if path.startswith(base_path) else path)
    return out


def message(browser: Browser) -> str:
    # read in one step: Pagefind re-renders the results while a search runs
    return browser.js("""const m = document.querySelector('#search .pagefind-ui__message');
                         return m ? m.textContent.trim() : '';""")


def settle(browser: Browser, seconds: float = 0.4):
    """Let a debounced search (150 ms) settle so the count shown is the final one."""
    last, stable_since = None, time.monotonic()
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        now = (message(browser), browser.js("return document.querySelectorAll('#search .pagefind-ui__result').length"))
        if now != last:
            last, stable_since = now, time.monotonic()
        elif time.monotonic() - stable_since >= seconds and now[0]:
            return now
        time.sleep(0.05)
    pytest.fail("search results did not settle", pytrace=False)


# --------------------------------------------------------------------------- axe-core

AXE_REPORT: dict[str, list[tuple[str, str, int]]] = {}   # page label -> [(rule id, impact, nodes)]


def axe_source() -> str:
    import axe_core_python
    return (Path(axe_core_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def run_axe(browser: Browser, label: str) -> list[dict]:
    """axe-core's violations for the current page state; recorded for the summary table."""
    if not browser.js("return typeof window.axe === 'object'"):
        browser.js(axe_source())
    violations = browser.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
           .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))))
           .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""")
    AXE_REPORT[label] = [(v["id"], v["impact"] or "?", len(v["nodes"])) for v in violations]
    return violations


def pytest_terminal_summary(terminalreporter):
    if not AXE_REPORT:
        return
    lines = []
    for page, rows in sorted(AXE_REPORT.items()):
        if not rows:
            lines.append(f"{page:32} (no violations)")
        for rule, impact, nodes in rows:
            lines.append(f"{page:32} {rule:28} {impact:9} {nodes} node(s)")
    terminalreporter.write_sep("-", "axe-core violations by page (serious/critical fail the tests)")
    for line in lines:
        terminalreporter.write_line(line)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "axe-report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
