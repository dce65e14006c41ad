"""Which documents a digest lists, how it names each change, and for whom."""
from __future__ import annotations

from datetime import date

import pytest

from generator import pipeline
from generator.digest import collect, newsletter_items
from generator.digest.model import Period
from generator.digest.segment import parse_segment
from generator.errors import ConfigError

from .conftest import TODAY
from .digest_corpus import CONFIG, CORPUS

SEPTEMBER = Period(date(2026, 9, 1), date(2026, 9, 30))


@pytest.fixture
def site(make_site):
    site = pipeline.check(make_site(CORPUS, CONFIG), today=TODAY)
    assert [str(d) for d in site.diagnostics if d.severity.value == "error"] == []
    return site


def changes(digest) -> dict[str, list[tuple[str, str, str]]]:
    return {s.key: [(i.id, i.change, i.date.isoformat()) for i in s.items]
            for s in digest.sections}


def test_internal_digest_names_each_change_newest_first(site):
    assert changes(collect(site, SEPTEMBER, "internal")) == {
        "newsletters": [("news-sep", "published", "2026-09-30")],
        "policies": [("spam", "new version 1.1", "2026-09-30"),
                     ("new-rules", "replaces old-rules", "2026-09-01"),
                     ("old-rules", "retired", "2026-09-01")],
        "playbooks": [("takedown", "updated", "2026-09-10")],
        "training": [("basics", "updated", "2026-09-20")],
        "faqs": [("how-to", "updated", "2026-09-05")],
        "reviews": [("takedown", "review due", "2026-10-15")],
    }


def test_first_and_last_day_are_in_the_day_before_and_after_are_out(site):
    ids = {i.id for s in collect(site, SEPTEMBER, "internal").sections for i in s.items}
    assert {"new-rules", "old-rules", "spam", "news-sep"} <= ids
    assert not {"before", "after", "news-aug"} & ids
    one_day = collect(site, Period(date(2026, 8, 31), date(2026, 8, 31)), "internal")
    assert [i.id for s in one_day.sections for i in s.items if s.key != "reviews"] == ["before"]


def test_drafts_never_appear(site):
    for audience in ("public", "internal", "restricted"):
        ids = {i.id for s in collect(site, SEPTEMBER, audience).sections for i in s.items}
        assert "unfinished" not in ids


def test_public_digest_has_no_internal_items_and_no_reviews(site):
    digest = collect(site, SEPTEMBER, "public")
    assert "reviews" not in [s.key for s in digest.sections]
    assert "takedown" not in {i.id for s in digest.sections for i in s.items}


def test_restricted_digest_sees_restricted_changes(site):
    policies = changes(collect(site, SEPTEMBER, "restricted"))["policies"]
    assert ("secret", "new", "2026-09-15") in policies


def test_items_link_to_absolute_pages_and_carry_details(site):
    digest = collect(site, SEPTEMBER, "internal")
    items = {i.id: i for s in digest.sections if s.key != "reviews" for i in s.items}
    assert items["spam"].url == "https://kc.test/policies/spam/"
    assert items["spam"].path == "policies/spam/"
    assert [e["version"] for e in items["spam"].details["changelog"]] == ["1.1"]
    assert items["takedown"].details == {"severity": "sev2", "response_time": "15m"}
    assert items["basics"].details["duration_minutes"] == 30
    assert [link.id for link in items["news-sep"].details["highlights"]] == ["spam", "new-rules"]


def test_empty_period_gives_an_empty_digest_not_an_error(site):
    digest = collect(site, Period(date(2020, 1, 1), date(2020, 1, 31)), "public")
    assert digest.is_empty and digest.count == 0


def test_sections_follow_the_configured_order_and_unknown_ones_are_refused(site):
    digest = collect(site, SEPTEMBER, "internal", sections=["faqs", "policies"])
    assert [s.key for s in digest.sections] == ["faqs", "policies"]
    with pytest.raises(ConfigError, match="unknown section 'news'"):
        collect(site, SEPTEMBER, "internal", sections=["news"])


@pytest.mark.parametrize("text, expected", [
    ("tag:live-streaming", {"takedown"}),
    ("region:EU", {"takedown", "how-to"}),
    ("eu", {"takedown", "how-to"}),
])
def test_segment_keeps_documents_with_the_tag_or_region(site, text, expected):
    segment = parse_segment(text, site.documents)
    digest = collect(site, SEPTEMBER, "internal", segment)
    assert {i.id for s in digest.sections for i in s.items} == expected


@pytest.mark.parametrize("text, message", [
    ("team:policy", "write tag:NAME"), ("region:mars", "no document has the region 'mars'"),
    ("live-streming", "did you mean 'live-streaming'"), ("tag:", "names no tag")])
def test_bad_segments_are_clear_errors(site, text, message):
    with pytest.raises(ConfigError, match=message):
        parse_segment(text, site.documents)


def test_newsletter_page_lists_its_period_without_newsletters_and_reviews(site):
    news_sep = site.by_id["news-sep"]
    sections = newsletter_items(site, news_sep, "internal")
    assert [s.key for s in sections] == ["policies", "playbooks", "training", "faqs"]
    # from the day after the previous internal newsletter (20 August)
    items = {i.id: i for s in sections for i in s.items}
    assert "before" in items and items["before"].path == "policies/before/"
    # public readers: the internal August newsletter does not count, so 30 days back
    public = {i.id for s in newsletter_items(site, news_sep, "public") for i in s.items}
    assert "before" in public and "takedown" not in public


def test_archive_groups_newsletters_by_year_and_month_newest_first(site):
    from generator.digest.archive import newsletter_archive
    years = newsletter_archive(site.documents)
    assert [(y.year, [(m.name, [d.id for d in m.newsletters]) for m in y.months])
            for y in years] == [(2026, [("September", ["news-sep", "secret-news"]),
                                        ("August", ["news-aug"])])]


def test_document_created_in_the_period_is_new_even_if_edited_since(make_site):
    from .corpus_helpers import base_corpus, doc
    files = base_corpus() | {
        "content/faqs/fresh.md": doc("id: fresh\ntitle: Fresh?\ncreated: 2026-09-03\nupdated: 2026-09-20"),
        "content/faqs/older.md": doc("id: older\ntitle: Older?\ncreated: 2026-08-03\nupdated: 2026-09-21"),
    }
    site = pipeline.check(make_site(files), today=TODAY)
    assert changes(collect(site, SEPTEMBER, "internal"))["faqs"] == [
        ("older", "updated", "2026-09-21"), ("fresh", "new", "2026-09-20")]
