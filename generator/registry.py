"""The content types, in one place: everything kc knows about a type, per type.

Each stage reads what it needs from here (the load stage the folder, validation the
schema and reference fields, pages the names, search the weight, digests the digest
section) instead of keeping a table of its own. To add a content type: add a schema
in content_types.py, an entry here, and a template `<key>.html` in the theme.
"""
from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .content_types import BaseDocument


@dataclass(frozen=True)
class ContentType:
    key: str                # 'policy': the `type` of its documents, its template is policy.html
    folder: str             # 'policies': content/policies/ holds them, the site shows them under /policies/
    name: str               # 'Policy': one document, as readers see it
    section_title: str      # 'Policies': the section in the nav and the catalog's title
    blurb: str              # the line under the section on the home page
    digest_section: str     # the section of a digest that lists its changes
    search_weight: float    # ranking: a policy beats a training module that merely mentions it

    @property
    def schema(self) -> type[BaseDocument]:
        from .content_types import SCHEMAS   # pydantic models: loaded by the stages that validate
        return SCHEMAS[self.key]

    @property
    def reference_fields(self) -> dict[str, tuple[str, ...] | None]:
        from .content_types import REFERENCE_FIELDS
        return REFERENCE_FIELDS[self.key]


TYPES: tuple[ContentType, ...] = (
    ContentType("policy", "policies", "Policy", "Policies",
                "What is and is not allowed, with enforcement tiers and change logs.", "policies", 1.0),
    ContentType("playbook", "playbooks", "Playbook", "Escalation playbooks",
                "Step-by-step responses to incidents, with escalation contacts.", "playbooks", 1.0),
    ContentType("training", "training", "Training", "Training",
                "Self-paced modules with objectives and a quiz to check yourself.", "training", 0.85),
    ContentType("newsletter", "newsletters", "Newsletter", "Newsletters",
                "Monthly updates from Trust & Safety.", "newsletters", 0.6),
    ContentType("faq", "faqs", "FAQ", "FAQs",
                "Short answers for support agents and the people they help.", "faqs", 1.0),
)
BY_KEY: dict[str, ContentType] = {t.key: t for t in TYPES}
BY_FOLDER: dict[str, ContentType] = {t.folder: t for t in TYPES}


def table(attribute: str) -> dict[str, object]:
    """{type key: that attribute}, e.g. table('folder') -> {'policy': 'policies', ...}."""
    return {t.key: getattr(t, attribute) for t in TYPES}
