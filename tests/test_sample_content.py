"""The shipped sample knowledge center must check clean: it is what new users learn from."""
from generator import load_config, pipeline

from .conftest import ROOT, TODAY


def test_sample_content_is_clean():
    site = pipeline.check(load_config(ROOT / "site_config.yml"), today=TODAY)
    problems = [str(d) for d in site.diagnostics]
    assert problems == []
    counts = {t: len(site.of_type(t)) for t in ("policy", "playbook", "training", "newsletter", "faq")}
    assert counts["policy"] >= 10 and counts["playbook"] >= 6 and counts["training"] >= 5
    assert counts["newsletter"] >= 4 and counts["faq"] >= 12
