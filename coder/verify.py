"""`coder verify`: check a dataset against its commit record and say what is (or would be) repaired.

Checked: the manifest reads; a commit that a kill interrupted; every committed part (present, a
regular file, its size, checksum, row count and columns); files in the table folders that the
manifest does not list. With repair=True the dataset is opened for writing, which finishes the
interrupted commit and sets damaged and stray files aside in DIR/.quarantine (the documents of a
damaged part are coded again by the next run); nothing is deleted that the dataset did not write.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from coder import manifest as mf
from coder.tables import TABLES, schema


def problems(root: Path) -> list[str]:
    """What is wrong with the dataset at root, one line each; empty if it is healthy."""
    found: list[str] = []
    try:
        data = mf.load(root)
    except mf.ManifestFormatError as e:
        raise ValueError(str(e)) from None
    except mf.ManifestError as e:
        return [f"{e}: would be set aside and the committed files listed anew"]
    if data is None:
        return ["no manifest (a dataset of an earlier coder, or the manifest was lost): the committed files "
                "would be listed anew"]
    staged = mf.pending_dir(root, data)
    if staged is not None and staged.is_dir():
        found.append(f"commit {data.get('commit')} was interrupted before all its files moved into place: "
                     "it would be finished")
    for table in TABLES:
        folder = root / table
        if folder.is_symlink() or not folder.is_dir():
            found.append(f"{table}/ is missing or not a plain folder")
    for table, name, problem in mf.failed_parts(root, data, {t: schema(t) for t in TABLES}):
        whose = "its rejects are recorded again when their input is read again" if table == "rejects" \
            else "it would be set aside with the other parts of its number, whose documents the next run codes again"
        found.append(f"{table}/{name}: {problem}; {whose}")
    for path in mf.strays(root, data, TABLES):
        found.append(f"{path.relative_to(root)}: not in the manifest; would be moved to {mf.QUARANTINE}/")
    return found


def verify(data_dir: str, repair: bool = False) -> tuple[list[str], bool]:
    """(report lines, healthy before any repair)."""
    root = Path(data_dir)
    if not root.is_dir() or not any((root / t).exists() for t in TABLES):
        raise ValueError(f"no dataset at {data_dir}: pass the folder given to `coder code --out`")
    with _no_writer(root):
        found = problems(root)
    if not found:
        total = _counts(root)
        return [f"{data_dir}: healthy ({total})"], True
    if not repair:
        return [f"{data_dir}: {len(found)} problem(s) found; `coder verify --data {data_dir} --repair` "
                "would repair them:", *(f"  {p}" for p in found)], False
    from coder.pipeline import versions
    from coder.sinks import DatasetWriter
    v = versions()
    with DatasetWriter(root, v["coder_version"], v["lexicon_version"]) as w:
        repaired = list(w.warnings)
    left = problems(root)
    lines = [f"{data_dir}: {len(found)} problem(s) found, repaired:", *(f"  {r}" for r in repaired)]
    if left:
        lines += ["still wrong:", *(f"  {p}" for p in left)]
    return lines, False


@contextmanager
def _no_writer(root: Path):
    """Hold the dataset's lock while checking: a run writing meanwhile would change parts under the check."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover
        yield
        return
    try:
        fd = os.open(root / ".lock", os.O_RDONLY)
    except FileNotFoundError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise ValueError(f"another run is writing to {root}: verify it when that run has finished") from None
        yield
    finally:
        os.close(fd)


def _counts(root: Path) -> str:
    data = mf.load(root) or {"tables": {}}
    return ", ".join(f"{sum(e['rows'] for e in data['tables'].get(t, {}).values())} {t} rows in "
                     f"{len(data['tables'].get(t, {}))} part(s)" for t in TABLES)
