"""Canary: a restricted document with a unique string. No public or internal digest
(any format, any period option, any segment) and no public or internal feed may
contain it; the restricted digest does, which proves the canary is reachable."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from generator import feeds, pipeline
from generator.digest import collect, newsletter_items
from generator.digest.model import Period
from generator.digest.render import FORMATS, render

from .conftest import TODAY
from .digest_corpus import CANARY, CONFIG, CORPUS

ALL_TIME = Period(date(2000, 1, 1), date(2030, 12, 31))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("canary")
    (root / "site_config.yml").write_text(CONFIG, encoding="utf-8")
    for rel, text in CORPUS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    from generator import load_config
    return pipeline.check(load_config(root / "site_config.yml"), today=TODAY)


def contains_canary(text: str) -> bool:
    return CANARY.lower() in text.lower()


@pytest.mark.parametrize("audience", ["public", "internal"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_digest_below_restricted_mentions_the_canary(site, audience, fmt):
    assert not contains_canary(render(collect(site, ALL_TIME, audience), site.config, fmt))


@pytest.mark.parametrize("fmt", FORMATS)
def test_restricted_digest_does_mention_it(site, fmt):
    assert contains_canary(render(collect(site, ALL_TIME, "restricted"), site.config, fmt))


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_no_feed_below_restricted_mentions_the_canary(site, audience, tmp_path):
    feeds.run(SimpleNamespace(site=site, config=site.config, out_dir=tmp_path,
                              audience=audience, drafts=False, pages=[]))
    for path in sorted(tmp_path.rglob("*.xml")):
        assert not contains_canary(path.read_text(encoding="utf-8")), path.name


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_newsletter_pages_do_not_list_it(site, audience):
    for news in site.of_type("newsletter"):
        if news.visible_to(audience):
            listed = newsletter_items(site, news, audience)
            assert not any(contains_canary(i.title + i.summary + i.id)
                           for s in listed for i in s.items)
