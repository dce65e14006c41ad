"""`kc serve`: the live preview rebuilds on save, tells open pages to reload, shows
content errors instead of dying, and never puts its script into built files."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from .conftest import ROOT
from .preview_support import policy, running_preview, write_site

SCRIPT_TAG = '<script src="/__kc/preview.js"'


def test_pages_carry_the_preview_script_but_the_built_files_do_not(tmp_path):
    config = write_site(tmp_path, {"content/policies/scams.md": policy("scams", "Scams")})
    with running_preview(config) as preview:
        status, html = preview.get("/policies/scams/")
        assert status == 200 and "Scams" in html
        assert html.count(SCRIPT_TAG) == 1 and html.index(SCRIPT_TAG) < html.index("</body>")
        status, script = preview.get("/__kc/preview.js")
        assert status == 200 and "EventSource" in script
        status, css = preview.get("/" + next((tmp_path / ".kc/preview/assets").glob("kc.*.css"))
                                  .relative_to(tmp_path / ".kc/preview").as_posix())
        assert status == 200 and "__kc" not in css
    built = list((tmp_path / ".kc" / "preview").rglob("*.html"))
    assert built and not [p for p in built if "__kc" in p.read_text(encoding="utf-8")]


def test_saving_a_file_rebuilds_and_an_error_shows_then_clears(tmp_path):
    page = tmp_path / "content/policies/scams.md"
    config = write_site(tmp_path, {"content/policies/scams.md": policy("scams", "Scams")})
    with running_preview(config) as preview:
        first = preview.wait_for_state(lambda s: s["generation"] >= 1)
        page.write_text(policy("scams", "Scams", "Never ask for gift cards."), encoding="utf-8")
        rebuilt = preview.wait_for_state(lambda s: s["generation"] > first["generation"])
        assert rebuilt["problems"] == []
        assert "Never ask for gift cards." in preview.get("/policies/scams/")[1]

        page.write_text(policy("scams", "Scams", "See [[scam]]."), encoding="utf-8")
        broken = preview.wait_for_state(lambda s: s["problems"])
        assert broken["generation"] == rebuilt["generation"]   # the last good site stays up
        problem, = broken["problems"]
        assert problem["path"] == "content/policies/scams.md" and problem["code"] == "XREF001"
        assert problem["line"] == 11 and "scam" in problem["message"]
        assert problem["hint"] == "did you mean 'scams'?"
        assert "Never ask for gift cards." in preview.get("/policies/scams/")[1]

        page.write_text(policy("scams", "Scams", "Fixed."), encoding="utf-8")
        fixed = preview.wait_for_state(lambda s: not s["problems"] and s["generation"] > rebuilt["generation"])
        assert fixed["problems"] == []
        assert "Fixed." in preview.get("/policies/scams/")[1]


def test_a_broken_site_config_is_shown_and_survived(tmp_path):
    config = write_site(tmp_path, {"content/policies/scams.md": policy("scams", "Scams")})
    with running_preview(config) as preview:
        preview.wait_for_state(lambda s: s["generation"] >= 1)
        config.write_text("title: [unclosed\n", encoding="utf-8")
        broken = preview.wait_for_state(lambda s: s["problems"])
        assert "malformed YAML" in broken["problems"][0]["message"]
        config.write_text("title: Renamed KC\n", encoding="utf-8")
        preview.wait_for_state(lambda s: s["generation"] >= 2 and not s["problems"])
        assert "Renamed KC" in preview.get("/")[1]


def test_first_build_failing_still_serves_a_page_that_shows_the_errors(tmp_path):
    config = write_site(tmp_path, {"content/policies/scams.md": "---\nid: scams\n"})
    with running_preview(config) as preview:
        status, html = preview.get("/")
        assert status == 404 and SCRIPT_TAG in html
        state = preview.wait_for_state(lambda s: s["problems"])
        assert state["problems"][0]["path"] == "content/policies/scams.md"


def test_drafts_are_shown_with_a_banner_unless_no_drafts(tmp_path):
    config = write_site(tmp_path, {
        "content/policies/scams.md": policy("scams", "Scams"),
        "content/policies/fraud.md": policy("fraud", "Fraud", extra="status: draft\n"),
        "content/policies/open.md": policy("open", "Open", extra="audience: public\n")})
    with running_preview(config) as preview:
        status, html = preview.get("/policies/fraud/")
        assert status == 200 and "banner-draft" in html
    with running_preview(config, drafts=False, out_dir=str(tmp_path / "p2")) as preview:
        assert preview.get("/policies/fraud/")[0] == 404
    with running_preview(config, audience="public", out_dir=str(tmp_path / "p3")) as preview:
        assert preview.get("/policies/scams/")[0] == 404
        assert preview.get("/policies/open/")[0] == 200


def test_ctrl_c_stops_the_preview_cleanly(tmp_path):
    config = write_site(tmp_path, {"content/policies/scams.md": policy("scams", "Scams")})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # as from a terminal: Ctrl-C's default action, whatever this test process inherited
    # (a process started with SIGINT ignored passes that on, and Python then keeps it)
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--port", "0"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        lines = []
        while time.monotonic() < deadline:
            lines.append(process.stdout.readline())
            if "Previewing at" in lines[-1]:
                break
        assert "Previewing at http://127.0.0.1:" in lines[-1], lines
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Stopped." in out and "Traceback" not in err


def test_a_site_under_a_sub_path_is_previewed_there(tmp_path):
    config = write_site(tmp_path, {"content/policies/scams.md": policy("scams", "Scams")})
    config.write_text("title: Preview KC\nbase_url: https://kc.example.com/kc/\n", encoding="utf-8")
    with running_preview(config) as preview:
        status, html = preview.get("/kc/policies/scams/")
        assert status == 200 and SCRIPT_TAG in html
        assert preview.get("/__kc/preview.js")[0] == 200
        assert preview.get("/policies/scams/")[0] == 404
