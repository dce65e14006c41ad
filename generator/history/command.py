"""What `kc diff ID [--from V] [--to V] [--format text|html|json|md]` does, apart from
parsing options (generator/cli.py). Defaults: --to is the document's current version,
--from the version before --to, among the versions the --audience may read."""
from __future__ import annotations

from ..errors import KcError
from ..site import Site
from ..suggest import did_you_mean
from .diff import DocumentDiff, diff_versions
from .pages import shown_versions
from .store import site_history


def find_diff(site: Site, doc_id: str, from_version: str | None, to_version: str | None,
              audience: str) -> DocumentDiff:
    doc = site.by_id.get(doc_id)
    if doc is None or not doc.visible_to(audience):
        raise KcError(f"no document '{doc_id}'"
                      f"{' for audience ' + audience if doc is not None else ''}; "
                      f"{did_you_mean(doc_id, site.by_id) or 'use an id from the front matter'}")
    if not doc.get("version"):
        raise KcError(f"'{doc_id}' has no `version`, so it has no versions to compare")
    versions = [v for v in shown_versions(site, doc, audience) if v.body is not None]
    names = [v.version for v in versions]
    if len(versions) < 2:
        note = site_history(site).note or "its git history has one version only"
        raise KcError(f"'{doc_id}' has no two versions to compare: {note}")
    new = pick(versions, to_version, "--to", len(versions) - 1)
    old_index = versions.index(new) - 1 if from_version is None else None
    if old_index is not None and old_index < 0:
        raise KcError(f"version {new.version} is the first one; versions: {', '.join(names)}")
    old = pick(versions, from_version, "--from", old_index)
    return diff_versions(doc.id, old, new)


def pick(versions, wanted: str | None, option: str, default: int | None):
    if wanted is None:
        return versions[default]
    for version in reversed(versions):
        if version.version == wanted:
            return version
    raise KcError(f"{option} {wanted}: no such version; versions: {', '.join(v.version for v in versions)}")
