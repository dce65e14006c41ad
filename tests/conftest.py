"""Shared fixtures: a site root on disk built from small dicts of files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator import load_config, pipeline

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)


@pytest.fixture
def make_site(tmp_path):
    """Write files (relative path -> text) plus a minimal site_config.yml; return its config."""
    def make(files: dict[str, str | bytes], config: str = "title: Test KC\n"):
        (tmp_path / "site_config.yml").write_text(config, encoding="utf-8")
        for rel, text in files.items():
            path = tmp_path / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return load_config(tmp_path / "site_config.yml")
    return make


@pytest.fixture
def check_files(make_site):
    """Check a small corpus and return its Site."""
    def run(files: dict[str, str | bytes]):
        return pipeline.check(make_site(files), today=TODAY)
    return run


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="Rewrite golden files (tests/golden/**) from the current output "
                          "instead of comparing against them.")


@pytest.fixture
def update_goldens(request) -> bool:
    """True under `pytest --update-goldens`: golden tests rewrite their expected files."""
    return request.config.getoption("--update-goldens")
