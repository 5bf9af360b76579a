"""`coder --version`, `python -m coder`, and an example under every subcommand's help that parses."""
from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from coder import __version__
from coder.cli import EXAMPLES, parser

ROOT = Path(__file__).resolve().parent.parent
SUB = next(a for a in parser()._actions if a.__class__.__name__ == "_SubParsersAction")


def test_every_subcommand_has_an_example():
    assert set(SUB.choices) <= set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_parse_and_show_in_help(name):
    for line in EXAMPLES[name]:
        words = shlex.split(line)
        assert words[:2] == ["coder", name]
        args = parser().parse_args(words[1:])
        assert args.command == name
    assert EXAMPLES[name][0] in SUB.choices[name].format_help()


def test_python_dash_m_coder_and_version():
    done = subprocess.run([sys.executable, "-m", "coder", "--version"], cwd=ROOT, capture_output=True, text=True)
    # the checkout's source is never compiled (tests/test_compiled.py)
    assert done.returncode == 0 and done.stdout.strip() == f"coder {__version__} (pure Python)"
    done = subprocess.run([sys.executable, "-m", "coder", "describe", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "coder describe events" in done.stdout
