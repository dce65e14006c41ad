"""YAML for front matter and mkdocs.yml, written with libyaml when it is there (the pure
Python emitter took over a second per 1,000 pages)."""
from __future__ import annotations

import yaml

BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Dumper(BaseDumper):  # type: ignore[misc, valid-type]
    """Multi-line text (mkdocs.yml's not_in_nav patterns) as a `|` block, one item a line."""


Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def dump(data) -> str:
    return yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=1000)
