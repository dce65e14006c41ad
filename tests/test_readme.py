"""The README is the user's manual: it must stay true to the code."""
import re

from generator.codes import CODES

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_diagnostic_code_is_documented_with_its_fix():
    for code, info in CODES.items():
        assert f"| `{code}` | {info.severity} | {info.title} | {info.fix} |" in README, code


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_quick_start_is_two_commands_that_work_in_a_virtual_environment():
    install_and_build, install_and_test = quick_start_commands()
    for command in (install_and_build, install_and_test):
        assert "\n" not in command
        # Debian/Ubuntu's Python refuses a bare `pip install` (externally-managed-environment):
        # the commands create a venv (python3-venv provides it) and only use its pip.
        assert "apt-get install -y python3-venv" in command
        assert "python3 -m venv .venv" in command
        assert not re.search(r"(^|&& )pip ", command), command
    assert install_and_build.endswith(".venv/bin/pip install -e . && .venv/bin/kc build")
    assert "chromium chromium-driver" in install_and_test
    assert install_and_test.endswith(".venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest")


def test_ci_runs_exactly_the_readme_test_command_and_fails_when_it_fails():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last_line = ci.strip().splitlines()[-1]
    assert last_line == quick_start_commands()[1]
    # errexit: any failing step fails CI, including pytest's exit 5 (no tests collected)
    assert "set -euo pipefail" in ci and "|| true" not in ci
    assert "--extra test" not in ci and "-m \"not browser\"" not in ci


def test_every_command_is_in_the_commands_table():
    from generator.cli import main
    table = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    for name in main.commands:
        assert f"| `kc {name}" in table, name
