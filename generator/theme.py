"""Themes: the Jinja environment and the fingerprinted assets of the selected theme.

A theme is a folder under `themes_dir`. Templates are looked up in the selected
theme first, then in `default`, so a theme overrides single templates; the
default theme's templates are also reachable as "default/<name>", so an
override can `{% extends "default/page.html" %}` and replace single blocks.
Assets (`<theme>/assets/**`) overlay the default theme's assets the same way.
"""
from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import jinja2

from .config import SiteConfig
from .errors import ConfigError, KcError

DEFAULT_THEME = "default"
# kc's own themes: inside the package in an installed wheel (copied there by setup.py),
# else the checkout's themes/ folder (a checkout or an editable install).
_PACKAGED_THEMES = Path(__file__).resolve().parent / "themes"
BUILTIN_THEMES = _PACKAGED_THEMES if _PACKAGED_THEMES.is_dir() else _PACKAGED_THEMES.parent.parent / "themes"


class TemplateError(KcError):
    """A theme template is broken; the message names the template file and line."""


@dataclass(frozen=True)
class Theme:
    name: str
    folders: tuple[Path, ...]   # the selected theme first, then default

    @property
    def default_folder(self) -> Path:
        return self.folders[-1]


def load_theme(config: SiteConfig) -> Theme:
    """The selected theme and default, from the site's themes_dir, else from kc's own themes/."""
    site_themes = (config.root / config.themes_dir).resolve()
    selected = find_theme(site_themes, config.theme)
    if selected is None:
        available = sorted({p.name for folder in (site_themes, BUILTIN_THEMES) if folder.is_dir()
                            for p in folder.iterdir() if p.is_dir()})
        raise ConfigError(f"theme '{config.theme}' not found: no folder {site_themes / config.theme} "
                          f"(themes available: {', '.join(available) or 'none'})")
    default = find_theme(site_themes, DEFAULT_THEME)
    if default is None:
        raise ConfigError(f"the default theme is missing: no folder {site_themes / DEFAULT_THEME}")
    folders = (selected,) if selected == default else (selected, default)
    return Theme(config.theme, folders)


def find_theme(site_themes: Path, name: str) -> Path | None:
    for folder in (site_themes / name, BUILTIN_THEMES / name):
        if name and "/" not in name and folder.is_dir():
            return folder
    return None


def make_environment(theme: Theme) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(theme.default_folder))}),
        jinja2.FileSystemLoader([str(folder) for folder in theme.folders]),
    ])
    # auto_reload off: a build makes its own environment, so a template never changes under
    # it, and Jinja would otherwise stat the template file on every include (12,900 stats, 10%
    # of rendering 1,196 pages)
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             auto_reload=False)
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    env.filters["longdate"] = long_date
    env.filters["search_text"] = search_text
    from search.pagefind_weights import pagefind_weight, weigh_headings
    env.filters["pagefind_weight"] = pagefind_weight
    env.filters["weigh_headings"] = weigh_headings
    return env


# Pagefind reads filter and meta values as text and its UI shows some of them as HTML, so a
# value handed to Pagefind must not be able to become markup: brackets and quotes become
# look-alike characters (readers still see `<b>` as ‹b›) instead of being dropped.
SEARCH_TEXT = str.maketrans({"<": "‹", ">": "›", '"': "”", "'": "’", "`": "ʻ"})


def search_text(value) -> str:
    """A value for data-pagefind-filter/meta: plain text that cannot become markup."""
    return str(value).translate(SEARCH_TEXT)


def long_date(value) -> str:
    """'12 January 2026' (locale-independent, so builds are byte-identical everywhere)."""
    if not value:
        return ""
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
    return f"{value.day} {months[value.month - 1]} {value.year}"


def render_template(env: jinja2.Environment, name: str, context: dict) -> str:
    """Render a template; any template bug becomes a TemplateError naming file and line."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: "
                            f"{exc.message}") from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name} (needed to render {name})") from exc
    except Exception as exc:  # noqa: BLE001 — any failure inside a template is a theme bug
        raise TemplateError(f"{_template_position(exc) or name}: error while rendering "
                            f"{name}: {type(exc).__name__}: {exc}") from exc


def _template_position(exc: BaseException) -> str | None:
    """'themes/x/page.html:12' from the innermost traceback frame inside a template."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None


@dataclass(frozen=True)
class Asset:
    logical: str      # 'kc.css'
    path: str         # 'assets/kc.3f2a1b9c.css' (site-relative)
    content: bytes


def collect_assets(theme: Theme) -> dict[str, Asset]:
    """Every file under <theme>/assets, overlaid on default's, with a content hash in its name."""
    sources: dict[str, Path] = {}
    for folder in reversed(theme.folders):
        root = folder / "assets"
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    sources[path.relative_to(root).as_posix()] = path
    return {logical: fingerprint(logical, sources[logical].read_bytes()) for logical in sorted(sources)}


def fingerprint(logical: str, content: bytes) -> Asset:
    digest = hashlib.sha256(content).hexdigest()[:10]
    path = PurePosixPath(logical)
    name = f"{path.stem}.{digest}{path.suffix}" if path.suffix else f"{path.name}.{digest}"
    return Asset(logical, f"assets/{path.with_name(name).as_posix()}", content)
