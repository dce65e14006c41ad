"""The README is the user's manual: it must stay true to the code."""
from generator.codes import CODES

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_diagnostic_code_is_documented_with_its_fix():
    for code, info in CODES.items():
        assert f"| `{code}` | {info.severity} | {info.title} | {info.fix} |" in README, code


def test_quick_start_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && pytest" in README
    assert "pip install -q -e '.[test]' && pytest" in ci
