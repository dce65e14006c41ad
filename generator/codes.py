"""Every diagnostic code kc can emit, with its severity and a one-line fix.

This table is the single source of truth: the README's code list is checked
against it by a test, and SARIF output describes its rules from it.
"""
from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    severity: str  # "error" | "warning"
    title: str
    fix: str


CODES: dict[str, Code] = {
    "LOAD001": Code("error", "file cannot be read", "Check the file's permissions, or remove it."),
    "LOAD002": Code("error", "file is not UTF-8", "Re-save the file as UTF-8."),
    "LOAD003": Code("error", "no front matter", "Start the file with a `---` line, the YAML fields, and a closing `---` line."),
    "YAML001": Code("error", "malformed YAML", "Fix the YAML syntax at the line shown (quote values that contain `:` or `#`)."),
    "FM001": Code("error", "missing required field", "Add the field to the front matter."),
    "FM002": Code("error", "wrong type or value", "Use a value of the type or one of the allowed values named in the message."),
    "FM003": Code("warning", "unknown front-matter field", "Fix the spelling (see the suggestion) or remove the field."),
    "ID001": Code("error", "duplicate id", "Give one of the two documents a different `id`."),
    "TYPE001": Code("error", "type does not match folder", "Move the file to the folder of its type, or fix/remove `type`."),
    "XREF001": Code("error", "unknown reference target", "Use an existing document id (see the suggestion)."),
    "XREF002": Code("error", "unknown anchor", "Use one of the target's heading anchors listed in the hint."),
    "XREF003": Code("error", "reference to the wrong type", "Reference a document of the type the field expects."),
    "XREF004": Code("error", "broken relative link", "Point the link at an existing `.md` file under the content folder."),
    "TEAM001": Code("error", "unknown team", "Use a team id from `content/teams.yml`, or add the team there."),
    "TEAM002": Code("error", "invalid team registry", "Give every team in `teams.yml` a `name` and a `contact`."),
    "CYCLE001": Code("error", "reference cycle", "Break the cycle shown: a document cannot (indirectly) require or supersede itself."),
    "AUD001": Code("error", "audience leak", "Raise this document's `audience`, lower the target's, or remove the reference."),
    "STATUS001": Code("error", "active document references a draft", "Publish the draft (`status: active`) or remove the reference."),
    "STATUS002": Code("warning", "reference to a deprecated or retired document", "Reference the successor named in the message instead."),
    "QUIZ001": Code("error", "quiz answer names no choice", "Make `answer` the 0-based index of a listed choice, or the right choice's text."),
    "REVIEW001": Code("warning", "review date has passed", "Review the document, then move `review_by` into the future."),
    "BODY001": Code("warning", "empty body", "Write the document's text below the front matter."),
    "FM004": Code("error", "front matter not closed", "Add a line with just `---` after the last front-matter field."),
    "YAML002": Code("warning", "text after ` #` dropped as a comment", "Put the value in quotes, e.g. `summary: \"Ask in #ts-policy\"`."),
    "LOAD004": Code("warning", "file looks like content but is not read", "Rename it to end in `.md` (lower case)."),
    "BODY002": Code("warning", "control character in the text", "Delete the invisible character at the position shown."),
    "LOAD005": Code("error", "link out of the content folder, or not a regular file", "Copy the file into the content folder instead of linking it."),
    "LOAD006": Code("error", "file too large", "Split the document, or raise `max_file_mb` in site_config.yml."),
    "LIFE001": Code("warning", "training older than a cited policy's current version", "Update the module for what changed (`kc diff POLICY`), then its `updated` date."),
    "LIFE002": Code("warning", "playbook or FAQ may be out of date after a policy change", "Check it against what changed (`kc diff POLICY`), then update its `updated` date."),
    "XREF005": Code("error", "site-absolute link to no page", "Link to the document by id (`[[id]]`) or by relative `.md` path."),
    "BODY003": Code("warning", "raw HTML the site does not show", "Remove the tag (iframe, script, form, input), or use Markdown for the same content."),
    "XREF007": Code("warning", "reference to an old id", "Write the document's new id, named in the message."),
    "ALIAS001": Code("error", "alias that cannot redirect", "Remove the alias, or write the old id or old address it replaces."),
    "FILE001": Code("error", "link to a missing file", "Fix the file name or path from the document; keep files next to documents or in content/assets/."),
    "FILE002": Code("error", "file that cannot be published", "Use png, jpg, gif, webp, svg (as an image, without script), pdf or csv."),
    "FILE003": Code("warning", "image without alt text", "Describe the image: `![what it shows](file.png)`."),
    "XREF006": Code("error", "same-page link to a missing anchor", "Use one of this page's heading anchors listed in the hint, or add `{#id}` to the heading."),
}


def severity_of(code: str) -> str:
    return CODES[code].severity
