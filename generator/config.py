"""site_config.yml: the site's settings, validated strictly."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError

DEFAULT_CONFIG = "site_config.yml"
CONTENT_TYPES = ("policy", "playbook", "training", "newsletter", "faq")
AUDIENCES = ("public", "internal", "restricted")
Audience = Literal["public", "internal", "restricted"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DigestSettings(Strict):
    title: str = "Safety Knowledge Center digest"
    sender: str = "Trust & Safety Program Management"
    audience: Audience = "internal"
    sections: list[str] = Field(default_factory=lambda: [
        "newsletters", "policies", "playbooks", "training", "faqs", "reviews"])
    footer: str = ""


class SearchSettings(Strict):
    synonyms: dict[str, list[str]] = Field(default_factory=dict)


class SiteConfig(Strict):
    title: str
    description: str = ""
    base_url: str = "/"
    content_dir: str = "content"
    output_dir: str = "site"
    theme: str = "default"
    themes_dir: str = "themes"
    repo_url: str | None = None
    edit_uri: str = "edit/main/"
    language: str = "en"
    nav: list[Literal["policy", "playbook", "training", "newsletter", "faq"]] = Field(
        default_factory=lambda: list(CONTENT_TYPES))
    digest: DigestSettings = Field(default_factory=DigestSettings)
    search: SearchSettings = Field(default_factory=SearchSettings)

    # Set by load_config, not by the file: the folder that holds site_config.yml.
    root: Path = Field(default=Path("."), exclude=True)

    @field_validator("base_url")
    @classmethod
    def _base_url_ends_with_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def output_path(self) -> Path:
        return self.root / self.output_dir

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, e.g. '/' or '/kc/'."""
        from urllib.parse import urlsplit
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"


def load_config(path: str | Path = DEFAULT_CONFIG) -> SiteConfig:
    """Read and validate a site_config.yml, or raise ConfigError saying what to fix."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(
            f"{path}: no site configuration found. Run kc from the folder that holds "
            f"site_config.yml, or pass --config PATH.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the file is not UTF-8 text; re-save it as UTF-8.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ConfigError(f"{where}: malformed YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings such as `title: My site`.")
    try:
        config = SiteConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise ConfigError(f"{path}: invalid site configuration: {problems}") from exc
    config.root = path.resolve().parent
    return config
