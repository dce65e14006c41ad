"""`kc report --format html`: one self-contained file (the theme's CSS inlined, no
script, no external request) with the same view as the site's Health page."""
from __future__ import annotations

from markupsafe import Markup

from ..config import SiteConfig
from ..theme import load_theme, make_environment, render_template
from ..urls import SECTIONS, absolute_url
from .model import Health
from .view import health_view


def standalone_html(health: Health, config: SiteConfig) -> str:
    """Document ids link to their pages on base_url."""
    theme = load_theme(config)
    env = make_environment(theme)
    css = next((folder / "assets" / "kc.css" for folder in theme.folders
                if (folder / "assets" / "kc.css").is_file()), None)
    types = health.types

    def link(doc_id: str):
        return absolute_url(config, f"{SECTIONS[types[doc_id]]}/{doc_id}/") if doc_id in types else None
    context = {"h": health_view(health, link, "report"), "href": lambda url: url,
               "title": f"{config.title}: knowledge-center health", "language": config.language,
               "css": Markup(css.read_text(encoding="utf-8").replace("</", "<\\/") if css else "")}
    return render_template(env, "health-report.html", context)
