"""How `kc search` shows an Outcome: rich text for people, JSON for scripts.

Each result: rank, type, title › section (and a deprecated badge), the URL, and a
one-line excerpt. Scores and the reasons for them only with --explain."""
from __future__ import annotations

import json

from rich.console import Console
from rich.text import Text

from generator import registry

from .results import Hit, Outcome

TYPE_LABELS = {**registry.table("name"), "team": "Team"}
EXCERPT_CHARS = 160     # one line of a wide terminal


def to_json(outcome: Outcome, explain: bool = False) -> str:
    return json.dumps(outcome.to_json(explain), ensure_ascii=False, indent=2)


def print_outcome(outcome: Outcome, console: Console, explain: bool = False) -> None:
    def say(text: Text) -> None:  # the terminal wraps, so URLs stay whole for copying
        console.print(text, soft_wrap=True)
    if outcome.corrected:
        say(Text.assemble("Showing results for ", (outcome.suggestion, "bold"),
                          " (no exact match for ", (outcome.query, "bold"), ")."))
    elif not outcome.results:
        say(Text.assemble("No results for ", (outcome.query, "bold"), "."))
    for rank, hit in enumerate(outcome.results, 1):
        say(hit_text(rank, hit, explain))
    if outcome.suggestion and not outcome.corrected:
        say(Text.assemble("Did you mean ", (outcome.suggestion, "bold"), "?"))


def hit_text(rank: int, hit: Hit, explain: bool = False) -> Text:
    heading = Text.assemble((f"{rank}. ", "bold"), (f"[{TYPE_LABELS.get(hit.type, hit.type)}] ", "cyan"),
                            (hit.title, "bold"))
    if hit.section:
        heading.append(f" › {hit.section}")
    if hit.status == "deprecated":
        heading.append("  deprecated", style="bold red")
    lines = [heading, Text("   ") + Text(hit.url, style="cyan"),
             Text("   ") + snippet_text(one_line(hit.snippet))]
    if explain:
        lines.append(Text(f"   score {hit.score:g}" + "".join(f" · {why}" for why in hit.why),
                          style="dim"))
    return Text("\n").join([*lines, Text("")])


def one_line(snippet: str) -> str:
    """The excerpt cut at a word to fit one line, keeping the highlighted words whole."""
    if len(snippet.replace("**", "")) <= EXCERPT_CHARS:
        return snippet
    cut, shown = 0, 0
    for index, char in enumerate(snippet):
        if char != "*":
            shown += 1
        if shown > EXCERPT_CHARS:
            cut = index
            break
    text = snippet[:cut].rsplit(" ", 1)[0]
    if text.count("**") % 2:
        text += "**"
    return text.rstrip(" …") + " …"


def snippet_text(snippet: str) -> Text:
    """'a **b** c' with b highlighted."""
    text = Text()
    for index, part in enumerate(snippet.split("**")):
        text.append(part, style="bold yellow" if index % 2 else None)
    return text
