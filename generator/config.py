"""site_config.yml: the site's settings, validated strictly."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from .content_names import AUDIENCES, CONTENT_TYPES, DEFAULT_CONFIG  # noqa: F401 (shared names)
from .errors import ConfigError
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
    # tantivy (default, fast) or whoosh (pure Python, the original design): see docs/search.md
    engine: Literal["tantivy", "whoosh"] = "tantivy"
    # added to kc's default Trust & Safety synonyms (search/synonyms.py)
    synonyms: dict[str, list[str]] = Field(default_factory=dict)


Duration = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*[mhd]$")]


class HealthSettings(Strict):
    """`kc report` and the Health page (see docs/health.md)."""
    # the slowest response_time allowed per playbook severity, e.g. {sev1: 1h, sev2: 4h}
    response_limits: dict[Literal["sev1", "sev2", "sev3", "sev4"], Duration] = Field(default_factory=dict)
    review_window_days: int = Field(default=30, ge=0, le=3650)   # "review due soon" horizon


class LifecycleSettings(Strict):
    """Retraining triggers (LIFE001, LIFE002): warnings, or errors for CI."""
    retraining: Literal["warning", "error"] = "warning"


class FrontMatterSettings(Strict):
    """Front matter a repository already has that kc does not use (see README "site_config.yml")."""
    ignore: list[str] = Field(default_factory=list)      # fields accepted without FM003, e.g. [layout, permalink]
    map: dict[str, str] = Field(default_factory=dict)    # field -> kc field it means, e.g. {description: summary}


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
    edit_links: list[Audience] = Field(default_factory=lambda: ["internal", "restricted"])   # builds with "Edit source"
    review_dates: list[Audience] = Field(default_factory=lambda: ["internal", "restricted"])  # builds showing "Review by"
    max_file_mb: float = Field(default=5, gt=0)   # larger content files are refused (LOAD006)
    nav: list[Literal["policy", "playbook", "training", "newsletter", "faq"]] = Field(
        default_factory=lambda: list(CONTENT_TYPES))
    digest: DigestSettings = Field(default_factory=DigestSettings)
    search: SearchSettings = Field(default_factory=SearchSettings)
    health: HealthSettings = Field(default_factory=HealthSettings)
    lifecycle: LifecycleSettings = Field(default_factory=LifecycleSettings)
    front_matter: FrontMatterSettings = Field(default_factory=FrontMatterSettings)

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
    from .frontmatter_yaml import parse
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the file is not UTF-8 text; re-save it as UTF-8.") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    parsed = parse(text, 1)   # duplicate settings and YAML aliases are errors, like in content
    if parsed.error:
        line, column, problem = parsed.error
        fix = f" ({parsed.hint})" if parsed.hint else ""
        raise ConfigError(f"{path}:{line}:{column}: "
                          f"{problem if parsed.hint else 'malformed YAML: ' + problem}{fix}")
    data = parsed.data
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings such as `title: My site`.")
    try:
        config = SiteConfig.model_validate(data)
    except ValidationError as exc:
        positions = parsed.positions
        problems = []
        for err in exc.errors():
            line, column = positions.get(tuple(err["loc"]), (1, 1))
            problems.append(f"{path}:{line}:{column}: {describe_problem(err)}")
        raise ConfigError("invalid site configuration:\n" + "\n".join(problems)) from exc
    config.root = path.resolve().parent
    return config


# Words people use for a setting, by the setting's real name (difflib alone misses these).
SETTING_ALIASES = {"navigation": "nav", "menu": "nav", "sections": "nav", "url": "base_url",
                   "baseurl": "base_url", "site_url": "base_url", "name": "title",
                   "site_title": "title", "output": "output_dir", "public_dir": "output_dir",
                   "content": "content_dir", "repo": "repo_url", "repository": "repo_url",
                   "lang": "language", "themes": "theme"}


def describe_problem(error: dict) -> str:
    """One pydantic error about site_config.yml in words, with a did-you-mean for unknown settings."""
    loc = [str(part) for part in error["loc"]]
    where = ".".join(loc)
    if error["type"] != "extra_forbidden":
        return f"{where}: {error['msg']}"
    from .suggest import closest
    model: type[BaseModel] = SiteConfig
    for part in loc[:-1]:   # the section the unknown key is in (digest, search)
        annotation = model.model_fields[part].annotation if part in model.model_fields else None
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else model
    known = [name for name in model.model_fields if name != "root"]
    key = loc[-1]
    guess = SETTING_ALIASES.get(key.lower()) if model is SiteConfig else None
    guess = guess or closest(key, known) or next((k for k in known if k.startswith(key) or key.startswith(k)), None)
    if guess:
        return f"unknown setting `{where}`; did you mean `{guess}`?"
    return f"unknown setting `{where}`; the settings are: {', '.join(known)}"

