"""A quick start: `coder explain` and `coder geocode` import only what they use and read the caches
lazily; what they read lazily is the same as what a full decode or a fresh build gives."""
from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from coder import cache as disk
from coder.lexicon import data as lexdata

ROOT = Path(__file__).resolve().parent.parent
# what a start-up must not pay for: the dataset and query stack, the date parser, the YAML parser
HEAVY = ("duckdb", "pyarrow", "numpy", "dateparser", "yaml", "jsonschema", "geopy")


def _run(code: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def _loaded(code: str, env: dict | None = None) -> list[str]:
    """The HEAVY modules a Python process has imported after running `code`."""
    r = _run(code + f"\nimport sys, json; print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))", env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.splitlines()[-1])


def test_importing_the_cli_imports_nothing_heavy():
    assert _loaded("import coder.cli") == []


def test_a_warm_explain_and_geocode_import_nothing_heavy_and_build_nothing(tmp_path):
    env = {"CODER_CACHE_DIR": str(tmp_path)}
    ar = "قصفت طائرات تركية قرية قرب عفرين يوم الجمعة"
    explain = ("import datetime as dt\nfrom coder.explain import explain\n"
               f"print(explain({ar!r}, published=dt.date(2019, 8, 5)))\n")
    cold = _run(explain, env)                  # builds the Arabic lexicon and the gazetteer index, and says so
    assert cold.returncode == 0, cold.stderr
    assert "building the compiled lexicon cache for 'ar'" in cold.stderr
    assert "building the gazetteer index cache" in cold.stderr
    warm = _run(explain, env)
    assert warm.returncode == 0 and warm.stderr == "" and warm.stdout == cold.stdout
    assert "date=2019-08-02" in warm.stdout and "place=Afrin" in warm.stdout   # the stages ran
    assert _loaded(explain, env) == []
    geocode = "from coder.cli import main\nmain(['geocode', 'حلب', '--limit', '1'])\n"
    assert _run(geocode, env).returncode == 0                # its first run reads files explain did not
    assert _loaded(geocode, env) == []


def test_errors_of_the_dataset_code_still_read_as_one_line(tmp_path, capsys):
    """main() catches the dataset modules' errors without importing them up front."""
    from coder.cli import main
    doc = tmp_path / "a.txt"
    doc.write_text("Protesters gathered in Amman.", encoding="utf-8")
    not_a_folder = tmp_path / "out"
    not_a_folder.write_text("", encoding="utf-8")
    assert main(["code", str(doc), "--out", str(not_a_folder), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coder code: ") and "is a file" in err and "internal error" not in err


# ---------------------------------------------------------------- the lazy trie

def _decode(line: bytes, is_end: bool):
    return json.loads(line)


def _lazy(trie: dict, **kw) -> disk.LazyTrie:
    keys, *lines = disk.trie_lines(trie, "", lambda payloads: payloads)
    return disk.LazyTrie(keys, lines, _decode, "", **kw)


TRIE = {"strike": {"": ["190"], "back": {"": ["195"]}}, "meet": {"": ["040"]}, "": ["root"]}


def test_a_lazy_trie_decodes_a_subtree_when_reached():
    lazy = _lazy(TRIE)
    assert "strike" in lazy and "fly" not in lazy and len(lazy) == 3
    assert dict.get(lazy, "strike") == 0                    # not decoded yet: its line number
    assert lazy.get("strike") == TRIE["strike"] and lazy["meet"] == TRIE["meet"]
    assert dict.get(lazy, "strike") == TRIE["strike"]       # decoded once, then kept
    assert lazy.get("fly") is None and lazy.get("fly", 7) == 7
    with pytest.raises(KeyError):
        lazy["fly"]
    assert lazy[""] == ["root"]                               # payloads at the root are a leaf line
    assert lazy == TRIE and TRIE == lazy and lazy != {"meet": TRIE["meet"]}
    assert dict(lazy.items()) == TRIE and type(pickle.loads(pickle.dumps(lazy))) is dict


def test_a_lazy_trie_hands_its_owner_the_plain_dict_after_many_look_ups(monkeypatch):
    monkeypatch.setattr(disk.LazyTrie, "WHOLE", 3)
    got = []
    lazy = _lazy(TRIE, on_whole=got.append)
    lazy.get("meet")
    lazy.get("fly")
    assert got == []
    assert lazy.get("strike") == TRIE["strike"]
    assert len(got) == 1 and type(got[0]) is dict and got[0] == TRIE
    assert got[0]["meet"] is lazy.get("meet")                 # the same subtrees
    lazy.get("")
    assert len(got) == 1                                      # once


def test_a_lazy_trie_refuses_an_index_that_does_not_fit_its_lines():
    keys, *lines = disk.trie_lines(TRIE, "", lambda payloads: payloads)
    with pytest.raises(ValueError):
        disk.LazyTrie(keys, lines[:-1], _decode, "")


def test_the_lazy_lexicon_is_the_compiled_one(tmp_path, monkeypatch):
    from coder.lexicon import load as lexload
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path))
    built = lexload.compile_lexicon("ar")
    lazy = lexload._decode_lexicon(lexload._encode_lexicon(built))
    assert isinstance(lazy.trie, disk.LazyTrie)
    key = next(k for k, v in built.trie.items() if k and lexload.END in v)
    first = lazy.trie[key][lexload.END]
    assert first == built.trie[key][lexload.END]
    assert lazy.trie[key][lexload.END][0] is first[0]       # built once, then the same object
    assert lazy.trie == built.trie


# ---------------------------------------------------------------- YAML read through the cache

def test_yaml_data_is_cached_as_json_with_its_number_keys_and_dates(tmp_path, monkeypatch):
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "en" / "months.yaml"
    path.parent.mkdir()
    path.write_text("months:\n  1: [january, jan]\n  2: [february]\nsince: 2019-08-05\nwords: [on, no]\n",
                    encoding="utf-8")
    want = {"months": {1: ["january", "jan"], 2: ["february"]}, "since": dt.date(2019, 8, 5), "words": ["on", "no"]}
    checked = []
    check = lambda d: checked.append(1) or d   # noqa: E731
    assert lexdata.read_yaml(path, check) == want and checked == [1]
    (cached,) = (tmp_path / "cache").glob("data-en-months-*.json")
    assert lexdata.read_yaml(path, check) == want and checked == [1]   # read back: not parsed or checked again
    path.write_text("months:\n  1: [enero]\n", encoding="utf-8")     # a change: parsed and checked again
    assert lexdata.read_yaml(path, check) == {"months": {1: ["enero"]}} and checked == [1, 1]
    assert not cached.exists()                                         # the stale one is gone
    (cached,) = (tmp_path / "cache").glob("data-en-months-*.json")
    cached.write_bytes(cached.read_bytes().replace(b"enero", b"enera"))   # damaged: ignored, parsed again
    assert lexdata.read_yaml(path, check) == {"months": {1: ["enero"]}} and checked == [1, 1, 1]


def test_a_file_that_fails_its_check_is_never_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "en" / "dates.yaml"
    path.parent.mkdir()
    path.write_text("language: ar\nkind: dates\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(lexdata.LexiconError, match="the header must say `language: en`"):
            lexdata.read_support(path, "en", "dates")
    assert not list((tmp_path / "cache").glob("data-*"))


def test_the_files_version_follows_the_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "lexicon"
    root.mkdir()
    a = root / "a.yaml"
    a.write_text("x: 1\n", encoding="utf-8")
    first = lexdata.files_version(root, [a])
    assert lexdata.files_version(root, [a]) == first
    a.write_text("x: 2\n", encoding="utf-8")
    os.utime(a, ns=(1, 1))
    second = lexdata.files_version(root, [a])
    assert second != first
    a.write_text("x: 1\n", encoding="utf-8")                # the same bytes again: the same version
    assert lexdata.files_version(root, [a]) == first
