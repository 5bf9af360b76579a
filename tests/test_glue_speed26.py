"""The twenty-sixth speed round's changes to the run around the coding, each checked against the code
it replaces:
- a batch's rows become Arrow tables column by column (pa.array with each field's type, then
  Table.from_arrays), not through Table.from_pydict: the same tables, or the same error, for rows
  the pipeline makes of hand-written Arabic and English texts and for rows with values a column
  cannot hold;
- the manifest is written as one string (json.dumps), not piece by piece (json.dump): the same bytes;
- a change copies the manifest by copying its dicts and lists (manifest.copied), as copy.deepcopy did;
- an applied change's emptied staging folders are removed one by one, by shutil.rmtree only where
  something is left in them: no staging folder is left either way."""
from __future__ import annotations

import copy
import datetime as dt
import json

import pyarrow as pa
import pytest

from coder import __version__, manifest, tables
from coder.model import Document
from coder.pipeline import code_document
from coder.sinks import stored_document

_TEXTS = [
    ("قصف الجيش السوري مواقع في إدلب أمس، وقتل خمسة مدنيين بحسب المرصد.", "ar", dt.date(2021, 3, 4)),
    ("هاجم مسلحون نقطة تفتيش في كركوك. وأصيب ثلاثة من عناصر الشرطة.", "ar", None),
    ("Syrian troops shelled Idlib on Tuesday, killing 12 civilians.", "en", dt.date(2019, 8, 5)),
    ("Protesters rallied in Basra. Police fired tear gas at 200 demonstrators.", "en", None),
    ("The weather was mild.", "en", dt.date(2020, 1, 1)),
]


def _former(table: str, rows: list[tuple]) -> pa.Table:
    """tuples_to_arrow as it was before this round."""
    sch = tables.schema(table)
    if not rows:
        return sch.empty_table()
    return pa.Table.from_pydict(dict(zip(sch.names, zip(*rows))), schema=sch)


def _batch() -> dict[str, list[tuple]]:
    stored = [stored_document(code_document(Document(doc_id=f"d{i}", text=t, language=lang, published=day),
                                            coded_at=dt.datetime(2024, 5, 6, 7, 8, 9)), __version__, True)
              for i, (t, lang, day) in enumerate(_TEXTS)]
    return {"documents": [s.document for s in stored], "events": [e for s in stored for e in s.events],
            "event_quantities": [q for s in stored for q in s.quantities]}


def test_the_batch_tables_are_the_former_ones():
    batch = _batch()
    assert all(batch.values()), "the texts should give rows in every table"
    for table, rows in batch.items():
        now, before = tables.tuples_to_arrow(table, rows), _former(table, rows)
        assert now.schema.equals(before.schema, check_metadata=True)
        assert now.equals(before)
        assert now.to_pylist() == before.to_pylist()
        # one row, and none
        assert tables.tuples_to_arrow(table, rows[:1]).equals(_former(table, rows[:1]))
        assert tables.tuples_to_arrow(table, []).equals(_former(table, []))


def _spoilt(row: tuple, column: int, value) -> tuple:
    return row[:column] + (value,) + row[column + 1:]


def _outcome(make, table: str, rows: list[tuple]):
    """The table made and checked in full, or the error it fails with."""
    try:
        data = make(table, rows)
        data.validate(full=True)
    except Exception as e:
        return type(e), str(e)
    return data.schema, data.to_pylist()


@pytest.mark.parametrize("column, value", [("sentence_index", "three"), ("sentence_index", 1 << 40),
                                           ("quad_class", 300), ("goldstein", "high"), ("published", "2020-01-01"),
                                           ("event_id", None), ("is_background", 2.5), ("sentence", b"bytes")])
def test_a_value_its_column_cannot_hold_fails_as_before(column, value):
    rows = _batch()["events"]
    at = tables.schema("events").names.index(column)
    rows = [rows[0], _spoilt(rows[1], at, value)]
    assert _outcome(tables.tuples_to_arrow, "events", rows) == _outcome(_former, "events", rows)


def test_the_spoilt_rows_meet_both_outcomes():
    rows = _batch()["events"]
    at = tables.schema("events").names.index("quad_class")
    assert isinstance(_outcome(_former, "events", [_spoilt(rows[0], at, 300)])[0], type)
    assert isinstance(_outcome(_former, "events", [_spoilt(rows[0], at, 3)])[0], pa.Schema)


def test_the_manifest_bytes_are_the_former_ones(tmp_path):
    data = manifest.empty()
    data["commit"] = 7
    data["pending"] = {"dir": "c000007", "ops": [["events", "part-000003.parquet", True]]}
    data["tables"] = {"events": {"part-000003.parquet": {"rows": 12, "bytes": 3456, "sha256": "ab" * 32}},
                      "documents": {"part-000003.parquet": {"rows": 9, "bytes": 789, "sha256": "cd" * 32},
                                    "part-000001.parquet": {"rows": 1, "bytes": 10, "sha256": "ef" * 32}},
                      "rejects": {}}
    (tmp_path / manifest.STAGING).mkdir()
    manifest.save(tmp_path, data)
    before = tmp_path / "former.json"
    with open(before, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    assert (tmp_path / manifest.MANIFEST).read_bytes() == before.read_bytes()
    assert manifest.load(tmp_path) == data


def test_a_change_copies_the_manifest_as_deepcopy_did(tmp_path):
    data = manifest.empty()
    data["pending"] = {"dir": "c000002", "ops": [["events", "part-000001.parquet", False]]}
    data["tables"] = {"events": {"part-000001.parquet": {"rows": 3, "bytes": 4.5, "sha256": None}},
                      "rejects": {"part-000002.parquet": {"rows": 1, "flag": True, "at": (1, 2)}}}
    change = manifest.Change(tmp_path, data)
    assert change.data == copy.deepcopy(data) and json.dumps(change.data) == json.dumps(data)
    change.data["tables"]["events"]["part-000001.parquet"]["rows"] = 99
    change.data["pending"]["ops"][0].append("x")
    change.data["tables"]["rejects"]["part-000002.parquet"]["at"] += (3,)
    assert data["tables"]["events"]["part-000001.parquet"]["rows"] == 3
    assert data["pending"]["ops"][0] == ["events", "part-000001.parquet", False]
    assert data["tables"]["rejects"]["part-000002.parquet"]["at"] == (1, 2)


def _committed(tmp_path, extra: str | None):
    root = tmp_path / "ds"
    (root / "events").mkdir(parents=True)
    change = manifest.Change(root, manifest.empty())
    change.put("events", "part-000001.parquet", tables.schema("events").empty_table())
    if extra:   # something else left in the staged folder
        (change.dir / extra).parent.mkdir(parents=True, exist_ok=True)
        (change.dir / extra).write_text("x")
    change.commit()
    return root, change


@pytest.mark.parametrize("extra", [None, "stray.txt", "events/left.parquet", "other/deeper/file"])
def test_the_applied_change_leaves_no_staged_folder(tmp_path, extra):
    root, change = _committed(tmp_path, extra)
    assert not change.dir.exists()
    assert (root / "events" / "part-000001.parquet").is_file()
    assert manifest.load(root)["tables"]["events"]["part-000001.parquet"]["rows"] == 0
