"""Digest -> html (email-ready), text, md or json. Every format renders the same
Digest object, so the plain-text alternative of an email lists exactly its items.

Templates live in the theme (`themes/<theme>/digest/digest.{html,txt,md}`, falling
back to `themes/default/digest/`), loaded with the theme's search path from
generator.theme. HTML templates are autoescaped; text and Markdown are not.
"""
from __future__ import annotations

import json
import textwrap

import css_inline
import jinja2

from ..config import SiteConfig
from ..errors import ConfigError
from ..theme import load_theme, long_date, render_template
from .model import Digest, Item

FORMATS = ("html", "text", "md", "json")
TEMPLATES = {"html": "digest/digest.html", "text": "digest/digest.txt", "md": "digest/digest.md"}
TEXT_WIDTH = 72
INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def render(digest: Digest, config: SiteConfig, fmt: str) -> str:
    """The digest as one document in the given format, always ending with a newline."""
    if fmt == "json":
        return json.dumps(digest.to_json(), indent=2, ensure_ascii=False) + "\n"
    if fmt not in TEMPLATES:
        raise ConfigError(f"unknown digest format '{fmt}': use one of {', '.join(FORMATS)}")
    text = render_template(environment(config), TEMPLATES[fmt],
                           {"digest": digest, "site": config, "facts": facts})
    if fmt == "html":
        text = INLINER.inline(text)
    return text.rstrip("\n") + "\n"


def environment(config: SiteConfig) -> jinja2.Environment:
    """The theme's template folders; autoescape for .html/.xml only."""
    theme = load_theme(config)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in theme.folders]),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "xml"),
                                            default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters["longdate"] = long_date
    env.filters["wrap"] = wrap
    env.filters["md"] = markdown_escape
    return env


def facts(item: Item) -> list[str]:
    """Short facts shown beside an item's change, e.g. ['Severity sev2', 'Respond within 15m']."""
    d = item.details
    found = [
        f"Version {d['version']}" if "version" in d and not item.change.startswith("new version")
        else None,
        f"effective {long_date(d['effective'])}" if "effective" in d else None,
        f"Severity {d['severity']}" if "severity" in d else None,
        f"respond within {d['response_time']}" if "response_time" in d else None,
        f"{d['duration_minutes']} minutes" if "duration_minutes" in d else None,
        f"Owner: {d['owner']}" if "owner" in d else None,
    ]
    return [fact for fact in found if fact]


def wrap(text: str, indent: int = 0, width: int = TEXT_WIDTH, first: str | None = None) -> str:
    """Fill text to the width; `first` replaces the indent on the first line (e.g. '* ')."""
    pad = " " * indent
    return textwrap.fill(" ".join(str(text).split()), width=width, break_long_words=False,
                         break_on_hyphens=False, initial_indent=pad if first is None else first,
                         subsequent_indent=pad)


MARKDOWN_SPECIALS = "\\`*_[]<>|"


def markdown_escape(text: str) -> str:
    """Text safe to place inside Markdown: specials backslash-escaped, lines joined. A `#`
    only makes a heading at the start of a line, so only a leading one is escaped
    ("Ask in #ts-program" stays as written)."""
    flat = " ".join(str(text).split())
    escaped = "".join("\\" + ch if ch in MARKDOWN_SPECIALS else ch for ch in flat)
    return "\\" + escaped if escaped.startswith("#") else escaped
