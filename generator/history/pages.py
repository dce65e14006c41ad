"""The history page producer: for each published document with a `version`,
`<doc url>history/` (its versions) and `<doc url>changes/<from>..<to>/` (one diff per
consecutive pair of the versions this build shows).

Audience rules apply to versions as to pages: a build shows only versions whose own
audience it may see (and drafts only with --drafts), and diffs are taken between
those, so text from a version above the build's audience never reaches a page.
"""
from __future__ import annotations

from ..audience import listed, visible
from ..navigation import chrome
from ..pages import Page
from ..urls import SECTION_TITLES, SECTIONS, doc_url
from .diff import DocumentDiff
from .render import to_html
from .store import site_history
from .versions import Version


def shown_versions(ctx_or_site, doc, audience: str, drafts: bool = False) -> list[Version]:
    site = getattr(ctx_or_site, "site", ctx_or_site)
    if not doc.get("version"):
        return []
    rank = ("public", "internal", "restricted")
    return [v for v in site_history(site).versions(doc)
            if v.audience in rank and rank.index(v.audience) <= rank.index(audience)
            and (drafts or v.status != "draft")]


def history_url(doc) -> str:
    return doc_url(doc) + "history/"


def changes_url(doc, old: Version, new: Version) -> str:
    return doc_url(doc) + f"changes/{old.slug}..{new.slug}/"


def diff_pairs(versions: list[Version]) -> list[tuple[Version, Version]]:
    """Consecutive pairs that both have a text, each URL once."""
    pairs, seen = [], set()
    for old, new in zip(versions, versions[1:]):
        key = (old.slug, new.slug)
        if old.body is not None and new.body is not None and old.slug != new.slug and key not in seen:
            seen.add(key)
            pairs.append((old, new))
    return pairs


def latest_change(site, doc, audience: str, drafts: bool = False) -> tuple[Version, Version] | None:
    """The (previous, current) pair of the newest diff this audience may read, or None."""
    pairs = diff_pairs(shown_versions(site, doc, audience, drafts))
    return pairs[-1] if pairs else None


def has_history(ctx, doc) -> bool:
    """Listed documents with a version (a retired policy's page stays, its history does not)."""
    return bool(doc.get("version")) and visible(doc, ctx.audience) and listed(doc, ctx.drafts)


def history_pages(ctx) -> list[Page]:
    pages = []
    for doc in ctx.pages:
        if not has_history(ctx, doc):
            continue
        pages.append(Page(history_url(doc), "history.html", lambda d=doc: history_context(ctx, d)))
        for old, new in diff_pairs(shown_versions(ctx, doc, ctx.audience, ctx.drafts)):
            pages.append(Page(changes_url(doc, old, new), "changes.html",
                              lambda d=doc, o=old, n=new: changes_context(ctx, d, o, n)))
    return pages


def trail(doc, title: str, url: str) -> list[tuple[str, str]]:
    return [(SECTION_TITLES[doc.type], SECTIONS[doc.type] + "/"), (doc.title, doc_url(doc)), (title, url)]


def history_context(ctx, doc) -> dict:
    versions = shown_versions(ctx, doc, ctx.audience, ctx.drafts)
    pairs = {new.slug: changes_url(doc, old, new) for old, new in diff_pairs(versions)}
    url, title = history_url(doc), f"Version history: {doc.title}"
    context = chrome(ctx, url, title, "history", section=doc.type, trail=trail(doc, "Version history", url))
    context.update(doc=doc, doc_url=doc_url(doc), note=site_history(ctx.site).note,
                   versions=[{"version": v.version, "effective": v.effective, "committed": v.committed,
                              "summary": v.summary, "uncommitted": v.commit is None and v.body is not None
                              and site_history(ctx.site).from_git, "changes_url": pairs.get(v.slug)}
                             for v in reversed(versions)])
    return context


def changes_context(ctx, doc, old: Version, new: Version) -> dict:
    diff: DocumentDiff = site_history(ctx.site).diff(doc.id, old, new)
    url = changes_url(doc, old, new)
    title = f"What changed in {doc.title}: version {old.version} → {new.version}"
    context = chrome(ctx, url, title, "changes", section=doc.type,
                     trail=trail(doc, f"Version {old.version} → {new.version}", url))
    context.update(doc=doc, doc_url=doc_url(doc), history_url=history_url(doc), diff=diff_summary(diff),
                   diff_html=to_html(diff), old=version_fields(old), new=version_fields(new))
    return context


def diff_summary(diff: DocumentDiff) -> dict:
    """What changes.html shows of a diff besides its HTML. Plain and small: the page's key
    hashes its context, and the whole diff with both versions' texts was most of that."""
    return {"words_added": diff.words_added, "words_removed": diff.words_removed,
            "changed": [section.title for section in diff.changed],
            "sections": [section.title for section in diff.sections]}


def version_fields(version: Version) -> dict:
    return {"version": version.version, "effective": version.effective, "summary": version.summary}


def policy_history(ctx, doc) -> dict:
    """For the policy page: links to its history and to what changed in its current version."""
    if not has_history(ctx, doc):
        return {"history_url": None, "latest_change": None}
    pair = latest_change(ctx.site, doc, ctx.audience, ctx.drafts)
    latest = None
    if pair and pair[1].version == str(doc.get("version")):
        latest = {"version": pair[1].version, "from": pair[0].version, "url": changes_url(doc, *pair)}
    return {"history_url": history_url(doc), "latest_change": latest}


def changed_policies(ctx, doc) -> list[dict]:
    """For a training page's banner: cited policies (that this build shows) whose current
    version took effect after the module was last `updated`, each linking to what changed."""
    updated = doc.get("updated")
    found = []
    for policy_id in doc.get("policies") or [] if updated else []:
        policy = ctx.lookups.by_id.get(policy_id)
        if policy is None or policy.type != "policy" or not policy.get("effective"):
            continue
        if policy.get("effective") <= updated:
            continue
        links = policy_history(ctx, policy)
        url = (links["latest_change"] or {}).get("url") or links["history_url"] or doc_url(policy)
        found.append({"title": policy.title, "version": policy.get("version"),
                      "effective": policy.get("effective"), "url": url})
    return found
