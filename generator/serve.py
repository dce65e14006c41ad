"""`kc serve`: the built site over HTTP on 127.0.0.1 (in-browser search needs http://).

The site is mounted at the base_url's path (e.g. /kc/), as it will be in production;
unknown paths get the site's 404.html with status 404.
"""
from __future__ import annotations

from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .errors import ConfigError

HOST = "127.0.0.1"


class SiteHandler(SimpleHTTPRequestHandler):
    base_path = "/"

    def __init__(self, *args, base_path: str = "/", **kwargs):
        self.base_path = base_path
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if self._outside_base():
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        if self._outside_base():
            return
        super().do_HEAD()

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
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(directory: Path, port: int, base_path: str = "/") -> ThreadingHTTPServer:
    directory = Path(directory)
    if not (directory / "index.html").is_file():
        raise ConfigError(f"nothing to serve: {directory} holds no built site; run `kc build` first")
    handler = partial(SiteHandler, directory=str(directory), base_path=base_path)
    try:
        return ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}; "
                          f"try another --port") from exc
