"""The `kc` command line. Exit codes: 0 clean, 1 content errors, 2 usage/config errors."""
from __future__ import annotations

import sys

import click
from rich.console import Console

from . import pipeline, report
from .config import DEFAULT_CONFIG, load_config
from .errors import KcError

CONFIG_OPTION = click.option("--config", "config_path", default=DEFAULT_CONFIG, show_default=True,
                             type=click.Path(dir_okay=False), help="The site's site_config.yml.")


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


def fail(error: KcError, code: int = 2) -> None:
    console(stderr=True).print(f"kc: error: {error}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kc")
def main() -> None:
    """kc: build and check the Safety Knowledge Center."""


@main.command()
@CONFIG_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text",
              show_default=True, help="Output format for the diagnostics.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
def check(config_path: str, fmt: str, strict: bool) -> None:
    """Validate every document and cross-reference; report all problems at once."""
    try:
        site = pipeline.check(load_config(config_path))
    except KcError as error:
        fail(error)
    diags, count = site.diagnostics, len(site.documents)
    if fmt == "json":
        click.echo(report.to_json(diags, count))
    elif fmt == "sarif":
        click.echo(report.to_sarif(diags))
    else:
        report.print_text(diags, count, console())
    if diags.has_errors() or (strict and diags.warning_count):
        sys.exit(1)


if __name__ == "__main__":
    main()
