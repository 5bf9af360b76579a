"""The on-disk caches: safe to read (no code runs), versioned, and rebuilt when stale or damaged."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle

import pytest

from coder import cache as disk
from coder.lexicon import load as lexload


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    tags: tuple = ()


CLASSES = {"Point": Point}


def test_packer_roundtrip_keeps_values_and_sharing():
    shared = [Point(1, ("a", "b")), Point(2)]
    value = {"k": shared, "again": shared, "day": dt.date(2020, 2, 29), "t": (1, "x", None, 2.5, True, 0),
             7: [False, -3]}
    pack = disk.Packer(CLASSES)
    root = pack.add(value)
    table = json.loads(json.dumps(pack.table))
    out = disk.unpack(table, CLASSES, pack.fields)[root]
    assert out == value
    assert out["k"] is out["again"]          # one object under two keys stays one object


def test_packer_refuses_unknown_types():
    with pytest.raises(TypeError):
        disk.Packer(CLASSES).add(object())
    with pytest.raises(TypeError):
        disk.Packer({}).add(Point(1))


def test_unpack_refuses_classes_not_allowed_or_changed():
    pack = disk.Packer(CLASSES)
    pack.add(Point(3))
    with pytest.raises(KeyError):          # a class the reader does not allow is never built
        disk.unpack(pack.table, {}, pack.fields)
    with pytest.raises(ValueError):        # fields written by other code are refused
        disk.unpack(pack.table, CLASSES, {"Point": ["y", "tags"]})
    with pytest.raises(ValueError):        # an entry naming a class absent from the header
        disk.unpack(pack.table, CLASSES, {})


def test_read_checks_header_key_and_checksum(tmp_path):
    path = tmp_path / "c.json"
    assert disk.write(path, "demo", "k1", b'{"a":1}')
    assert disk.read(path, "demo", "k1") == b'{"a":1}'
    assert disk.read(path, "demo", "k2") is None          # stale key
    assert disk.read(path, "other", "k1") is None         # another kind of cache
    data = path.read_bytes()
    path.write_bytes(data[:-2] + b"2}")                    # altered body: checksum fails
    assert disk.read(path, "demo", "k1") is None
    path.write_bytes(b"\x80\x04\x95 not a cache")         # e.g. a pickle planted in the folder
    assert disk.read(path, "demo", "k1") is None
    assert disk.read(tmp_path / "missing.json", "demo", "k1") is None


def test_write_removes_stale_versions(tmp_path):
    old = tmp_path / "thing-old.json"
    old.write_text("x")
    assert disk.write(tmp_path / "thing-new.json", "demo", "new", b"{}", stale_glob="thing-*.json")
    assert not old.exists() and (tmp_path / "thing-new.json").exists()


def test_lexicon_cache_roundtrip_equals_compile(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path))
    lexload.load.cache_clear()
    try:
        built = lexload.load("en")                 # cold: compiled, announced, written
        assert "building" in capsys.readouterr().err
        files = list(tmp_path.glob("lexicon-en-*.json"))
        assert len(files) == 1 and not list(tmp_path.glob("*.pickle"))
        lexload.load.cache_clear()
        cached = lexload.load("en")                # warm: read back, silent
        assert capsys.readouterr().err == ""
        assert cached.trie == built.trie and cached.sizes == built.sizes and cached.version == built.version
        # a damaged file is ignored and rebuilt
        files[0].write_bytes(files[0].read_bytes()[:1000])
        lexload.load.cache_clear()
        again = lexload.load("en")
        assert "building" in capsys.readouterr().err and again.trie == built.trie
        assert disk.read(files[0], "lexicon", files[0].stem[len("lexicon-"):]) is not None
    finally:
        lexload.load.cache_clear()


def test_gazetteer_index_cache_matches_a_fresh_build(tmp_path, monkeypatch, capsys):
    from coder.geo import index_cache
    from coder.geo.gazetteer import DEFAULT_PATH, Gazetteer
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path))
    fresh = Gazetteer.load(DEFAULT_PATH)
    first = index_cache.load_cached(DEFAULT_PATH)
    assert "building" in capsys.readouterr().err
    warm = index_cache.load_cached(DEFAULT_PATH)
    assert capsys.readouterr().err == ""
    for gaz in (first, warm):
        assert gaz.places == fresh.places and gaz.tries == fresh.tries and gaz.by_id == fresh.by_id
    assert warm.lookup("Aleppo") == fresh.lookup("Aleppo")
    assert warm.nearest(33.5, 36.3, 3) == fresh.nearest(33.5, 36.3, 3)
    # the capitals come from the index's head, chosen as a fresh build chooses them
    assert {c: warm.capital(c) for c in fresh._capitals} == fresh._capitals and warm.capital("SYR").name == "Damascus"
    syria = warm.country("SYR")   # a place built on use is one object wherever it is reached
    assert syria is warm.places[warm.by_id[syria.place_id]] and syria == fresh.country("SYR")
    # a file whose checksum fails is rebuilt, not trusted
    (path,) = tmp_path.glob("gazetteer-*.json")
    path.write_bytes(path.read_bytes().replace(b'"SYR"', b'"XXX"', 1))
    rebuilt = index_cache.load_cached(DEFAULT_PATH)
    assert "building" in capsys.readouterr().err and rebuilt.places == fresh.places


def test_packed_lines_are_found_without_splitting_and_checked():
    lines = [b'{"a":1}', b"", "دمشق".encode(), b"[1,2]"]
    got = disk.unpack_lines(disk.pack_lines(lines))
    assert list(got) == lines and len(got) == 4 and got[-1] == b"[1,2]"
    assert list(got[1:3]) == lines[1:3] and list(got[2:][1:]) == lines[3:] and list(got[3:1]) == []
    with pytest.raises(IndexError):
        got[4]
    assert pickle.loads(pickle.dumps(got[1:])) == lines[1:]   # to another process: as a list
    body = disk.pack_lines(lines)
    with pytest.raises(ValueError):          # a body cut short: its offsets no longer add up
        disk.unpack_lines(body[:-1])
    with pytest.raises(ValueError):          # no count of lines
        disk.unpack_lines(b'{"n":4}\n' + body.partition(b"\n")[2])
