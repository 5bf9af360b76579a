"""`coder export`: GDELT 2.0, ACLED-style and PLOVER files, checked by header and rows and loaded
back with DuckDB."""
from __future__ import annotations

import csv
import json

import duckdb
import pytest

from coder.cameo import codes
from coder.cli import main
from coder.export import DATA, ACLED_COLUMNS, GDELT_COLUMNS, acled_crosswalk, acled_type, plover_crosswalk
from coder.reference_views import read_tsv
from sample_dataset import make_dataset

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return make_dataset(tmp_path_factory.mktemp("export"))


def run_export(tmp_path, data, fmt, suffix):
    out = tmp_path / f"events.{suffix}"
    assert main(["export", "--format", fmt, "--data", str(data), "--out", str(out), "--quiet"]) == 0
    return out


def n_events(data) -> int:
    """The events an export holds: news, not background."""
    con = duckdb.connect()
    return con.execute(f"select count(*) from read_parquet('{data}/events/**/*.parquet') "
                       "where not is_background").fetchone()[0]


def test_gdelt_header_rows_and_duckdb(tmp_path, data):
    out = run_export(tmp_path, data, "gdelt", "tsv")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == GDELT_COLUMNS
    rows = list(csv.DictReader(lines, delimiter="\t"))
    assert len(rows) == n_events(data)
    kirkuk = next(r for r in rows if r["ActionGeo_FullName"].startswith("Kirkuk"))
    assert (kirkuk["EventRootCode"], kirkuk["Actor1Code"], kirkuk["Actor2Code"]) == ("19", "IRQUAF", "IRQMIL")
    assert kirkuk["Day"] == "20210316" and kirkuk["MonthYear"] == "202103" and kirkuk["QuadClass"] == "4"
    assert kirkuk["ActionGeo_Type"] == "4" and kirkuk["ActionGeo_CountryCode"] == "IRQ"
    strike = next(r for r in rows if r["SOURCEURL"] == "https://news.example.org/a1" and r["IsRootEvent"] == "1")
    assert strike["Actor1CountryCode"] == "SYR" and float(strike["GoldsteinScale"]) < 0
    con = duckdb.connect()
    got = con.sql(f"select GlobalEventID, Day, EventCode, ActionGeo_Lat from read_csv('{out}', delim='\\t', header=true)")
    types = dict(zip(got.columns, got.types))
    assert str(types["GlobalEventID"]) == "BIGINT" and str(types["ActionGeo_Lat"]) == "DOUBLE"
    assert len(got.fetchall()) == len(rows)
    ids = con.execute(f"select count(distinct GlobalEventID) from read_csv('{out}', delim='\\t', header=true)").fetchone()[0]
    assert ids == len(rows)


