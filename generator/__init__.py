"""kc — the Safety Knowledge Center static site generator."""
from importlib import import_module

__all__ = ["BuildFailed", "ConfigError", "Diagnostic", "Diagnostics", "Document", "Heading",
           "KcError", "Severity", "Site", "SiteConfig", "Team", "check", "load_config"]

# Each name is imported from its module on first use: the configuration models (pydantic)
# and the check pipeline are the heavy part of kc, and commands such as `kc search` need
# neither (`from generator import load_config` works as before).
_HOMES = {"SiteConfig": "config", "load_config": "config",
          "Diagnostic": "diagnostics", "Diagnostics": "diagnostics", "Severity": "diagnostics",
          "Document": "document", "Heading": "document", "Team": "document",
          "BuildFailed": "errors", "ConfigError": "errors", "KcError": "errors",
          "Site": "site", "check": "pipeline"}


def __getattr__(name: str):
    if name in _HOMES:
        value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
