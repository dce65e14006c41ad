"""kc writes only inside its output folder, replaces only folders it built, and swaps atomically."""
from __future__ import annotations

import os
import signal
import time

import pytest

from generator import output
from generator.build import build
from generator.output import OutputError

from ..conftest import TODAY
from ..corpus_helpers import TEAMS, base_corpus, doc, policy
from .support import kc, tree


def cfg(config) -> str:
    return str(config.root / "site_config.yml")


def test_team_id_with_a_path_is_an_error_and_nothing_is_written_outside(make_site, tmp_path):
    outside = tmp_path / "escape"
    teams = TEAMS + f"../../escape/x:\n  name: Evil\n  contact: e@example.com\n"
    files = base_corpus() | {"content/teams.yml": teams,
                             "content/policies/spam.md": policy("spam", "owner: ../../escape/x\n")}
    config = make_site(files)
    result = kc("build", "--config", cfg(config))
    assert result.exit_code == 1
    assert "content/teams.yml:7:1: error[TEAM002] team id '../../escape/x' is not a valid id" in result.output
    assert not outside.exists()
    assert not (config.root / "site").exists()


def test_write_file_refuses_paths_outside_and_overlong_names(tmp_path):
    root = tmp_path / "staging"
    root.mkdir()
    for rel in ("../x.html", "a/../../x.html", "/etc/passwd", "a/" + "b" * 300 + "/index.html"):
        with pytest.raises(OutputError):
            output.write_file(root, rel, b"x")
    assert list(tmp_path.iterdir()) == [root] and list(root.iterdir()) == []
    os.symlink(tmp_path, root / "link")           # a link planted inside cannot lead out either
    with pytest.raises(OutputError, match="outside the output folder"):
        output.write_file(root, "link/x.html", b"x")


def test_a_300_character_tag_builds(make_site):
    tag = "t" * 150 + " " + "é" * 150
    files = base_corpus() | {"content/policies/spam.md": policy("spam", f"tags: ['{tag}']\n")}
    config = make_site(files)
    result = kc("build", "--config", cfg(config))
    assert result.exit_code == 0, result.output
    tag_pages = [p for p in (config.root / "site/tags").iterdir() if p.is_dir()]
    assert len(tag_pages) == 1 and len(tag_pages[0].name) <= 60
    assert tag in (tag_pages[0] / "index.html").read_text(encoding="utf-8")


def test_out_refuses_a_folder_kc_did_not_build(make_site, tmp_path):
    config = make_site(base_corpus())
    home = tmp_path / "home"
    home.mkdir()
    (home / "index.html").write_text("my homepage")
    (home / "thesis.tex").write_text("years of work")
    before = tree(home)
    result = kc("build", "--config", cfg(config), "--out", str(home))
    assert result.exit_code == 2
    assert "kc did not build it" in result.output
    assert tree(home) == before


def test_rebuilds_replace_kc_sites_and_clear_leftovers_of_interrupted_builds(make_site, tmp_path):
    config = make_site(base_corpus())
    out = tmp_path / "out"
    assert kc("build", "--config", cfg(config), "--out", str(out)).exit_code == 0
    assert "index.html" in (out / ".kc-site").read_text()
    for leftover in (".out.tmp-dead1", ".out.old-dead2"):       # from a killed earlier build
        (tmp_path / leftover).mkdir()
        (tmp_path / leftover / "index.html").write_text("stale")
    (tmp_path / ".unrelated").mkdir()
    assert kc("build", "--config", cfg(config), "--out", str(out)).exit_code == 0   # nothing changed
    wait_for_old_copies_to_go(tmp_path)                # deleted in the background, not waited for
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".kc", ".unrelated"]


def test_kc_build_replaces_the_site_and_its_old_copy_goes_away(make_site, tmp_path):
    config = make_site(base_corpus())
    out = tmp_path / "out"
    assert kc("build", "--config", cfg(config), "--out", str(out)).exit_code == 0
    (config.root / "content/policies/spam.md").write_text(policy("spam", "summary: Edited.\n"))
    assert kc("build", "--config", cfg(config), "--out", str(out)).exit_code == 0
    assert "Edited." in (out / "policies/spam/index.html").read_text(encoding="utf-8")   # in place at once
    wait_for_old_copies_to_go(tmp_path)        # the old copy goes away in the background
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".kc"]


def wait_for_old_copies_to_go(folder, seconds=5):
    for _ in range(int(seconds / 0.05)):
        if not [p for p in folder.iterdir() if p.name.startswith(".out.")]:
            return
        time.sleep(0.05)


def test_unwritable_parent_is_a_one_line_error(make_site, tmp_path):
    config = make_site(base_corpus())
    (tmp_path / "afile").write_text("not a folder")
    result = kc("build", "--config", cfg(config), "--out", str(tmp_path / "afile" / "site"))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "cannot" in result.output
    assert "Traceback" not in result.output


def test_ctrl_c_during_the_swap_leaves_the_new_site_whole_and_says_so(make_site, tmp_path, monkeypatch):
    config = make_site(base_corpus())
    out = tmp_path / "out"
    build(config, out_dir=out, today=TODAY)
    (config.root / "content/faqs").mkdir(parents=True)
    (config.root / "content/faqs/new.md").write_text(doc("id: new\ntitle: New?\naudience: public"))
    real_exchange = output.exchange

    def interrupted_exchange(a, b):
        os.kill(os.getpid(), signal.SIGINT)        # Ctrl-C arrives in the middle of the swap
        return real_exchange(a, b)
    monkeypatch.setattr(output, "exchange", interrupted_exchange)
    result = build(config, out_dir=out, today=TODAY)
    assert result.interrupted
    assert (out / "faqs/new/index.html").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []


def test_the_marker_lists_every_file_of_the_site_and_no_linked_folder(tmp_path):
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "index.html").write_text("home")
    (site / "a" / "b" / "page.html").write_text("page")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not the site's")
    (site / "a" / "linked").symlink_to(outside, target_is_directory=True)
    files = output.write_marker(site)
    assert list(files) == [".kc-site", "a/b/page.html", "index.html"]
    assert (site / ".kc-site").read_text().splitlines()[1:] == ["a/b/page.html", "index.html"]
    info = (site / "a" / "b" / "page.html").stat()
    assert files["a/b/page.html"] == [info.st_size, info.st_mtime_ns]
