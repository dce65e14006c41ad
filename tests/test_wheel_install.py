"""A wheel installed outside the checkout works: `kc init` then `kc build` in a new folder.

The wheel is built from a copy of the sources (so the checkout gets no build/ folder),
installed into a fresh virtual environment that borrows this Python's installed
dependencies (--system-site-packages, --no-deps: no network needed), and run from a
folder outside the checkout with no PYTHONPATH, so only the installed package can be
imported — the test checks that it is.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

SOURCES = ["pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "generator", "search", "themes"]


def run(args, cwd, env, check=True):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv's bin folder, clean environment) with kc installed from a freshly built wheel."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, src / name)
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(base / "dist"), str(src)], cwd=base, env=env)
    wheel, = (base / "dist").glob("kc-*.whl")
    venv = base / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], cwd=base, env=env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    # When the tests themselves run in a venv (the README's .venv), --system-site-packages
    # borrows the base Python's packages, not the venv's: add this interpreter's
    # site-packages as plain path entries (their .pth files, such as an editable install
    # of this checkout, are not processed from there).
    purelib = run([str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                  cwd=base, env=env).stdout.strip()
    borrowed = [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))]
    (Path(purelib) / "kc-test-borrowed.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    # --ignore-installed: a kc installed in the borrowed site-packages (e.g. an editable
    # install of a checkout) must not make pip skip the wheel.
    run([str(bin_dir / "python"), "-m", "pip", "install", "--no-deps", "--ignore-installed", "-q",
         str(wheel)], cwd=base, env=env)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return bin_dir, env, wheel


def test_wheel_carries_the_default_theme_and_the_starter_files(installed):
    names = set(zipfile.ZipFile(installed[2]).namelist())
    assert "generator/themes/default/base.html" in names
    assert "generator/themes/default/assets/kc.css" in names
    assert "generator/starter/site_config.yml" in names
    assert "generator/starter/gitignore" in names
    assert "generator/preview/preview.js" in names


def test_installed_wheel_inits_and_builds_a_site_outside_the_checkout(installed, tmp_path):
    bin_dir, env, _ = installed
    where = run([str(bin_dir / "python"), "-c", "import generator, search; "
                 "print(generator.__file__); print(search.__file__)"], cwd=tmp_path, env=env)
    for module_file in where.stdout.split():
        assert module_file.startswith(str(bin_dir.parent)), module_file   # the wheel, not the checkout
        assert not module_file.startswith(str(ROOT)), module_file

    kc = str(bin_dir / "kc")
    created = run([kc, "init", "mykc"], cwd=tmp_path, env=env)
    site = tmp_path / "mykc"
    assert "kc serve" in created.stdout
    for rel in ["site_config.yml", "content/teams.yml", ".gitignore", "content/policies/example-policy.md",
                "content/playbooks/example-playbook.md", "content/training/example-training.md",
                "content/newsletters/example-newsletter.md", "content/faqs/example-faq.md"]:
        assert (site / rel).is_file(), rel

    checked = run([kc, "check"], cwd=site, env=env)
    assert "5 documents checked, no problems" in checked.stdout, checked.stdout
    built = run([kc, "build"], cwd=site, env=env)
    assert "Built" in built.stdout
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "My Knowledge Center" in home
    assert list((site / "site" / "assets").glob("kc.*.css")), "the default theme's stylesheet"
    policy = site / "site" / "policies" / "example-policy" / "index.html"
    assert "Example Policy: Harassment" in policy.read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(installed, tmp_path):
    bin_dir, env, _ = installed
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("mine", encoding="utf-8")
    refused = run([str(bin_dir / "kc"), "init", "mine"], cwd=tmp_path, env=env, check=False)
    assert refused.returncode == 2
    assert "not empty" in refused.stderr
    assert (tmp_path / "mine" / "notes.md").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "mine" / "site_config.yml").exists()
