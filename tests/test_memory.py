"""The flat index of seen ids (coder/seen.py): a dict's answers at ~28 bytes an entry."""
from __future__ import annotations

import random

import numpy as np

from coder.seen import SeenIndex, digest
from test_sinks import code_into, corpus


def test_index_answers_as_a_dict_through_merges_updates_and_remaps():
    index = SeenIndex((np.int64, np.int32), merge_at=50)   # small: many merges into the arrays
    ref: dict[str, tuple] = {}
    rng = random.Random(3)
    for i in range(3000):
        key = f"doc-{rng.randrange(1500)}"   # about half are updates of an id already seen
        ref[key] = (int.from_bytes(digest(f"{key}/{i}")[:8], "little", signed=True), i % 9)   # (any int64)
        index.put(digest(key), *ref[key])
        if i % 101 == 0:
            probe = f"doc-{rng.randrange(1600)}"
            assert index.get(digest(probe)) == ref.get(probe)
    assert len(index) == len(ref)
    assert all(index.get(digest(k)) == v for k, v in ref.items())
    index.remap(1, {4: 40, 5: 50})
    assert all(index.get(digest(k))[1] == {4: 40, 5: 50}.get(v[1], v[1]) for k, v in ref.items())
    assert index.nbytes == 28 * len(ref)


def test_a_digest_ending_in_nul_bytes_is_found():
    # numpy gives S16 elements back without trailing NULs: such digests must still be found
    index = SeenIndex((np.int32,), merge_at=1)
    keys = [bytes(15) + b"\x00", b"\x01" + bytes(15), b"\xff" * 14 + b"\x00\x00"]
    for n, key in enumerate(keys):
        index.put(key, n)
    assert [index.get(k) for k in keys] == [(0,), (1,), (2,)]
    assert index.get(b"\x01" + bytes(14) + b"\x02") is None
    assert list(index.duplicates_in(np.array(keys + [b"\x02" * 16], "S16"))) == [True, True, True, False]


def test_the_writer_keeps_28_bytes_a_committed_document(tmp_path):
    from coder.sinks import DatasetWriter
    from test_sinks import CODER, LEX
    code_into(tmp_path, corpus(300), batch_docs=40)
    with DatasetWriter(tmp_path, CODER, LEX) as w:
        assert w.index_bytes == 28 * 300
    assert code_into(tmp_path, corpus(300), batch_docs=40)["skipped"] == 300
