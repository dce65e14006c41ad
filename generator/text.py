"""Text hygiene shared by every stage: control characters that no output may carry."""
from __future__ import annotations

import re

# C0 controls and DEL, except tab, line feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_character(text: str) -> str | None:
    """The first control character in text, or None."""
    match = CONTROL.search(text)
    return match.group(0) if match else None


def strip_controls(text: str) -> str:
    return CONTROL.sub("", text)
