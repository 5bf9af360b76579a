"""The date regex's analysed pattern (guards, letter runs) is kept on disk (coder/dates/pattern_cache.py):
read back, it is the pattern the analysis makes; a file made from other branches, by other code,
damaged or not ours is not read but built again; an unwritable cache folder only costs the analysis."""
from __future__ import annotations

import json

import pytest

from coder import cache as disk
from coder.dates import pattern_cache, rules
from coder.dates.rules import DateRules, date_pattern


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path))
    return tmp_path


def _built_only(monkeypatch):
    """Count the analyses; the pattern read from the file makes none."""
    calls = []

    def counting(lead, branches):
        calls.append(1)
        return date_pattern(lead, branches)
    monkeypatch.setattr(rules, "date_pattern", counting)
    return calls


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_read_back_as_built(lang, cache_in, monkeypatch):
    calls = _built_only(monkeypatch)
    first = DateRules(lang)
    assert calls == [1] and (cache_in / f"dates-{lang}.pattern.json").exists()
    second = DateRules(lang)
    assert calls == [1]     # (read from the file: no analysis)
    assert second.regex.pattern == first.regex.pattern
    assert second.inside_words == first.inside_words
    # (behind \b, proven to begin at a word's start: first_chars.at_word_start; guarded)
    assert first.regex.pattern.startswith("\\b(?<!\\w)") and "(?=" in first.regex.pattern
    # the same dates found with either
    text = "On 12 March 2024 and on Monday, three days ago" if lang == "en" else "في 12 آذار 2024 ويوم الاثنين قبل ثلاثة أيام"
    assert [m.span() for m in first.regex.finditer(text)] == [m.span() for m in second.regex.finditer(text)]
    assert first.regex.search(text)


@pytest.mark.parametrize("body", [b"not json", b'["only one"]', b"42", b'{"a": 1, "b": 2}', b'[1, 2]'])
def test_a_body_not_ours_is_built_again(body, cache_in, monkeypatch):
    calls = _built_only(monkeypatch)
    good = DateRules("en")
    path = cache_in / "dates-en.pattern.json"
    head = json.loads(path.read_bytes().split(b"\n", 1)[0])
    # a file whose header matches but whose body (checksummed) is not a pattern and its runs
    disk.write(path, pattern_cache.KIND, head["key"], body)
    again = DateRules("en")
    assert calls == [1, 1]
    assert again.regex.pattern == good.regex.pattern and again.inside_words == good.inside_words
    assert disk.read(path, pattern_cache.KIND, head["key"]) != body     # (stored anew)


def test_damaged_or_other_branches_not_read(cache_in, monkeypatch):
    calls = _built_only(monkeypatch)
    good = DateRules("en")
    path = cache_in / "dates-en.pattern.json"
    path.write_bytes(path.read_bytes()[:-5])    # truncated: its checksum fails
    assert DateRules("en").regex.pattern == good.regex.pattern and calls == [1, 1]
    # other branches (a changed dates.yaml) make another key: analysed anew, not the stored pattern
    pattern, runs = pattern_cache.analysed("en", r"(?<!\w)", [r"\d{4}"], date_pattern)
    assert calls == [1, 1] and pattern == date_pattern(r"(?<!\w)", [r"\d{4}"])[0]
    assert DateRules("en").regex.pattern == good.regex.pattern and len(calls) == 3


def test_code_change_changes_the_key(monkeypatch):
    assert pattern_cache._code_key().endswith(__import__("coder").__version__)
    pattern_cache._code_key.cache_clear()
    monkeypatch.setattr(disk, "files_hash", lambda paths: "other-code")
    try:
        assert pattern_cache._code_key().startswith("other-code-")
    finally:
        pattern_cache._code_key.cache_clear()


def test_unwritable_cache_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("CODER_CACHE_DIR", str(blocker / "cache"))    # (a folder inside a file: not writable)
    calls = _built_only(monkeypatch)
    a, b = DateRules("ar"), DateRules("ar")
    assert calls == [1, 1] and a.regex.pattern == b.regex.pattern
