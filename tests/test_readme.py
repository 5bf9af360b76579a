"""Every command of the README's `sh` blocks and every query of its `sql` blocks runs.

Commands run in a scratch folder that links the repository's inputs (examples/, tests/ ...), so they
write their outputs there; `pip install` and the test-suite command itself are not rerun. Synopsis
lines (`[--option]`, `INPUT...`) are not commands. Queries run through `coder query` over a dataset
coded from sentences written for the tests."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from coder.cli import main
from sample_dataset import make_dataset

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
LINKED = ("examples", "tests", "schemas", "benchmarks", "gazetteer", "coder")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, flags=re.S | re.M)


def is_synopsis(line: str) -> bool:
    """`coder query "SQL" --data DIR [--format ...]`: options in brackets, or a placeholder in capitals
    outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", line)
    return "..." in line or " [" in unquoted or re.search(r"\b[A-Z]{2,}\b", unquoted) is not None


def commands() -> list[str]:
    """The command lines of the sh blocks, without their `pip install` and test-suite steps."""
    out = []
    for block in blocks("sh"):
        for line in block.splitlines():
            line = line.strip()
            if not line or line.startswith("#") or is_synopsis(line):
                continue
            # installing, and this very test suite, are not rerun
            parts = [p.strip() for p in line.split(" && ")
                     if not p.strip().startswith(("pip install", "python -m pytest"))]
            if parts:
                out.append(" && ".join(parts))
    return out


def queries() -> list[str]:
    return [s.query for block in blocks("sql") for s in duckdb.extract_statements(block)]


def test_the_readme_has_commands_and_queries():
    assert any(c.startswith("coder report") for c in commands())
    assert any(c.startswith("coder code") for c in commands())
    assert any("distance_km" in q for q in queries()) and any("join cameo" in q for q in queries())


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    work = tmp_path_factory.mktemp("readme")
    for name in LINKED:
        (work / name).symlink_to(ROOT / name)
    return work


def test_readme_commands_run_in_order(workdir):
    """In README order (later commands read what the quick start wrote), by bash, with `coder` and
    `python` being this checkout's."""
    shims = workdir / "bin"
    shims.mkdir(exist_ok=True)
    (shims / "coder").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m coder "$@"\n', encoding="utf-8")
    (shims / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    for shim in shims.iterdir():
        shim.chmod(0o755)
    env = dict(os.environ, PATH=f"{shims}{os.pathsep}{os.environ['PATH']}",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for command in commands():
        done = subprocess.run(["bash", "-c", f"set -eo pipefail; {command}"], cwd=workdir, env=env,
                              capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, (
            f"README command failed: {command}\n{done.stderr[-3000:]}\n(README commands must run from the "
            "repository root; write a synopsis with CAPITAL placeholders or [options] instead)")
    assert (workdir / "outputs" / "report.html").stat().st_size > 1_000_000


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return make_dataset(tmp_path_factory.mktemp("readme-sql"))


def test_readme_queries_run(data, capsys):
    empty = []
    for sql in queries():
        assert main(["query", sql, "--data", str(data), "--format", "csv"]) == 0, sql
        out = capsys.readouterr().out.splitlines()
        if len(out) < 2:
            empty.append(sql)
    # the sample dataset is made to give rows for the cookbook; a query that names one example document may not
    assert len(empty) <= 1, empty
