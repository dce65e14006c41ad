"""The project around the pages: mkdocs.yml and the home and section index pages.

Material is configured to work offline (no Google Fonts: `font: false`) and strictly:
`validation` turns broken links *and* unknown anchors into warnings, so
`mkdocs build --strict` fails on either. Zensical reads the same file.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from ..config import SiteConfig
from ..document import Document, Team
from ..urls import SECTION_TITLES, SECTIONS
from . import yaml_text
from .body import html_text, md_text

MARKDOWN_EXTENSIONS = [
    "admonition", "attr_list", "def_list", "footnotes", "tables", "md_in_html",
    {"toc": {"permalink": True}}, "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist",
    "pymdownx.magiclink",                      # bare URLs and e-mail addresses, as kc links them
    {"pymdownx.tilde": {"subscript": False}},  # ~~text~~ strikes through; ~x~ is not subscript
]
VALIDATION = {"nav": {"omitted_files": "info", "not_found": "warn", "absolute_links": "info"},
              "links": {"not_found": "warn", "anchors": "warn", "absolute_links": "info",
                        "unrecognized_links": "info"}}


# Material renders the whole navigation into every page, so a build's time grows with
# pages x nav entries (1,000 documents all in the nav: 53 s; sections only: 10 s). A
# section with more documents than this lists them on its index page only.
NAV_SECTION_LIMIT = 100


def section_index(doc_type: str) -> str:
    return f"{SECTIONS[doc_type]}/index.md"


def mkdocs_yml(config: SiteConfig, audience: str, sections: dict[str, list[Document]],
               paths: dict[str, str], unlisted: list[str], teams: dict[str, Team]) -> str:
    nav: list = [{"Home": "index.md"}]
    for doc_type, docs in sections.items():
        entries = [{html_text(doc.title): paths[doc.id]} for doc in docs] if len(docs) <= NAV_SECTION_LIMIT else []
        nav.append({SECTION_TITLES[doc_type]: [section_index(doc_type)] + entries})
        if not entries:
            unlisted = unlisted + [SECTIONS[doc_type] + "/"]
    data: dict = {"site_name": html_text(config.title)}
    if urlsplit(config.base_url).scheme in ("http", "https"):
        data["site_url"] = config.base_url
    if config.description:
        data["site_description"] = html_text(config.description)
    data.update({
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "language": config.language,
                  "features": ["navigation.sections", "navigation.indexes", "search.highlight"]},
        "plugins": ["search", "tags"],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "validation": VALIDATION,
        "nav": nav,
    })
    if unlisted:   # retired documents (as in kc) and the documents of big sections
        data["not_in_nav"] = "\n".join(f"/{path}" for path in sorted(unlisted)) + "\n"
    data["extra"] = {"kc": {"audience": audience, "base_url": config.base_url,
                            "nav": list(config.nav), "teams": team_registry(teams)}}
    return ("# Written by `kc export mkdocs`; build with `mkdocs build` (or Zensical).\n"
            + yaml_text.dump(data))


def team_registry(teams: dict[str, Team]) -> dict:
    registry = {}
    for team_id, team in sorted(teams.items()):
        entry = {"name": team.name, "contact": team.contact}
        if team.description:
            entry["description"] = team.description
        if team.public:
            entry["public"] = True
        registry[team_id] = entry
    return registry


def generated(title: str, text: str) -> str:
    head = yaml_text.dump({"title": title, "kc": {"generated": True}})
    return f"---\n{head}---\n\n{text.rstrip()}\n"


def home_page(config: SiteConfig, sections: dict[str, list[Document]]) -> str:
    lines = [md_text(config.description), ""] if config.description else []
    lines += [f"- [{SECTION_TITLES[t]}]({section_index(t)}) ({len(docs)})" for t, docs in sections.items()]
    return generated(html_text(config.title), "\n".join(lines))


def section_page(doc_type: str, docs: list[Document], paths: dict[str, str]) -> str:
    folder = SECTIONS[doc_type] + "/"
    lines = []
    for doc in docs:
        summary = f": {md_text(doc.get('summary'))}" if doc.get("summary") else ""
        lines.append(f"- [{md_text(doc.title)}]({paths[doc.id].removeprefix(folder)}){summary}")
    return generated(SECTION_TITLES[doc_type], "\n".join(lines))
