"""What a health check finds: findings, coverage rows and the summary."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

# kind -> (category, severity, what to do); the order is the report's order
KINDS: dict[str, tuple[str, str]] = {
    "no-playbook": ("coverage", "warning"),
    "no-training": ("coverage", "info"),
    "no-faq": ("coverage", "info"),
    "region-uncovered": ("coverage", "warning"),
    "review-overdue": ("staleness", "warning"),
    "review-due": ("staleness", "info"),
    "outdated-citation": ("staleness", "warning"),
    "double-supersede": ("inconsistency", "warning"),
    "cites-retired": ("inconsistency", "warning"),
    "slow-response": ("inconsistency", "warning"),
    "tag-variants": ("inconsistency", "info"),
    "idle-team": ("inconsistency", "info"),
    "missing-contact": ("inconsistency", "warning"),
    "orphan": ("orphan", "info"),
}
CATEGORIES = ("coverage", "staleness", "inconsistency", "orphan")
CATEGORY_TITLES = {"coverage": "Coverage", "staleness": "Staleness",
                   "inconsistency": "Inconsistencies", "orphan": "Orphans"}
KIND_TITLES = {
    "no-playbook": "Policies without an escalation playbook",
    "no-training": "Policies without a training module",
    "no-faq": "Policies without an FAQ",
    "region-uncovered": "Policy regions no playbook covers",
    "review-overdue": "Reviews overdue",
    "review-due": "Reviews due soon",
    "outdated-citation": "Older than the policy version they cite",
    "double-supersede": "Two documents supersede the same policy",
    "cites-retired": "Active documents citing retired or deprecated ones",
    "slow-response": "Playbook response times above the limit",
    "tag-variants": "One tag spelt several ways",
    "idle-team": "Teams that own nothing",
    "missing-contact": "Owners without contact details",
    "orphan": "Documents nothing links to",
}
NO_OWNER = "(no owner)"


@dataclass
class Finding:
    kind: str
    ids: list[str]                 # the documents (or team ids, for team findings) involved
    owner: str | None              # the team that should act
    message: str
    hint: str
    regions: tuple[str, ...] = ()  # regions of the documents involved, for --region
    due: date | None = None        # review findings: the review date

    @property
    def category(self) -> str:
        return KINDS[self.kind][0]

    @property
    def severity(self) -> str:
        return KINDS[self.kind][1]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "severity": self.severity, "ids": list(self.ids),
                "owner": self.owner, "message": self.message, "hint": self.hint}


@dataclass
class CoverageRow:
    policy: str
    title: str
    owner: str | None
    regions: list[str]
    playbooks: list[str] = field(default_factory=list)   # ids of active documents citing it
    training: list[str] = field(default_factory=list)
    faqs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"policy": self.policy, "title": self.title, "owner": self.owner,
                "regions": list(self.regions), "playbooks": list(self.playbooks),
                "training": list(self.training), "faqs": list(self.faqs)}


@dataclass
class Review:
    id: str
    title: str
    type: str
    owner: str | None
    review_by: date
    regions: tuple[str, ...] = ()


@dataclass
class Health:
    today: date
    documents: int                  # valid documents analysed
    skipped: int                    # documents left out because they do not validate
    review_window_days: int
    findings: list[Finding]
    coverage: list[CoverageRow]
    teams: dict[str, str]           # team id -> name, every team in teams.yml
    reviews: list[Review] = field(default_factory=list)   # active documents to review within 90 days
    types: dict[str, str] = field(default_factory=dict)   # document id -> type, for links

    def only(self, owner: str | None = None, region: str | None = None) -> "Health":
        """The findings and coverage rows of one owner team and/or one region."""
        wanted = region.casefold() if region else None

        def keep(row_owner, regions) -> bool:
            return (owner is None or row_owner == owner) and \
                (wanted is None or wanted in {r.casefold() for r in regions})
        return Health(self.today, self.documents, self.skipped, self.review_window_days,
                      [f for f in self.findings if keep(f.owner, f.regions)],
                      [c for c in self.coverage if keep(c.owner, c.regions)], self.teams,
                      [r for r in self.reviews if keep(r.owner, r.regions)], self.types)

    def summary(self) -> dict:
        return {"documents": self.documents, "skipped_invalid": self.skipped,
                "today": self.today.isoformat(), "review_window_days": self.review_window_days,
                "findings": len(self.findings),
                "by_kind": dict(Counter(f.kind for f in self.findings)),
                "by_category": dict(Counter(f.category for f in self.findings)),
                "by_severity": dict(Counter(f.severity for f in self.findings)),
                "by_owner": dict(sorted(Counter(f.owner or NO_OWNER for f in self.findings).items())),
                "policies": len(self.coverage)}

    def to_dict(self) -> dict:
        return {"findings": [f.to_dict() for f in self.findings],
                "coverage": [c.to_dict() for c in self.coverage],
                "summary": self.summary()}
