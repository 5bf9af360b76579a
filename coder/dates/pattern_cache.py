"""The date regex's analysed pattern kept on disk (coder/cache.py's safe format).

Every branch of a language's date regex is put behind a guard of its first characters, the whole
alternation behind another, and the letter runs a match can hold are listed (coder/dates/first_chars.py):
an analysis by the regex module's own parser that takes about a tenth of a second a language, at every
start of a process (a third of a warm `coder explain`). Its answer depends only on the branches and on
the analysing code, so it is kept on disk under a key made of both and read back as two JSON values.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from coder import cache as disk

KIND = "date-pattern"


@lru_cache(maxsize=1)
def _code_key() -> str:
    """The analysing code's files (this module, the guards' analysis, the rules that call it) and the
    coder's version."""
    from coder import __version__
    here = Path(__file__).parent
    return f"{disk.files_hash([Path(__file__), here / 'first_chars.py', here / 'rules.py'])}-{__version__}"


def analysed(lang: str, lead: str, branches: list[str],
             build: Callable[[str, list[str]], tuple[str, Optional[frozenset[str]]]]) -> tuple[str, Optional[frozenset[str]]]:
    """(pattern, letter runs or None) for the date regex of `lead` and `branches`: from the cache file
    when it was made from the same branches by the same code, else `build(lead, branches)`, stored."""
    made_of = hashlib.sha256(disk.dump([lead, branches])).hexdigest()[:16]
    key = f"{made_of}-{_code_key()}"
    path = disk.cache_dir() / f"dates-{lang}.pattern.json"
    body = disk.read(path, KIND, key)
    if body is not None:
        try:
            pattern, runs = json.loads(body)
            if isinstance(pattern, str) and (runs is None or isinstance(runs, list)):
                return pattern, None if runs is None else frozenset(runs)
        except (ValueError, TypeError):
            pass    # (a body that passed its checksum but is not ours: built again below)
    pattern, runs = build(lead, branches)
    disk.write(path, KIND, key, disk.dump([pattern, None if runs is None else sorted(runs)]))
    return pattern, runs
