"""The shape of the code (DESIGN.md): stages import the shared model, language profiles, lexicon
and span helpers, never each other; only the pipeline wires them; every CLI command is documented."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from coder.cli import parser

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "coder"
SHARED = ("coder.model", "coder.lang", "coder.lexicon", "coder.spans", "coder.cameo", "coder.tables",
          "coder.manifest", "coder.seen", "coder")
# manifest: the output tables' commit record, read by sinks and query; seen: the flat index of ids
# that the reader (duplicate ids) and the writer (committed documents) keep
STAGES = {"recognise": PKG / "recognise", "rules": PKG / "rules", "geo": PKG / "geo",
          "dates": PKG / "dates.py", "quantities": PKG / "quantities", "ingest": PKG / "ingest.py",
          "sinks": PKG / "sinks.py", "syntax": PKG / "syntax"}


def _modules(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.rglob("*.py"))
    if path.exists():
        return [path]
    alt = path.with_suffix("")
    return sorted(alt.rglob("*.py")) if alt.is_dir() else [path.with_suffix(".py")] if path.with_suffix(".py").exists() else []


def _coder_imports(py: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("coder"):
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("coder"))
    return names


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stages_do_not_import_each_other(stage):
    own = f"coder.{stage}"
    for py in _modules(STAGES[stage]):
        for name in _coder_imports(py):
            allowed = name == own or name.startswith(own + ".") or name == "coder" or any(
                name == s or name.startswith(s + ".") for s in SHARED[:-1])
            assert allowed, f"{py.relative_to(ROOT)} imports {name}: stages meet only in coder/pipeline.py"


def test_modules_stay_small():
    big = [f"{p.relative_to(ROOT)} ({n} lines)" for p in PKG.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600]
    assert not big, "split these modules: " + ", ".join(big)


def test_every_cli_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in sub.choices:
        assert re.search(rf"coder {name}\b", readme), f"README.md does not show `coder {name}`"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command in readme, f"README.md must give the test command that .ci/run runs: {command}"
