"""`kc serve` answers 400 to request paths no site has (NUL bytes, control characters,
backslashes, `..`), raw or %-encoded, and never serves a file outside the site."""
from __future__ import annotations

import http.client
import threading

import pytest

from generator.serve import make_server

from ..preview_support import policy, running_preview, write_site

HOSTILE = ["/%00", "/index.html%00.txt", "/policies/%00/", "/%2e%2e/%2e%2e/etc/passwd",
           "/..%2f..%2fetc%2fpasswd", "/%252e%252e/secret.txt", "/a%5c..%5csecret.txt",
           "/%0d%0aSet-Cookie:%20x=1", "/%1b[31m", "/../secret.txt"]


def status_of(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.fixture
def static_server(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", HOSTILE)
def test_static_serve_answers_400_to_hostile_paths(static_server, path):
    status, body = status_of(static_server, path)
    assert status == 400, path
    assert b"SECRET" not in body


def test_ordinary_paths_still_work(static_server):
    assert status_of(static_server, "/")[0] == 200
    assert status_of(static_server, "/index.html")[0] == 200
    assert status_of(static_server, "/no%20such%20page/")[0] == 404


def test_preview_answers_400_to_hostile_paths_and_keeps_running(tmp_path):
    config = write_site(tmp_path, {"content/policies/scams.md": policy("scams", "Scams")})
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    with running_preview(config) as preview:
        for path in HOSTILE:
            status, body = status_of(preview.port, path)
            assert status == 400 and b"SECRET" not in body, path
        assert status_of(preview.port, "/policies/scams/")[0] == 200
