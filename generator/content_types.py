"""The content contract: one schema per content type, and the references each
front-matter field may make. This module is where a type's rules live."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic_core import PydanticCustomError
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,63}$"
DocId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _version_text(value):
    """YAML reads `version: 2` as a number, which is still a fine version; but it reads
    `version: 1.10` as the float 1.1, silently changing it, so a float is refused."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        raise PydanticCustomError("version_number",
                                  "the version was read as the number {number}", {"number": value})
    return str(value) if isinstance(value, int) else value


Version = Annotated[str, BeforeValidator(_version_text)]
Status = Literal["draft", "active", "deprecated", "retired"]
Audience = Literal["public", "internal", "restricted"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class BaseDocument(Model):
    model_config = ConfigDict(extra="ignore")  # unknown keys become FM003 warnings instead
    id: DocId
    title: Text
    type: Literal["policy", "playbook", "training", "newsletter", "faq"] | None = None
    status: Status = "active"
    audience: Audience = "internal"
    owner: str | None = None
    tags: list[Text] = Field(default_factory=list)
    regions: list[Text] = Field(default_factory=list)
    created: date | None = None
    updated: date | None = None
    review_by: date | None = None
    summary: str | None = None
    aliases: list[Text] = Field(default_factory=list)   # old ids or addresses (generator/redirects.py)


class ChangelogEntry(Model):
    version: Version
    date: date
    summary: Text


class Policy(BaseDocument):
    owner: str
    version: Version
    effective: date
    supersedes: DocId | None = None
    changelog: list[ChangelogEntry] = Field(default_factory=list)


class Playbook(BaseDocument):
    owner: str
    policies: list[DocId] = Field(min_length=1)
    severity: Literal["sev1", "sev2", "sev3", "sev4"] | None = None
    escalate_to: list[str] = Field(default_factory=list)
    response_time: Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*[mhd]$")] | None = None


class QuizQuestion(Model):
    question: Text
    choices: list[Text] = Field(min_length=2)
    # the 0-based position of the right choice, or its text (less error-prone)
    answer: Annotated[int, Field(ge=0)] | Text
    explanation: Text | None = None   # shown after checking

    @field_validator("answer", mode="before")
    @classmethod
    def _not_a_yaml_boolean(cls, value):
        if isinstance(value, bool):   # unquoted yes/no/true/false: would silently become 1/0
            raise PydanticCustomError("answer_boolean", "the answer was read as {value}",
                                      {"value": str(value).lower()})
        return value

    @property
    def answer_index(self) -> int | None:
        """The right choice's position; None when `answer` names no listed choice."""
        if isinstance(self.answer, int):
            return self.answer if self.answer < len(self.choices) else None
        folded = [choice.casefold() for choice in self.choices]
        return folded.index(self.answer.casefold()) if self.answer.casefold() in folded else None


class Training(BaseDocument):
    owner: str
    policies: list[DocId] = Field(default_factory=list)
    prerequisites: list[DocId] = Field(default_factory=list)
    duration_minutes: int | None = Field(default=None, gt=0)
    objectives: list[Text] = Field(default_factory=list)
    quiz: list[QuizQuestion] = Field(default_factory=list)


class Newsletter(BaseDocument):
    date: date
    highlights: list[DocId] = Field(default_factory=list)


class Faq(BaseDocument):
    policies: list[DocId] = Field(default_factory=list)


SCHEMAS: dict[str, type[BaseDocument]] = {
    "policy": Policy,
    "playbook": Playbook,
    "training": Training,
    "newsletter": Newsletter,
    "faq": Faq,
}

# field -> the document types it may reference (None: any type)
REFERENCE_FIELDS: dict[str, dict[str, tuple[str, ...] | None]] = {
    "policy": {"supersedes": ("policy",)},
    "playbook": {"policies": ("policy",)},
    "training": {"policies": ("policy",), "prerequisites": ("training",)},
    "newsletter": {"highlights": None},
    "faq": {"policies": ("policy",)},
}

# fields that name teams from teams.yml
TEAM_FIELDS: tuple[str, ...] = ("owner", "escalate_to")

# fields whose references form a chain that must not loop
ACYCLIC_FIELDS: tuple[str, ...] = ("prerequisites", "supersedes")


def known_fields(doc_type: str) -> set[str]:
    return set(SCHEMAS[doc_type].model_fields)
