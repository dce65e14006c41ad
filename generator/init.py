"""`kc init DIR`: start a new knowledge center from the starter files shipped in the package.

The starter (generator/starter/) holds site_config.yml, content/teams.yml, one example
document of each content type and a .gitignore (shipped as `gitignore`, since package
data skips dot files). It is read with importlib.resources, so it works the same from
a checkout, an editable install and an installed wheel.
"""
from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import ConfigError

RENAMED = {"gitignore": ".gitignore"}


def starter() -> Traversable:
    return files("generator") / "starter"


def starter_files(folder: Traversable | None = None, prefix: str = "") -> dict[str, bytes]:
    """Relative path in the new site -> content, for every starter file."""
    folder = folder or starter()
    found: dict[str, bytes] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        rel = prefix + RENAMED.get(entry.name, entry.name)
        if entry.is_dir():
            found.update(starter_files(entry, rel + "/"))
        else:
            found[rel] = entry.read_bytes()
    return found


def init_site(target: Path) -> list[str]:
    """Write the starter files into target (new or empty); return the paths written."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise ConfigError(f"cannot create a knowledge center in {target}: it is a file")
    if target.is_dir() and any(target.iterdir()):
        raise ConfigError(f"{target} is not empty; kc init only fills a new or empty folder, "
                          f"so it never overwrites your files. Choose another folder.")
    written = []
    for rel, content in starter_files().items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(rel)
    return written
