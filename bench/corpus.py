"""Generate a large, valid synthetic knowledge center for benchmarks.

    python bench/corpus.py OUT_DIR --docs 10000

writes OUT_DIR/site_config.yml and OUT_DIR/content/ with all five content types in
realistic proportions, cross-references between them, and varied vocabulary, so that
`kc check` is clean and search has something to find. Deterministic for a given N.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

SHARES = [("policy", "policies", 0.15), ("playbook", "playbooks", 0.10), ("training", "training", 0.10),
          ("newsletter", "newsletters", 0.05), ("faq", "faqs", 0.60)]
TOPICS = ["harassment", "hate speech", "spam", "impersonation", "self-harm", "misinformation",
          "live streaming", "account takeover", "minor safety", "extremism", "doxxing", "scams",
          "fake engagement", "graphic violence", "bullying", "appeals", "privacy", "threats"]
WORDS = ("report review escalate remove restrict label warn suspend appeal evidence context intent "
         "severity repeat violation account content user moderator queue policy exception region "
         "creator stream comment message profile network coordinated behaviour signal "
         "classifier threshold sample audit quality response time partner law enforcement").split()
TEAMS = ["policy", "escalations", "integrity", "support", "training"]
REGIONS = ["global", "eu", "us", "apac", "latam", "uk"]


def sentence(rng: random.Random, topic: str) -> str:
    words = rng.sample(WORDS, 9)
    return f"{words[0].capitalize()} {' '.join(words[1:4])} {topic} {' '.join(words[4:])}."


def body(rng: random.Random, topic: str, refs: list[str]) -> str:
    parts = []
    for heading in ("Summary", "Details", "Enforcement", "Examples"):
        text = " ".join(sentence(rng, topic) for _ in range(rng.randint(3, 6)))
        parts.append(f"## {heading}\n\n{text}\n")
    if refs:
        parts.append("## Related\n\n" + "\n".join(f"- [[{ref}#enforcement]]" for ref in refs) + "\n")
    parts.append("| Signal | Action |\n|---|---|\n| first | warn |\n| repeat | suspend |\n")
    return "\n".join(parts)


def front(doc_type: str, doc_id: str, index: int, rng: random.Random, ids: dict[str, list[str]]) -> str:
    topic = TOPICS[index % len(TOPICS)]
    lines = [f"id: {doc_id}", f"title: {topic.title()} {doc_type} {index}",
             "audience: internal", f"owner: {rng.choice(TEAMS)}",
             f"tags: [{topic.replace(' ', '-')}, {rng.choice(TOPICS).replace(' ', '-')}]",
             f"regions: [{rng.choice(REGIONS)}]", f"updated: 2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
             "review_by: 2027-06-30", f"summary: How moderators handle {topic} cases."]
    policies = ids["policy"][: max(1, index % 7)] if ids["policy"] else []
    if doc_type == "policy":
        lines += ["version: '1.0'", "effective: 2026-01-15"]
    elif doc_type == "playbook":
        lines += [f"policies: [{', '.join(policies[:2])}]", f"severity: sev{rng.randint(1, 4)}",
                  "escalate_to: [escalations]", f"response_time: {rng.randint(1, 24)}h"]
    elif doc_type == "training":
        prereq = ids["training"][index - 1: index] if index % 5 else []  # paths of five modules
        lines += [f"policies: [{', '.join(policies[:2])}]", f"prerequisites: [{', '.join(prereq)}]",
                  "duration_minutes: 30", "objectives: [Recognise violations, Apply the policy]",
                  "quiz:", "  - question: Which action comes first?",
                  "    choices: [Warn, Suspend, Ignore]", "    answer: 0"]
    elif doc_type == "newsletter":
        lines += [f"date: 2026-{index % 11 + 1:02d}-{index % 27 + 1:02d}",
                  f"highlights: [{', '.join(policies[:3])}]"]
    else:
        lines += [f"policies: [{', '.join(policies[:2])}]"]
    return "\n".join(lines)


def generate(out: Path, docs: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "site_config.yml").write_text("title: Bench KC\nbase_url: https://kc.example.com/\n")
    content = out / "content"
    (content).mkdir(exist_ok=True)
    (content / "teams.yml").write_text("".join(
        f"{team}:\n  name: {team.title()} team\n  contact: {team}@example.com\n" for team in TEAMS))
    ids: dict[str, list[str]] = {doc_type: [] for doc_type, _, _ in SHARES}
    for doc_type, folder, share in SHARES:  # policies first, so others can reference them
        (content / folder).mkdir(exist_ok=True)
        for index in range(max(1, int(docs * share))):
            doc_id = f"{doc_type}-{index:05d}"
            refs = ids["policy"][index % 5: index % 5 + 2] if doc_type != "policy" else []
            text = f"---\n{front(doc_type, doc_id, index, rng, ids)}\n---\n{body(rng, TOPICS[index % len(TOPICS)], refs)}"
            (content / folder / f"{doc_id}.md").write_text(text)
            ids[doc_type].append(doc_id)
    return out / "site_config.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    print(generate(args.out, args.docs))


if __name__ == "__main__":
    main()
