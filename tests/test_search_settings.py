"""`kc search` starts fast: site_config.yml is validated as every command validates it,
then its search settings are reused from a cache while the file is unchanged, so the
configuration models (pydantic) are not loaded for a search. Any change is seen."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from click.testing import CliRunner

from generator.cli import main
from search import stage
from search.settings import CACHE, search_config

from .conftest import ROOT
from .corpus_helpers import base_corpus


def build_index(make_site):
    from generator import load_config, pipeline
    from generator.audience import published
    from search.entries import indexed_documents
    config = make_site(base_corpus(), "title: Test KC\nbase_url: https://kc.test/docs\n")
    site = pipeline.check(config)
    stage.write_index(site, indexed_documents(published(site, "internal"), False), config.output_path)
    return config.root / "site_config.yml", load_config(config.root / "site_config.yml")


def kc_search(config_path, *args):
    return CliRunner().invoke(main, ["search", *args, "--json", "--config", str(config_path)])


def test_cached_settings_equal_the_validated_ones(make_site):
    path, config = build_index(make_site)
    for _ in range(2):                                    # validated, then from the cache
        found = search_config(path)
        assert (found.base_url, found.output_dir, found.root, found.output_path) == \
            (config.base_url, config.output_dir, config.root, config.output_path)
        assert (found.search.engine, found.search.synonyms) == (config.search.engine, config.search.synonyms)
    assert (path.parent / CACHE).is_file()


def test_a_search_after_the_first_does_not_load_the_configuration_models(make_site):
    path, _config = build_index(make_site)
    script = ("import sys; from generator.cli import main\n"
              "try:\n    main(['search', 'spam', '--json', '--config', sys.argv[1]])\n"
              "except SystemExit:\n    pass\n"
              "print('PYDANTIC' if 'pydantic' in sys.modules else 'NO-PYDANTIC')")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                           env=env, check=True).stdout for _ in range(2)]
    assert '"spam"' in runs[0] and runs[0].strip().endswith("PYDANTIC")        # first: validated
    assert '"spam"' in runs[1] and runs[1].strip().endswith("NO-PYDANTIC")     # then: cached
    assert json.loads(runs[1][:runs[1].rindex("}") + 1]) == json.loads(runs[0][:runs[0].rindex("}") + 1])


def test_an_edited_config_is_validated_again(make_site):
    path, _config = build_index(make_site)
    assert kc_search(path, "spam").exit_code == 0
    time.sleep(0.01)
    path.write_text(path.read_text() .replace("https://kc.test/docs", "https://help.example.org/kc"))
    result = kc_search(path, "spam")
    assert result.exit_code == 0 and "https://help.example.org/kc/policies/spam/" in result.output
    path.write_text(path.read_text() + "search: {engine: lucene}\n")
    result = kc_search(path, "spam")
    assert result.exit_code == 2 and "site_config.yml" in result.output and "engine" in result.output


def test_a_damaged_cache_is_ignored(make_site):
    path, _config = build_index(make_site)
    assert kc_search(path, "spam").exit_code == 0
    (path.parent / CACHE).write_text("{not json")
    result = kc_search(path, "spam")
    assert result.exit_code == 0 and "https://kc.test/docs/policies/spam/" in result.output