def test_acled_header_rows_and_duckdb(tmp_path, data):
    out = run_export(tmp_path, data, "acled", "csv")
    with open(out, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ACLED_COLUMNS
        rows = list(reader)
    for r in rows:
        assert r["sub_event_type"] in ACLED_TYPES[r["event_type"]]
        assert r["geo_precision"] in {"1", "2", "3"} and r["time_precision"] in {"1", "2", "3"}
        assert int(r["fatalities"]) >= 0
    kinds = {(r["location"], r["event_type"], r["sub_event_type"]) for r in rows}
    assert ("Mosul", "Strategic developments", "Arrests") in kinds
    assert ("Basrah", "Protests", "Peaceful protest") in kinds
    kirkuk = next(r for r in rows if r["location"] == "Kirkuk")       # gunmen killed three soldiers
    assert (kirkuk["event_type"], kirkuk["fatalities"], kirkuk["geo_precision"]) == ("Battles", "3", "1")
    assert kirkuk["actor1"] == "Iraq: Unidentified armed forces" and kirkuk["actor2"] == "Iraq: Military"
    idlib = next(r for r in rows if r["location"] == "Idlib")          # shelling that killed five civilians
    assert idlib["event_type"] == "Explosions/Remote violence" and idlib["fatalities"] == "5"
    assert not any(r["location"] == "Ankara" for r in rows), "a meeting is not an ACLED event"
    con = duckdb.connect()
    total = con.execute(f"select sum(fatalities)::int, count(*) from read_csv('{out}', header=true)").fetchone()
    assert total == (sum(int(r["fatalities"]) for r in rows), len(rows))


def test_plover_rows_and_duckdb(tmp_path, data):
    out = run_export(tmp_path, data, "plover", "jsonl")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all(r["event"] in PLOVER_TYPES for r in records)
    meet = next(r for r in records if r["cameo_code"] == "040")
    assert (meet["event"], meet["source"], meet["target"]) == ("CONSULT", "TURGOV", "RUSGOV")
    arrest = next(r for r in records if r["cameo_code"] == "173")
    assert (arrest["event"], arrest["mode"], arrest["context"]) == ("COERCE", "arrest", ["legal"])
    con = duckdb.connect()
    got = con.execute(f"select event, count(*) as n from read_json('{out}', format='newline_delimited') group by all")
    assert dict(got.fetchall())["ASSAULT"] >= 3


def test_plover_crosswalk_covers_every_cameo_code():
    rows = {r["cameo_code"]: r for r in read_tsv(DATA / "cameo_plover.tsv")}
    assert set(rows) == set(codes())
    cw = plover_crosswalk()
    assert all(cw[c][0] in PLOVER_TYPES for c in cw)
    assert {c for c in codes() if c not in cw} == {c for c in codes() if c.startswith("01")}
    assert cw["0231"] == cw["1031"] and cw["0231"][0] == "REQUEST"      # appeals as demands
    assert cw["195"][0] == "ASSAULT" and cw["1951"] == cw["195"]         # a code the table lacks: its base
    assert cw["0871"][:2] == ("RETREAT", "ceasefire")


@pytest.mark.parametrize("code, role, expected", [
    ("195", "CVL", ("Explosions/Remote violence", "Air/drone strike")),
    ("190", "CVL", ("Violence against civilians", "Attack")),         # fighting civilians is not a battle
    ("190", "MIL", ("Battles", "Armed clash")),
    ("180", "MIL", ("Battles", "Armed clash")),                       # an attack on soldiers is
    ("181", "CVL", ("Violence against civilians", "Abduction/forced disappearance")),
    ("1451", None, ("Riots", "Violent demonstration")),
    ("1411", None, ("Protests", "Peaceful protest")),
    ("173", "CVL", ("Strategic developments", "Arrests")),
    ("040", None, None), ("130", "MIL", None),
])
def test_acled_types(code, role, expected):
    assert acled_type(code, role) == expected


def test_acled_crosswalk_is_valid():
    cw = acled_crosswalk()
    for t in cw["types"]:
        assert t["cameo"] in codes(), t
        assert t["sub_event_type"] in ACLED_TYPES[t["event_type"]], t


def test_unknown_format_is_a_usage_error(tmp_path, data, capsys):
    with pytest.raises(SystemExit) as e:
        main(["export", "--format", "cameo", "--data", str(data), "--out", str(tmp_path / "x")])
    assert e.value.code == 2


def test_background_events_are_left_out(tmp_path, data):
    """Events reported as background (`is_background`, SPEC §5: here a killing dated seven years
    before publication, near Tikrit) are not exported and not in the report's fatalities."""
    from coder.report import build

    out = tmp_path / "acled.csv"
    assert main(["export", "--format", "acled", "--data", str(data), "--out", str(out), "--quiet"]) == 0
    locations = [r["location"] for r in csv.DictReader(open(out, encoding="utf-8", newline=""))]
    assert "Tikrit" not in locations and "Mosul" in locations and "Kirkuk" in locations
    rep = build(str(data))
    assert rep.summary["background events"] == 1
    weekly_killed = sum(sum(t["y"]) for t in next(s for s in rep.sections if s.title.startswith("Fatalities")).figure["data"])
    assert weekly_killed == 7 + 5 + 3      # the dozens killed near Tikrit in 2014 are background
