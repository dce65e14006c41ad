"""`kc new TYPE "Title"`: a new document with its required fields filled in.

The file is content/<folder>/<slug>.md. Required fields get sensible values (dates:
today; version "1.0"; owner: the only team in teams.yml). A value kc cannot guess is a
named placeholder (PLACEHOLDER_TEAM, PLACEHOLDER_POLICY) that `kc check` reports, so it
cannot be published by mistake. Optional fields are written as comments; the body is a
skeleton of the headings that type usually has. An existing file is never overwritten.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import load
from .config import SiteConfig
from .errors import ConfigError
from .site import Site

PLACEHOLDER_TEAM = "choose-a-team"
PLACEHOLDER_POLICY = "choose-a-policy"
FOLDERS = {doc_type: folder for folder, doc_type in load.FOLDER_TYPES.items()}

COMMON_OPTIONAL = """\
# status: draft              # draft (not built until published) · active · deprecated · retired
# audience: internal         # public · internal · restricted
# tags: [example-tag]
# regions: [global]
# review_by: {review}
"""

REQUIRED = {
    "policy": 'owner: {owner}\nversion: "1.0"\neffective: {today}\n',
    "playbook": "owner: {owner}\npolicies: [{policy}]\n",
    "training": "owner: {owner}\n",
    "newsletter": "date: {today}\n",
    "faq": "",
}

OPTIONAL = {
    "policy": "# supersedes: old-policy-id     # the policy this one replaces\n",
    "playbook": ("# severity: sev2             # sev1 · sev2 · sev3 · sev4\n"
                 "# escalate_to: [team-id]\n"
                 "# response_time: 4h          # a number and m, h or d: 15m, 4h, 2d\n"),
    "training": ("# policies: [policy-id]\n"
                 "# prerequisites: [training-id]\n"
                 "# duration_minutes: 30\n"
                 "# objectives:\n"
                 "#   - \"What a reader can do after this module.\"\n"
                 "# quiz:\n"
                 "#   - question: \"A question about the module?\"\n"
                 "#     choices: [\"The right answer\", \"A wrong answer\"]\n"
                 "#     answer: \"The right answer\"   # the right choice's text (or its position: 0, 1, ...)\n"
                 "#     explanation: \"Why it is right; shown after checking.\"\n"),
    "newsletter": "# highlights: [document-id]   # documents this issue features\n",
    "faq": "# policies: [policy-id]        # the policies this answer relies on\n",
}

BODY = {
    "policy": ("## Purpose\n\nWhy this policy exists and whom it protects.\n\n"
               "## What is not allowed\n\n- \n\n## What is allowed\n\n- \n\n"
               "## Enforcement\n\nWhat happens on a first and on a repeated violation.\n"),
    "playbook": ("## When to use\n\nThe situation this playbook is for.\n\n"
                 "## Steps\n\n1. \n2. \n3. \n\n"
                 "## Escalation\n\nWho to call, and when, if the steps are not enough.\n"),
    "training": ("## Objectives\n\nAfter this module you can:\n\n- \n\n"
                 "## Lesson\n\nThe content of the module.\n\n"
                 "## Practice\n\nExamples to decide, with the answers. The quiz is in the "
                 "front matter (`quiz:` above).\n"),
    "newsletter": "## In this issue\n\nTwo or three sentences on what is new.\n\n## News\n\n",
    "faq": "The answer, in plain words, in the reader's language.\n",
}


@dataclass(frozen=True)
class NewDocument:
    path: Path
    placeholders: list[str]   # what the author must still fill in, as sentences


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:64].rstrip("-")
    if len(slug) < 2:
        raise ConfigError(f"cannot make a file name from the title {title!r}; give a title with "
                          f"at least two Latin letters or digits, or pass --id my-document-id")
    return slug


def create(config: SiteConfig, doc_type: str, title: str, doc_id: str | None = None,
           today: date | None = None) -> NewDocument:
    today = today or date.today()
    slug = doc_id or slugify(title)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,63}", slug):
        raise ConfigError(f"--id {slug!r}: use 2-64 lowercase letters, digits and '-'")
    path = config.content_path / FOLDERS[doc_type] / f"{slug}.md"
    if path.exists():
        raise ConfigError(f"{path} already exists; kc new never overwrites a file. "
                          f"Choose another title or pass --id")
    site = Site(config=config, today=today)
    load.load_teams(site, config.content_path / load.TEAMS_FILE)
    placeholders = []
    owner = next(iter(site.teams)) if len(site.teams) == 1 else PLACEHOLDER_TEAM
    if owner == PLACEHOLDER_TEAM and doc_type in ("policy", "playbook", "training"):
        teams = ", ".join(sorted(site.teams)) or f"none yet: add one to {load.TEAMS_FILE}"
        placeholders.append(f"owner: replace '{PLACEHOLDER_TEAM}' with a team id ({teams})")
    if doc_type == "playbook":
        placeholders.append(f"policies: replace '{PLACEHOLDER_POLICY}' with the ids of the "
                            f"policies this playbook enforces")
    front = (f"---\nid: {slug}\ntitle: {quote(title)}\n"
             + REQUIRED[doc_type].format(owner=owner, today=today.isoformat(), policy=PLACEHOLDER_POLICY)
             + f"created: {today.isoformat()}\nupdated: {today.isoformat()}\n"
             + '# summary: "One sentence shown in lists, search results and digests."\n'
             + COMMON_OPTIONAL.format(review=today.replace(year=today.year + 1).isoformat()
                                      if not (today.month == 2 and today.day == 29)
                                      else date(today.year + 1, 3, 1).isoformat())
             + OPTIONAL[doc_type] + "---\n\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:   # "x": never overwrite, even in a race
        handle.write(front + BODY[doc_type])
    return NewDocument(path, placeholders)


def quote(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
