"""`kc serve`: build once, serve, and rebuild on every save until Ctrl-C."""
from __future__ import annotations

import threading
from pathlib import Path

from rich.console import Console

from ..config import load_config
from ..serve import make_server
from .builder import Previewer
from .server import PreviewHandler
from .state import PreviewState

PREVIEW_DIR = ".kc/preview"   # under the site's root; .kc/ holds only disposable things


def serve(config_path: str, port: int, out_dir: str | None, audience: str, drafts: bool,
          console: Console, ready: threading.Event | None = None,
          stop: threading.Event | None = None) -> None:
    """Raises ConfigError when site_config.yml is unusable at start or the port is taken;
    after that, nothing the author writes stops the preview."""
    config = load_config(config_path)
    out = Path(out_dir).resolve() if out_dir else config.root / PREVIEW_DIR
    state = PreviewState()
    previewer = Previewer(Path(config_path), out, audience, drafts, state, console, config)
    server = make_server(out, port, config.base_path, handler=PreviewHandler, require_site=False,
                         state=state)
    stop = stop or threading.Event()
    host, bound = server.server_address[:2]
    console.print(f"Building the preview (audience {audience}, drafts "
                  f"{'shown' if drafts else 'hidden'})…", markup=False, highlight=False)
    built = threading.Event()
    watcher = threading.Thread(target=previewer.watch, args=(stop, built), name="kc-watch", daemon=True)
    stopper = threading.Thread(target=lambda: (stop.wait(), server.shutdown()), daemon=True)
    try:
        watcher.start()
        while not built.wait(0.2) and watcher.is_alive():
            pass
        console.print(f"Previewing at http://{host}:{bound}{config.base_path} — pages reload when "
                      f"you save a file (Ctrl-C to stop)", markup=False, highlight=False, soft_wrap=True)
        stopper.start()
        if ready is not None:
            ready.port = bound
            ready.set()
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        console.print("Stopped.", markup=False, highlight=False)
    finally:
        stop.set()
        state.close()
        server.server_close()
        watcher.join(timeout=5)
        if not watcher.is_alive():
            settle(previewer)


def settle(previewer: Previewer) -> None:
    """Record the last rebuild (its manifest) before exiting, so the next preview starts from
    it; the search index is left as it is: the next start rebuilds it."""
    try:
        previewer.session.settle()
    except Exception:  # noqa: BLE001 — exiting anyway; the next start checks every file
        pass
