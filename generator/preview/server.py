"""The preview's HTTP handler: the built files, plus, in HTML responses only, a script
that listens to /__kc/events (server-sent events) to reload the page after a rebuild
or to show the build's errors in an overlay. The files on disk never contain it."""
from __future__ import annotations

import re
from importlib.resources import files
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from ..serve import SiteHandler
from .state import PreviewState

EVENTS = "/__kc/events"
SCRIPT = "/__kc/preview.js"
KEEPALIVE_SECONDS = 15.0
NOT_BUILT = (b'<!doctype html><html lang="en"><meta charset="utf-8"><title>kc preview</title>'
             b"<body><h1>Not built yet</h1><p>The preview appears here as soon as the content "
             b"builds.</p></body></html>")
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def preview_script() -> bytes:
    return (files("generator.preview") / "preview.js").read_bytes()


def inject(html: bytes, generation: int) -> bytes:
    """The page with the preview script before </body> (or at the end)."""
    tag = (f'<script src="{SCRIPT}" data-kc-generation="{generation}" '
           f'data-kc-events="{EVENTS}"></script>').encode()
    match = None
    for match in BODY_END.finditer(html):
        pass
    if match is None:
        return html + tag
    return html[:match.start()] + tag + html[match.start():]


class PreviewHandler(SiteHandler):
    def __init__(self, *args, state: PreviewState, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args) -> None:   # noqa: A002 — quiet: the terminal shows builds
        pass

    def do_GET(self) -> None:
        route = urlsplit(self.path).path
        if route == EVENTS:
            self.stream_events()
        elif route == SCRIPT:
            self.send_bytes(200, preview_script(), "text/javascript; charset=utf-8")
        else:
            super().do_GET()

    def send_head(self):
        """HTML pages get the preview script; everything else is served as is."""
        route = urlsplit(self.path).path
        target = Path(self.translate_path(self.path))
        if target.is_dir() and route.endswith("/"):
            target = target / "index.html"
        if target.suffix != ".html" or not target.is_file():
            return super().send_head()
        body = inject(target.read_bytes(), self.state.generation)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return BytesIO(body)

    def send_html(self, status: int, body: bytes) -> None:
        super().send_html(status, inject(body, self.state.generation))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404 and not (Path(self.directory) / "404.html").is_file():
            # No site yet (the first build failed): a page that can show the overlay.
            self.send_html(404, NOT_BUILT)
            return
        super().send_error(code, message, explain)

    def send_bytes(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def stream_events(self) -> None:
        """Server-sent events: the state now, then again after every change."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        version = None
        try:
            while not self.state.closed:
                if version is None or self.state.version != version:
                    version = self.state.version
                    self.wfile.write(f"event: state\ndata: {self.state.snapshot()}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
                self.state.wait(version, KEEPALIVE_SECONDS)
        except (BrokenPipeError, ConnectionResetError):
            pass   # the page was closed or reloaded
