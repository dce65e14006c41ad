"""kc — the Safety Knowledge Center static site generator."""
from .config import SiteConfig, load_config
from .diagnostics import Diagnostic, Diagnostics, Severity
from .document import Document, Heading, Team
from .errors import BuildFailed, ConfigError, KcError
from .site import Site

__all__ = ["BuildFailed", "ConfigError", "Diagnostic", "Diagnostics", "Document", "Heading",
           "KcError", "Severity", "Site", "SiteConfig", "Team", "check", "load_config"]


def __getattr__(name: str):
    """`generator.check` is imported on first use: the pipeline is the heavy part of kc, and
    commands such as `kc search` never run it."""
    if name == "check":
        from .pipeline import check
        return check
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
