"""The thirty-first speed round of the run around the coding, checked against the former logic:
- an id's digest (coder.seen.digest, the key of the reader's index of ids read and of the writer's
  index of committed documents and rejects) is two of this process's 64-bit hashes of the id (the
  id's own and the id's after a NUL), not a BLAKE2b-128 digest of its UTF-8 bytes: both indexes are
  rebuilt at each open and never stored. The same ids read, the same duplicates refused and the same
  documents skipped as with the former digest, kept here."""
from __future__ import annotations

import hashlib

from coder import __version__, ingest, seen, sinks
from coder.model import Document, Reject
from coder.pipeline import code_document, document_sha
from coder.seen import SeenIndex, digest
from coder.sinks import DatasetWriter


def _former_digest(text: str) -> bytes:
    """coder.seen.digest before this round."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


# ids of the same characters made apart, ids whose characters' raw bytes are the same in another
# width ("(\x06" holds the two bytes U+0628 "ب" does as UCS-2; Python hashes a string's raw bytes),
# a lone surrogate, a NUL inside and at the start, an empty id
_IDS = ["news-1", "".join(["news", "-1"]), "news-2", "خبر-١", "(\x06", "ب", "\x00(\x06", "\x00ب", "A\x00B\x00",
        "\ud83d-lone", "a\x00b", "\x00a", "a", "", "x" * 300, "ب" * 300]


def test_the_digest_tells_ids_apart_as_the_former_one():
    distinct = sorted(set(_IDS))
    assert len({digest(i) for i in distinct}) == len({_former_digest(i) for i in distinct}) == len(distinct)
    for text in _IDS:
        key = digest(text)
        assert key.__class__ is bytes and len(key) == 16
        assert digest(text) == key   # (the remembered one)
        assert digest("".join(list(text))) == key   # (the same characters, another str object)


def test_the_digest_is_remembered_only_by_identity():
    a, b = "".join(["doc", "-7"]), "".join(["doc", "-8"])
    first = digest(a)
    assert digest(b) != first and digest(a) == first
    assert seen._last[0] is a


def test_the_index_finds_every_digest():
    index = SeenIndex(("int32",), merge_at=4)   # (merged into the arrays every fourth id)
    ids = [f"id-{k}" for k in range(40)] + sorted(set(_IDS))
    for n, text in enumerate(ids):
        index.put(digest(text), n)
    assert [index.get(digest("".join(list(t)))) for t in ids] == [(n,) for n in range(len(ids))]
    assert index.get(digest("id-40")) is None


_LINES = [
    '{"id": "a", "text": "Police arrested two men in Basra."}',
    '{"id": "خبر-١", "text": "قصف الجيش السوري إدلب أمس.", "language": "ar"}',
    '{"id": 7, "text": "Troops withdrew from the town."}',
    '{"id": "a", "text": "The same id again."}',
    '{"id": "7", "text": "The integer id again, as a string."}',
    '{"id": "(\\u0006", "text": "An id of two characters below 256."}',
    '{"id": "ب", "text": "An id of one character, with the same raw bytes."}',
    '{"id": "خبر-١", "text": "Read twice."}',
]


def _shown(items) -> list[tuple]:
    return [(i.__class__.__name__, i.doc_id, i.record, getattr(i, "reason", None)) for i in items]


def test_the_reader_refuses_the_same_duplicates(tmp_path, monkeypatch):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(_LINES) + "\n", encoding="utf-8")
    new = _shown(ingest.iter_inputs([str(path)]))
    monkeypatch.setattr(ingest, "digest", _former_digest)
    old = _shown(ingest.iter_inputs([str(path)]))
    assert new == old
    assert [kind for kind, *_ in new] == ["Document", "Document", "Document", "Reject", "Reject", "Document",
                                          "Document", "Reject"]
    assert all("duplicate id" in reason for kind, _, _, reason in new if kind == "Reject")


def _written(tmp_path, name: str, docs: list[Document]) -> list[bool]:
    """Whether each document is current in a dataset that committed them all once, and a reject kept once."""
    with DatasetWriter(tmp_path / name, __version__, "lex") as w:
        for d in docs:
            assert not w.is_current(d.doc_id, document_sha(d))
            w.add(code_document(d))
        w.reject(Reject(input_path="x", record=1, reason="bad"))
    with DatasetWriter(tmp_path / name, __version__, "lex") as w:
        w.reject(Reject(input_path="x", record=1, reason="bad"))   # (already kept: not again)
        current = [w.is_current(d.doc_id, document_sha(d)) for d in docs]
        current.append(w.is_current("other", document_sha(docs[0])))
        current.append(w.counts["rejects"] == 1)
    return current


def test_the_writer_skips_the_same_documents(tmp_path, monkeypatch):
    docs = [Document(doc_id=i, text=f"Police arrested {k + 2} men in Basra.", language="en")
            for k, i in enumerate(["a", "خبر-١", "(\x06", "ب"])]
    new = _written(tmp_path, "new", docs)
    monkeypatch.setattr(sinks, "digest", _former_digest)
    assert _written(tmp_path, "former", docs) == new == [True, True, True, True, False, True]
