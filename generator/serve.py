"""`kc serve`'s HTTP side: a built site over HTTP on 127.0.0.1 (in-browser search needs http://).

The site is mounted at the base_url's path (e.g. /kc/), as it will be in production;
unknown paths get the site's 404.html with status 404. A request path with a NUL,
a control character, a backslash or a `..` segment (raw or %-encoded) is answered
400 Bad Request without touching the filesystem. The live preview
(generator/preview/) extends SiteHandler.
"""
from __future__ import annotations

from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import ConfigError

HOST = "127.0.0.1"


def bad_request_path(raw: str) -> bool:
    """True for request targets no static site has: NUL/control characters, backslashes,
    `..` segments (also %-encoded, also doubly encoded), or no leading slash."""
    path = urlsplit(raw).path
    if not path.startswith("/"):
        return True
    for text in (path, unquote(path), unquote(unquote(path))):
        if any(ord(c) < 32 or ord(c) == 127 for c in text) or "\\" in text:
            return True
        if any(segment == ".." for segment in text.split("/")):
            return True
    return False


class SiteHandler(SimpleHTTPRequestHandler):
    base_path = "/"

    def __init__(self, *args, base_path: str = "/", **kwargs):
        self.base_path = base_path
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if self._rejected() or self._outside_base():
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        if self._rejected() or self._outside_base():
            return
        super().do_HEAD()

    def _rejected(self) -> bool:
        if bad_request_path(self.path):
            self.send_error(400, "Bad request path")
            return True
        return False

    def _outside_base(self) -> bool:
        """Redirect '/' to the base path; anything else outside it is a 404."""
        if self.path.startswith(self.base_path):
            return False
        if self.path in ("/", ""):
            self.send_response(302)
            self.send_header("Location", self.base_path)
            self.end_headers()
        else:
            self.send_error(404)
        return True

    def translate_path(self, path: str) -> str:
        if self.base_path != "/" and path.startswith(self.base_path):
            path = "/" + path[len(self.base_path):]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        self.send_html(404, page.read_bytes())

    def send_html(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(directory: Path, port: int, base_path: str = "/",
                handler: type[SiteHandler] = SiteHandler, require_site: bool = True,
                **handler_options) -> ThreadingHTTPServer:
    directory = Path(directory)
    if require_site and not (directory / "index.html").is_file():
        raise ConfigError(f"nothing to serve: {directory} holds no built site; run `kc build` first")
    bound = partial(handler, directory=str(directory), base_path=base_path, **handler_options)
    try:
        server = ThreadingHTTPServer((HOST, port), bound)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}; "
                          f"try another --port") from exc
    server.daemon_threads = True
    return server
