"""How `kc search` shows an Outcome: rich text for people, JSON for scripts."""
from __future__ import annotations

import json

from rich.console import Console
from rich.text import Text

from .query import Hit, Outcome

TYPE_LABELS = {"policy": "Policy", "playbook": "Playbook", "training": "Training",
               "newsletter": "Newsletter", "faq": "FAQ"}


def to_json(outcome: Outcome) -> str:
    return json.dumps(outcome.to_json(), ensure_ascii=False, indent=2)


def print_outcome(outcome: Outcome, console: Console) -> None:
    def say(text: Text) -> None:  # the terminal wraps, so URLs stay whole for copying
        console.print(text, soft_wrap=True)
    if outcome.corrected:
        say(Text.assemble("Showing results for ", (outcome.suggestion, "bold"),
                          " (no exact match for ", (outcome.query, "bold"), ")."))
    elif not outcome.results:
        say(Text.assemble("No results for ", (outcome.query, "bold"), "."))
    for rank, hit in enumerate(outcome.results, 1):
        say(hit_text(rank, hit))
    if outcome.suggestion and not outcome.corrected:
        say(Text.assemble("Did you mean ", (outcome.suggestion, "bold"), "?"))


def hit_text(rank: int, hit: Hit) -> Text:
    heading = Text.assemble((f"{rank}. ", "bold"), (hit.title, "bold"))
    if hit.section:
        heading.append(f" › {hit.section}")
    heading.append(f"  [{TYPE_LABELS.get(hit.type, hit.type)} · score {hit.score:g}]", style="dim")
    url = Text(hit.url, style="cyan")
    return Text("\n").join([heading, Text("   ") + url, Text("   ") + snippet_text(hit.snippet),
                            Text("")])


def snippet_text(snippet: str) -> Text:
    """'a **b** c' with b highlighted."""
    text = Text()
    for index, part in enumerate(snippet.split("**")):
        text.append(part, style="bold yellow" if index % 2 else None)
    return text
