"""The committed schemas/<table>.schema.json match the code, and the Arrow types match SPEC §3."""
from __future__ import annotations

import json

import pyarrow as pa
import pytest

from coder import schemas_export
from coder.tables import SCHEMA_VERSION, TABLE_MODELS, TABLES, schema

SPEC_TYPES = {   # the types SPEC §3 names explicitly
    ("events", "sentence_index"): pa.int32(),
    ("events", "quad_class"): pa.int8(),
    ("events", "published"): pa.date32(),
    ("events", "event_date"): pa.date32(),
    ("events", "goldstein"): pa.float64(),
    ("events", "latitude"): pa.float64(),
    ("events", "longitude"): pa.float64(),
    ("events", "quantity_value"): pa.int64(),
    ("events", "fatalities"): pa.int64(),
    ("events", "confidence"): pa.float64(),
    ("event_quantities", "value"): pa.int64(),
    ("documents", "published"): pa.date32(),
    ("documents", "coded_at"): pa.timestamp("us", tz="UTC"),
}


@pytest.mark.parametrize("table", TABLES)
def test_committed_schema_file_matches_the_code(table):
    path = schemas_export.SCHEMAS_DIR / f"{table}.schema.json"
    assert path.exists(), "run `python -m coder.schemas_export`"
    assert path.read_text(encoding="utf-8") == schemas_export.render(table), \
        "schema file is stale: run `python -m coder.schemas_export` (and bump SCHEMA_VERSION if a column changed)"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["x-schema-version"] == SCHEMA_VERSION
    assert list(doc["properties"]) == schema(table).names == list(TABLE_MODELS[table].model_fields)


@pytest.mark.parametrize("key, typ", SPEC_TYPES.items(), ids=lambda v: ".".join(v) if isinstance(v, tuple) else "")
def test_column_types_are_the_spec_types(key, typ):
    table, column = key
    assert schema(table).field(column).type == typ


def test_string_columns_and_nullability():
    events = schema("events")
    for name in ("event_id", "doc_id", "event_code", "rule_id", "coder_version"):
        assert events.field(name).type == pa.string() and not events.field(name).nullable
    for name in ("event_date", "source_code", "target_code", "latitude", "quantity_value", "fatalities"):
        assert events.field(name).nullable
    assert schema("rejects").field("record").type == pa.int64()


def test_check_mode_reports_stale_files(tmp_path):
    assert schemas_export.main(["--out", str(tmp_path)]) == 0
    assert schemas_export.main(["--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "events.schema.json").write_text("{}", encoding="utf-8")
    assert schemas_export.stale(tmp_path) == ["events"]
    assert schemas_export.main(["--check", "--out", str(tmp_path)]) == 1


def test_schema_validates_a_row_with_jsonschema():
    jsonschema = pytest.importorskip("jsonschema")
    doc = schemas_export.table_schema("event_quantities")
    jsonschema.validate({"event_id": "e1", "value": 3, "qualifier": "approx", "unit": "killed", "text": "نحو 3"}, doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"event_id": "e1", "value": 3, "qualifier": "roughly", "unit": "x", "text": ""}, doc)
