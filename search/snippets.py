"""A one-line excerpt of a section around the words a query matched, with those
words wrapped in **double asterisks** (readable in a terminal, Markdown and chat)."""
from __future__ import annotations

import re
from typing import Callable

from .results import SNIPPET_CHARS, lead

TOKEN = re.compile(r"[^\W_]+")
CONTEXT = 70          # characters shown before the first matched word


def highlight(text: str, stems: set[str], stem_of: Callable[[str], str]) -> str:
    text = " ".join(text.split())
    found = [(m.start(), m.end()) for m in TOKEN.finditer(text) if stem_of(m.group()) in stems]
    if not found:
        return lead(text)
    def covered(i: int) -> int:
        return sum(1 for start, end in found[i:] if end <= found[i][0] + SNIPPET_CHARS - CONTEXT)
    first = max(range(len(found)), key=lambda i: (covered(i), -i))
    start = text.rfind(" ", 0, max(0, found[first][0] - CONTEXT)) + 1 if found[first][0] > CONTEXT else 0
    end = len(text) if len(text) - start <= SNIPPET_CHARS else \
        text.rfind(" ", start, start + SNIPPET_CHARS) if " " in text[start:start + SNIPPET_CHARS] \
        else start + SNIPPET_CHARS
    pieces, at = [], start
    for begin, finish in found:
        if begin >= start and finish <= end:
            pieces += [text[at:begin], f"**{text[begin:finish]}**"]
            at = finish
    pieces.append(text[at:end])
    return ("… " if start else "") + "".join(pieces) + (" …" if end < len(text) else "")
