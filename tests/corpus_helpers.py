"""Small valid documents to build test corpora from, one edit away from each diagnostic."""
from __future__ import annotations

TEAMS = """\
policy:
  name: Trust & Safety Policy
  contact: policy@example.com
escalations:
  name: Escalations
  contact: "#ts-escalations"
"""


def doc(front: str, body: str = "Some text.\n") -> str:
    return f"---\n{front.strip()}\n---\n{body}"


def policy(id_: str, extra: str = "", body: str = "## Enforcement\n\nText.\n") -> str:
    return doc(f"id: {id_}\ntitle: Policy {id_}\nowner: policy\nversion: '1.0'\n"
               f"effective: 2026-01-01\naudience: public\n{extra}", body)


def base_corpus() -> dict[str, str]:
    return {
        "content/teams.yml": TEAMS,
        "content/policies/spam.md": policy("spam"),
        "content/policies/hate-speech.md": policy("hate-speech"),
    }
