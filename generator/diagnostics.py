"""Diagnostics are data: every stage appends them, the CLI prints them once."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum
from typing import Iterator

from .codes import CODES


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return {key: data[key] for key in ("path", "line", "column", "severity", "code", "message", "hint")}

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}[{self.code}] {self.message}"


class Diagnostics:
    """An append-only collection of diagnostics, sorted when read."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(self, code: str, path: str, line: int, column: int, message: str, hint: str | None = None,
            severity: str | None = None) -> None:
        """`severity` overrides the code's own, for codes site_config.yml may turn into errors."""
        severity = Severity(severity or CODES[code].severity)
        self._items.append(Diagnostic(path, max(line, 1), max(column, 1), code, severity, message, hint))

    def extend(self, other: "Diagnostics") -> None:
        self._items.extend(other._items)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(sorted(set(self._items)))

    def __len__(self) -> int:
        return len(set(self._items))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self if d.severity is Severity.WARNING]

    @property
    def error_count(self) -> int:
        return sum(1 for d in set(self._items) if d.severity is Severity.ERROR)

    @property
    def warning_count(self) -> int:
        return sum(1 for d in set(self._items) if d.severity is Severity.WARNING)

    def has_errors(self) -> bool:
        return self.error_count > 0
