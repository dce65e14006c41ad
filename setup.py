"""Packaging hook: the wheel carries kc's built-in themes as generator/themes/.

themes/ at the top of the checkout stays the one source (themes are edited there,
and a checkout or editable install reads them there); a regular (non-editable)
build copies it into the package so an installed wheel finds its default theme.
Everything else is declared in pyproject.toml.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithThemes(build_py):
    def run(self):
        super().run()
        if not self.editable_mode:
            shutil.copytree(Path(__file__).parent / "themes", Path(self.build_lib) / "generator" / "themes",
                            dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithThemes})
