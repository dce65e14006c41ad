"""Images and attachments next to documents: checked, copied with the documents that may
see them, links rewritten, images sized and lazy."""
from __future__ import annotations

import struct
import zlib

from generator import pipeline
from generator.build import build

from .build_support import broken_links, files_containing
from .conftest import TODAY

TEAMS = "t1:\n  name: Team One\n  contact: t1@example.com\n"


def png(width: int, height: int, shade: int = 0) -> bytes:
    raw = b"".join(b"\x00" + bytes([shade, shade, shade]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def policy(doc_id: str, body: str, audience: str = "public") -> str:
    return (f"---\nid: {doc_id}\ntitle: {doc_id.title()}\nowner: t1\nversion: '1'\n"
            f"effective: 2026-01-01\naudience: {audience}\n---\n{body}")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="9" height="9"/></svg>'
SITE = {
    "content/teams.yml": TEAMS,
    "content/policies/escalation-flow.png": png(40, 30),
    "content/assets/report-form.pdf": b"%PDF-1.4\n%%EOF\n",
    "content/assets/chart.svg": SVG,
    "content/assets/internal-only-diagram.png": png(8, 8, 200),
    "content/policies/spam.md": policy("spam", (
        "![Escalation flow](escalation-flow.png)\n\n"
        "Fill in the [report form](../assets/report-form.pdf#page=2).\n\n"
        '<p><img src="../assets/chart.svg" alt="Reports per month"></p>\n')),
    "content/policies/internal-rules.md": policy("internal-rules", (
        "![Internal diagram](../assets/internal-only-diagram.png) ![Flow](escalation-flow.png)\n"),
        audience="internal"),
}


def test_files_are_copied_links_rewritten_and_images_sized(make_site, tmp_path):
    config = make_site(SITE)
    assert [d.code for d in pipeline.check(config, today=TODAY).diagnostics] == []
    out = tmp_path / "public"
    build(config, out_dir=out, audience="public", today=TODAY)
    html = (out / "policies/spam/index.html").read_text()
    assert ('<img src="../../files/policies/escalation-flow.png" alt="Escalation flow" width="40" '
            'height="30" loading="lazy">') in html
    assert '<a href="../../files/assets/report-form.pdf#page=2">report form</a>' in html
    assert ('<img src="../../files/assets/chart.svg" alt="Reports per month" width="120" height="60" '
            'loading="lazy">') in html
    assert (out / "files/policies/escalation-flow.png").read_bytes() == SITE["content/policies/escalation-flow.png"]
    assert (out / "files/assets/report-form.pdf").is_file()
    assert broken_links(out, "/") == []


def test_an_image_used_only_by_internal_documents_is_not_in_a_public_build(make_site, tmp_path):
    config = make_site(SITE)
    public, internal = tmp_path / "public", tmp_path / "internal"
    build(config, out_dir=public, audience="public", today=TODAY)
    build(config, out_dir=internal, audience="internal", today=TODAY)
    assert not (public / "files/assets/internal-only-diagram.png").exists()
    assert files_containing(public, "internal-only-diagram") == []
    assert (internal / "files/assets/internal-only-diagram.png").is_file()
    assert broken_links(internal, "/") == []


def test_a_missing_file_is_an_error_at_the_reference(check_files):
    site = check_files({"content/teams.yml": TEAMS, "content/policies/spam.md": policy("spam", (
        "Intro.\n\n![Flow](escalation-flow.png) and [form](../assets/form.pdf)\n\n"
        '<img src="gone.gif" alt="x">\n'))})
    found = [(d.code, d.line, d.column) for d in site.diagnostics]
    assert found == [("FILE001", 11, 9), ("FILE001", 11, 41), ("FILE001", 13, 11)]
    assert "escalation-flow.png" in next(iter(site.diagnostics)).message


def test_files_that_cannot_be_published_are_errors(check_files):
    site = check_files({"content/teams.yml": TEAMS,
                        "content/assets/notes.docx": b"PK",
                        "content/assets/chart.svg": SVG,
                        "content/assets/evil.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                        "content/policies/spam.md": policy("spam", (
                            "[notes](../assets/notes.docx)\n[chart](../assets/chart.svg)\n"
                            "![Evil](../assets/evil.svg)\n"))})
    found = [(d.code, d.line) for d in site.diagnostics]
    assert found == [("FILE002", 9), ("FILE002", 10), ("FILE002", 11)]
    messages = [d.message for d in site.diagnostics]
    assert ".docx" in messages[0] and "only as an image" in messages[1] and "script" in messages[2]


def test_missing_alt_text_is_a_warning(check_files):
    site = check_files({"content/teams.yml": TEAMS, "content/policies/flow.png": png(4, 4),
                        "content/policies/spam.md": policy("spam", '![](flow.png)\n\n<img src="flow.png">\n')})
    found = [(d.code, d.severity.value, d.line, d.column) for d in site.diagnostics]
    assert found == [("FILE003", "warning", 9, 5), ("FILE003", "warning", 11, 11)]
