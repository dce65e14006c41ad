"""Names every part of kc shares, in a module that imports nothing: the CLI and
`kc search` use them without loading the configuration models (pydantic)."""
DEFAULT_CONFIG = "site_config.yml"
CONTENT_TYPES = ("policy", "playbook", "training", "newsletter", "faq")
AUDIENCES = ("public", "internal", "restricted")
