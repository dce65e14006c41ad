"""What `kc search` needs from site_config.yml (base_url, output_dir, search.engine,
search.synonyms), without building the configuration models on every search.

`search_config(path)` validates the file with `generator.config.load_config` the first
time, exactly as every command does (same errors, same defaults), and keeps the few
validated values in `.kc/cache/search-config.json` next to it, keyed by the file's path,
size, modification time and inode and by the code that validates it. While neither
changes, the next `kc search` reads the values from there: the pydantic models (a tenth
of a second to build) are never loaded. Any change, or an unreadable cache, means a
full validation again.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

CACHE = Path(".kc") / "cache" / "search-config.json"
FORMAT = 1
# The code that decides the validated values: a change to it (an upgrade) revalidates.
VALIDATORS = [Path(__file__).resolve().parent.parent / "generator" / name
              for name in ("config.py", "frontmatter_yaml.py", "content_names.py")] + [Path(__file__).resolve()]


@dataclass(frozen=True)
class SearchOptions:
    engine: str = "tantivy"
    synonyms: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SearchConfig:
    """The settings of a SiteConfig that search reads, with the same names."""
    base_url: str
    output_dir: str
    root: Path
    search: SearchOptions

    @property
    def output_path(self) -> Path:
        return self.root / self.output_dir


def search_config(path: str | Path) -> SearchConfig:
    path = Path(path)
    key = stat_key(path)
    cache = path.resolve().parent / CACHE if key else None
    if cache:
        try:
            stored = json.loads(cache.read_text(encoding="utf-8"))
            if stored.get("key") == key:
                return from_values(stored["values"])
        except (OSError, ValueError, KeyError, TypeError):
            pass                       # no cache yet, or a damaged one: validate
    from generator.config import load_config
    config = load_config(path)         # raises the ConfigError every command raises
    values = {"base_url": config.base_url, "output_dir": config.output_dir, "root": str(config.root),
              "engine": config.search.engine, "synonyms": config.search.synonyms}
    if cache:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            scratch = cache.with_suffix(f".{os.getpid()}.tmp")
            scratch.write_text(json.dumps({"key": key, "values": values}), encoding="utf-8")
            os.replace(scratch, cache)
        except OSError:
            pass                       # a read-only site: validate every time
    return from_values(values)


def stat_key(path: Path) -> list | None:
    try:
        found = [FORMAT, str(path.resolve())]
        for item in (path, *VALIDATORS):
            st = item.stat()
            found += [st.st_size, st.st_mtime_ns, st.st_ino]
        return found
    except OSError:
        return None                    # no file: load_config says what to do


def from_values(values: dict) -> SearchConfig:
    return SearchConfig(base_url=values["base_url"], output_dir=values["output_dir"],
                        root=Path(values["root"]),
                        search=SearchOptions(engine=values["engine"], synonyms=values["synonyms"]))
