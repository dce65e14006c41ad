"""Files in content/ that are not what they seem: links out of the folder, devices, huge files."""
from __future__ import annotations

import os

from ..corpus_helpers import base_corpus, doc
from .support import kc


def cfg(config) -> str:
    return str(config.root / "site_config.yml")


def test_links_leaving_the_content_folder_are_not_followed(make_site, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text(doc("id: stolen\ntitle: Stolen\naudience: public", "CANARY-SECRET\n"))
    config = make_site(base_corpus())
    os.symlink(secret, config.root / "content/policies/stolen.md")
    os.symlink("/dev/zero", config.root / "content/policies/zero.md")
    result = kc("build", "--config", cfg(config), "--audience", "public")
    assert result.exit_code == 1
    assert "content/policies/stolen.md:1:1: error[LOAD005] this is a link to" in result.output
    assert "content/policies/zero.md:1:1: error[LOAD005]" in result.output
    assert not (config.root / "site").exists()
    (config.root / "content/policies/stolen.md").unlink()
    (config.root / "content/policies/zero.md").unlink()
    os.symlink(outside, config.root / "content/faqs")          # a linked folder is not entered
    result = kc("build", "--config", cfg(config), "--audience", "public")
    assert result.exit_code == 0, result.output
    assert not any(b"CANARY-SECRET" in p.read_bytes() for p in (config.root / "site").rglob("*")
                   if p.is_file())


def test_a_link_inside_the_content_folder_is_fine(make_site):
    config = make_site(base_corpus())
    os.symlink(config.root / "content/policies/spam.md", config.root / "content/policies/spam-alias.md")
    result = kc("check", "--config", cfg(config))
    assert "LOAD005" not in result.output


def test_a_fifo_is_refused_without_blocking(make_site):
    config = make_site(base_corpus())
    os.mkfifo(config.root / "content/policies/pipe.md")
    result = kc("check", "--config", cfg(config))
    assert "content/policies/pipe.md:1:1: error[LOAD005] this is not a regular file" in result.output


def test_documents_over_the_size_cap_are_refused(make_site):
    big = doc("id: big\ntitle: Big\naudience: public", "word " * 300_000)   # 1.5 MB
    config = make_site(base_corpus() | {"content/faqs/big.md": big}, config="title: T\nmax_file_mb: 1\n")
    result = kc("check", "--config", cfg(config))
    assert result.exit_code == 1
    assert "content/faqs/big.md:1:1: error[LOAD006] the file is 1.4 MB; documents may be at most 1 MB" \
        in result.output
