"""The live preview's builds: kept in memory between saves, written in place, search
updated after the reload. Whatever the edits, once a rebuild is finished the preview
folder holds the same bytes as a clean build of the same input."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import load_config
from generator.build import build
from generator.errors import BuildFailed
from generator.incremental.session import Session

from .conftest import TODAY
from .test_incremental import EDITS, apply, sample_site, tree


def preview_build(config_path, out, session: Session | None = None, incremental: bool = True):
    """A build as `kc serve` makes it (internal, drafts shown); without a session, a clean one."""
    return build(load_config(config_path), out_dir=out, audience="internal", drafts=True, today=TODAY,
                 jobs=1, session=session, incremental=incremental)


def session_build(config_path, out, session: Session):
    """A preview rebuild, finished (search index included); None when the content has errors."""
    try:
        result = preview_build(config_path, out, session)
    except BuildFailed:
        return None
    session.finish()
    return result


def save_policy(root, sentence: str) -> None:
    policy = root / "content" / "policies" / "harassment-bullying.md"
    policy.write_text(policy.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 200)), min_size=1, max_size=4))
def test_a_preview_folder_equals_a_clean_build_after_any_saves(tmp_path_factory, edits):
    root = tmp_path_factory.mktemp("site")
    config = sample_site(root)
    preview, clean, session = root / ".kc" / "preview", root / "clean", Session()
    assert session_build(config, preview, session) is not None
    for step, (edit, pick) in enumerate(edits, 1):
        apply(root, edit, pick, step)
        updated = session_build(config, preview, session)
        try:
            fresh = preview_build(config, clean, incremental=False)
        except BuildFailed:
            fresh = None
        assert (updated is None) == (fresh is None), f"after {edits[:step]}: one build failed, not the other"
        if fresh is not None:
            assert tree(preview) == tree(clean), f"preview differs from a clean build after {edits[:step]}"


def test_a_saved_body_rewrites_its_page_in_place_and_search_follows_on_finish(tmp_path):
    config = sample_site(tmp_path)
    preview, session = tmp_path / "preview", Session()
    session_build(config, preview, session)
    save_policy(tmp_path, "Zanzibarword sentence.")
    inodes = {p: p.stat().st_ino for p in preview.rglob("*.html")}
    preview_build(config, preview, session)
    assert "Zanzibarword" in (preview / "policies" / "harassment-bullying" / "index.html").read_text(encoding="utf-8")
    rewritten = {p.relative_to(preview).as_posix() for p, inode in inodes.items() if p.stat().st_ino != inode}
    assert "policies/harassment-bullying/index.html" in rewritten        # the others are left alone
    assert all(rel.startswith("policies/harassment-bullying/") for rel in rewritten), rewritten
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".preview.")]   # no staging folder
    assert session.pending is not None
    session.finish()
    assert "zanzibarword" in (preview / "_search" / "terms.json").read_text(encoding="utf-8").lower()


def test_quick_saves_skip_the_search_index_of_superseded_builds_and_end_equal_to_a_clean_build(tmp_path):
    config = sample_site(tmp_path)
    preview, session = tmp_path / "preview", Session()
    session_build(config, preview, session)
    for word in ("Firstsaveword", "Secondsaveword"):       # the second save comes before finish
        save_policy(tmp_path, f"{word} sentence.")
        preview_build(config, preview, session)
    terms = (preview / "_search" / "terms.json").read_text(encoding="utf-8").lower()
    assert "firstsaveword" not in terms and "secondsaveword" not in terms     # not indexed yet
    session.finish()
    preview_build(config, tmp_path / "clean", incremental=False)
    assert tree(preview) == tree(tmp_path / "clean")


def test_a_preview_stopped_before_its_search_index_was_updated_updates_it_next_time(tmp_path):
    config = sample_site(tmp_path)
    preview, session = tmp_path / "preview", Session()
    session_build(config, preview, session)
    save_policy(tmp_path, "Latesaveword sentence.")
    preview_build(config, preview, session)
    session.settle()                                        # Ctrl-C: recorded, not indexed
    restarted = Session()
    again = session_build(config, preview, restarted)
    assert not again.up_to_date
    assert "latesaveword" in (preview / "_search" / "terms.json").read_text(encoding="utf-8").lower()
