"""The exception tree of kc. Content problems are never exceptions: they are
:class:`~generator.diagnostics.Diagnostic` values collected on the site.

    KcError                 anything kc reports and exits on
    ├── ConfigError         site_config.yml missing or invalid, bad CLI values (exit 2)
    └── BuildFailed         the corpus has errors; carries the diagnostics (exit 1)
"""
from __future__ import annotations


class KcError(Exception):
    """Base class of every error kc raises on purpose."""


class ConfigError(KcError):
    """The site configuration or a command-line value is unusable."""


class BuildFailed(KcError):
    """A build refused to publish because the corpus has errors."""

    def __init__(self, diagnostics):
        self.diagnostics = diagnostics
        super().__init__(f"{diagnostics.error_count} error(s) in the content")
