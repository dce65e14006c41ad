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
    """A valid public policy; fields in `extra` replace the defaults (a key given twice is an error)."""
    defaults = {"id": id_, "title": f"Policy {id_}", "owner": "policy", "version": "'1.0'",
                "effective": "2026-01-01", "audience": "public"}
    overridden = {line.split(":", 1)[0] for line in extra.splitlines() if ":" in line}
    front = "".join(f"{key}: {value}\n" for key, value in defaults.items() if key not in overridden)
    return doc(front + extra, body)


def base_corpus() -> dict[str, str]:
    return {
        "content/teams.yml": TEAMS,
        "content/policies/spam.md": policy("spam"),
        "content/policies/hate-speech.md": policy("hate-speech"),
    }
