"""The newsletter archive: newsletters grouped by year and month, newest first.

For the archive page template: pass the newsletters published in the build
(generator.audience.published(...) filtered to type 'newsletter'); each Month
carries a display name and the Documents, newest first.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Iterable

from ..document import Document

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass
class Month:
    year: int
    month: int
    newsletters: list[Document]

    @property
    def name(self) -> str:
        return MONTHS[self.month - 1]


@dataclass
class Year:
    year: int
    months: list[Month]


def newsletter_archive(newsletters: Iterable[Document]) -> list[Year]:
    ordered = sorted((doc for doc in newsletters if doc.type == "newsletter" and doc.valid),
                     key=lambda d: (d.get("date"), d.id), reverse=True)
    years = []
    for year, in_year in groupby(ordered, key=lambda d: d.get("date").year):
        months = [Month(year, month, list(docs))
                  for month, docs in groupby(in_year, key=lambda d: d.get("date").month)]
        years.append(Year(year, months))
    return years
