"""kc — the Safety Knowledge Center static site generator."""
from .config import SiteConfig, load_config
from .diagnostics import Diagnostic, Diagnostics, Severity
from .document import Document, Heading, Team
from .errors import BuildFailed, ConfigError, KcError
from .pipeline import check
from .site import Site

__all__ = ["BuildFailed", "ConfigError", "Diagnostic", "Diagnostics", "Document", "Heading",
           "KcError", "Severity", "Site", "SiteConfig", "Team", "check", "load_config"]
