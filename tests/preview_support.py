"""Run `kc serve`'s preview in a thread on a free port; read its server-sent events."""
from __future__ import annotations

import http.client
import json
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from generator.preview.command import serve

TEAM = "ts:\n  name: Trust & Safety\n  contact: ts@example.com\n"


def policy(doc_id: str, title: str, body: str = "The rules.", extra: str = "") -> str:
    return (f"---\nid: {doc_id}\ntitle: {title}\nowner: ts\nversion: '1.0'\neffective: 2026-01-01\n"
            f"{extra}---\n\n## Rules\n\n{body}\n")


def write_site(root: Path, files: dict[str, str]) -> Path:
    (root / "site_config.yml").write_text("title: Preview KC\n", encoding="utf-8")
    for rel, text in {"content/teams.yml": TEAM, **files}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root / "site_config.yml"


class Preview:
    def __init__(self, port: int, root: Path):
        self.port, self.root = port, root
        self.url = f"http://127.0.0.1:{port}/"

    def get(self, path: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def wait_for_state(self, predicate, timeout: float = 20.0) -> dict:
        """The first state event (from the events stream) that satisfies predicate."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        deadline = time.monotonic() + timeout
        try:
            conn.request("GET", "/__kc/events")
            response = conn.getresponse()
            assert response.getheader("Content-Type") == "text/event-stream"
            while time.monotonic() < deadline:
                line = response.readline().decode()
                if line.startswith("data: "):
                    state = json.loads(line[6:])
                    if predicate(state):
                        return state
        finally:
            conn.close()
        raise AssertionError("the preview never reached the expected state")


@contextmanager
def running_preview(config_path: Path, **options):
    ready, stop = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def run():
        try:
            serve(str(config_path), 0, options.get("out_dir"), options.get("audience", "internal"),
                  options.get("drafts", True), Console(file=open("/dev/null", "w")), ready, stop)
        except BaseException as exc:  # noqa: BLE001 — reported by the test
            errors.append(exc)
            ready.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(60), "the preview did not start"
    assert not errors, errors
    try:
        yield Preview(ready.port, config_path.parent)
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive(), "the preview did not stop"
    assert not errors, errors
