"""Every column of every table is described once, in the pydantic models, and the description reaches
schemas/*.json, the Parquet field metadata and `coder describe`."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from coder import schemas_export
from coder.cli import main
from coder.describe import describe
from coder.reference_views import REFERENCE_TABLES
from coder.tables import TABLE_MODELS, TABLES, schema
from sample_dataset import make_dataset

COLUMNS = [(t, c) for t in TABLES for c in TABLE_MODELS[t].model_fields]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return make_dataset(tmp_path_factory.mktemp("dictionary"))


@pytest.mark.parametrize("table, column", COLUMNS, ids=[f"{t}.{c}" for t, c in COLUMNS])
def test_every_column_is_described(table, column):
    desc = TABLE_MODELS[table].model_fields[column].description
    assert desc and len(desc) >= 15 and desc == desc.strip(), f"{table}.{column}: describe it in coder/model.py"
    doc = json.loads((schemas_export.SCHEMAS_DIR / f"{table}.schema.json").read_text(encoding="utf-8"))
    assert doc["properties"][column]["description"] == desc
    assert schema(table).field(column).metadata[b"description"].decode() == desc


def test_codes_and_confidence_are_explained():
    events = TABLE_MODELS["events"].model_fields
    for role_column in ("source_role", "target_role"):
        assert "roles" in events[role_column].description
    assert "0.45" in events["confidence"].description and "0.95" in events["confidence"].description
    assert "site" in events["geo_precision"].description and "region" in events["geo_precision"].description


@pytest.mark.parametrize("table", TABLES)
def test_parquet_files_carry_the_descriptions(data, table):
    files = sorted((data / table).rglob("*.parquet"))
    assert files
    written = pq.read_schema(files[0])
    for name in schema(table).names:
        meta = written.field(name).metadata or {}
        assert meta.get(b"description", b"").decode() == TABLE_MODELS[table].model_fields[name].description


def test_describe_lists_every_column_and_code_table(capsys):
    assert main(["describe"]) == 0
    out = capsys.readouterr().out
    for table, column in COLUMNS:
        assert f"  {column} " in out
    for name in REFERENCE_TABLES:
        assert f"{name} (" in out
    assert "distance_km" in out


def test_describe_one_table_and_a_wrong_name(capsys):
    text = describe("event_quantities")
    assert text.startswith("event_quantities:") and "qualifier" in text and "  fatalities" not in text
    assert main(["describe", "evnts"]) == 2
    assert "unknown table 'evnts'" in capsys.readouterr().err
