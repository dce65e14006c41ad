"""Running kc as a user would on a small hostile site: the CLI, its exit code and output."""
from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main


def kc(*args: str):
    """Run `kc ARGS`; exceptions escape (a traceback is a failure), output is stdout+stderr."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def tree(root) -> dict[str, bytes]:
    """Every file under root, relative path -> bytes: the 'output state' a test compares."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
