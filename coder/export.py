"""`coder export`: the events of a dataset in the shapes other event data come in.

    gdelt   tab-separated, GDELT 2.0 event-table column names and order, only the columns this
            coder has an equivalent for (a header line names them)
    acled   CSV with ACLED's column names: event and sub-event types from coder/data/cameo_acled.yaml,
            geo_precision 1-3, fatalities (0 when the text gives none), the sentence as notes
    plover  JSON Lines: PLOVER event type, mode and context from coder/data/cameo_plover.tsv

Events the text reports as background (`is_background`, where the dataset has the column) are left
out: the three formats count news events. Events with no equivalent in the target vocabulary
(CAMEO 01 statements in PLOVER; non-violent classes in ACLED) are left out and counted.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import yaml

from coder.reference_views import countries_table, groups_table, read_tsv, roles_table

DATA = Path(__file__).resolve().parent / "data"
FORMATS = ("gdelt", "acled", "plover")

GDELT_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumArticles", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]
# GDELT's ActionGeo_Type: 1 country, 4 world city, 5 world state (first-order division)
GDELT_GEO_TYPE = {"country": 1, "region": 5, "admin1": 5, "admin2": 5, "locality": 4, "site": 4}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "civilian_targeting", "iso3", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "timestamp",
]
# ACLED geo_precision: 1 the place itself, 2 near it or a part of a region, 3 a larger region only
ACLED_GEO_PRECISION = {"site": 1, "locality": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
# ACLED time_precision: 1 the day, 2 the week, 3 the month; a date taken from publication is the week
ACLED_TIME_PRECISION = {"day": 1, "published": 2, "month": 3, "year": 3}

_EVENTS_SQL = """
select e.*, d.url as doc_url, d.source as doc_source, d.coded_at as doc_coded_at
from events e left join documents d using (doc_id)
{where}
order by e.doc_id, e.sentence_index, e.event_id
"""


@dataclass(frozen=True)
class ExportResult:
    rows: int
    skipped: int    # events with no equivalent in the format
    background: int


def count_background(con) -> int:
    columns = [r[0] for r in con.execute("describe events").fetchall()]
    if "is_background" not in columns:
        return -1
    return con.execute("select count(*) from events where is_background").fetchone()[0]


def iter_events(con, background: bool) -> Iterator[dict]:
    """The dataset's events as dicts (with the document's url, source and coded_at), a batch at a
    time (a large dataset is never all in memory); with `background` False, news events only."""
    where = "" if background else "where not coalesce(e.is_background, false)"
    cur = con.execute(_EVENTS_SQL.format(where=where))
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(10_000):
        for row in batch:
            yield dict(zip(names, row))


# ---------------------------------------------------------------- code tables

@lru_cache(maxsize=1)
def _names() -> dict[str, dict[str, str]]:
    def pairs(table):
        return dict(zip(table.column("code").to_pylist(), table.column("name").to_pylist()))
    return {"country": pairs(countries_table()), "group": pairs(groups_table()), "role": pairs(roles_table())}


def actor_label(country: str | None, group: str | None, role: str | None) -> str:
    """A readable actor name from its code parts: "Syria: Military", "Islamic State ...: Insurgents"."""
    names = _names()
    who = names["group"].get(group, group) if group else names["country"].get(country, country) if country else ""
    what = names["role"].get(role, role) if role else ""
    if who and what:
        return f"{who}: {what}"
    return who or what


@lru_cache(maxsize=1)
def plover_crosswalk() -> dict[str, tuple[str, str, list[str]]]:
    """CAMEO code -> (PLOVER event type, mode, contexts); codes with no PLOVER type are absent."""
    out = {}
    for r in read_tsv(DATA / "cameo_plover.tsv"):
        if r["plover_event_type"]:
            contexts = [c for c in r["plover_context"].split(";") if c]
            out[r["cameo_code"]] = (r["plover_event_type"], r["plover_mode"], contexts)
    return out


@lru_cache(maxsize=1)
def acled_crosswalk() -> dict:
    with open(DATA / "cameo_acled.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def acled_type(event_code: str, target_role: str | None) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) of a CAMEO code and target role, or None (not an ACLED event)."""
    cw = acled_crosswalk()
    best = max((t for t in cw["types"] if event_code.startswith(t["cameo"])),
               key=lambda t: len(t["cameo"]), default=None)
    if best is None:
        return None
    kind, sub = best["event_type"], best["sub_event_type"]
    if kind == "Battles" and target_role in cw["civilian_roles"]:
        return "Violence against civilians", "Attack"
    if kind == "Violence against civilians" and target_role in cw["armed_roles"]:
        return "Battles", "Armed clash"
    return kind, sub


# ---------------------------------------------------------------- rows per format

def _ymd(d: dt.date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def _blank(v) -> str | int | float:
    """None as an empty field; text on one line (GDELT files are one event a line, tab-separated)."""
    if v is None:
        return ""
    return " ".join(v.split()) if isinstance(v, str) else v


def gdelt_row(e: dict) -> list:
    d = e["event_date"]
    fraction = round(d.year + (d.timetuple().tm_yday - 1) / 365.0, 4) if d else ""
    country = _names()["country"].get(e["location_country"]) if e["location_country"] else None
    parts = []
    for p in (e["location_name"], e["location_admin1"], country):
        if p and p not in parts:   # a country-precision place is named once, not "Syria, Syria"
            parts.append(p)
    added = e["doc_coded_at"].strftime("%Y%m%d%H%M%S") if e["doc_coded_at"] else ""
    return [
        int(e["event_id"][:15], 16), _ymd(d), d.strftime("%Y%m") if d else "", d.year if d else "", fraction,
        _blank(e["source_code"]), _blank(e["source_name"]), _blank(e["source_country"]),
        _blank(e["source_group"]), _blank(e["source_role"]),
        _blank(e["target_code"]), _blank(e["target_name"]), _blank(e["target_country"]),
        _blank(e["target_group"]), _blank(e["target_role"]),
        1 if e["sentence_index"] == 0 else 0, e["event_code"], e["event_base_code"], e["event_root_code"],
        e["quad_class"], e["goldstein"], 1,
        GDELT_GEO_TYPE.get(e["geo_precision"], ""), ", ".join(parts), _blank(e["location_country"]),
        _blank(e["latitude"]), _blank(e["longitude"]), _blank(e["place_id"]), added,
        e["doc_url"] or e["doc_id"],
    ]


def acled_row(e: dict, kind: tuple[str, str]) -> list:
    d = e["event_date"]
    civilian = "Civilian targeting" if kind[0] == "Violence against civilians" else ""
    country = _names()["country"].get(e["location_country"], e["location_country"]) if e["location_country"] else ""
    stamp = int(e["doc_coded_at"].timestamp()) if e["doc_coded_at"] else ""
    return [
        e["event_id"], d.isoformat() if d else "", d.year if d else "",
        ACLED_TIME_PRECISION.get(e["date_precision"], ""), kind[0], kind[1],
        actor_label(e["source_country"], e["source_group"], e["source_role"]),
        actor_label(e["target_country"], e["target_group"], e["target_role"]),
        civilian, _blank(e["location_country"]), country, _blank(e["location_admin1"]),
        _blank(e["location_name"]), _blank(e["latitude"]), _blank(e["longitude"]),
        ACLED_GEO_PRECISION.get(e["geo_precision"], ""), e["doc_source"] or e["doc_url"] or e["doc_id"],
        e["sentence"], e["fatalities"] or 0, stamp,
    ]


def plover_record(e: dict, kind: tuple[str, str, list[str]]) -> dict:
    d = e["event_date"]
    location = None
    if e["location_name"] or e["location_country"]:
        location = {"name": e["location_name"], "country": e["location_country"], "admin1": e["location_admin1"],
                    "lat": e["latitude"], "lon": e["longitude"], "precision": e["geo_precision"],
                    "place_id": e["place_id"]}
    return {
        "id": e["event_id"], "date": d.isoformat() if d else None, "date_precision": e["date_precision"],
        "event": kind[0], "mode": kind[1] or None, "context": kind[2],
        "source": e["source_code"], "src_actor": e["source_country"] or e["source_group"],
        "src_agent": e["source_role"], "src_name": e["source_name"],
        "target": e["target_code"], "tgt_actor": e["target_country"] or e["target_group"],
        "tgt_agent": e["target_role"], "tgt_name": e["target_name"],
        "eventText": e["evidence"], "sentence": e["sentence"], "language": e["language"],
        "location": location, "fatalities": e["fatalities"], "cameo_code": e["event_code"],
        "doc_id": e["doc_id"], "url": e["doc_url"],
    }


def export(data_dir: str, fmt: str, out: str) -> ExportResult:
    """Write the dataset's news events to `out` in format `fmt`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    from coder.query import connect
    con = connect(data_dir)
    try:
        background = count_background(con)
        events = iter_events(con, background=background < 0)   # no is_background column: all are news
        return _write(events, fmt, Path(out), max(background, 0))
    finally:
        con.close()


def _write(events: Iterator[dict], fmt: str, path: Path, background: int) -> ExportResult:
    written = skipped = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        if fmt == "plover":
            cw = plover_crosswalk()
            for e in events:
                kind = cw.get(e["event_code"])
                if kind is None:
                    skipped += 1
                    continue
                f.write(json.dumps(plover_record(e, kind), ensure_ascii=False) + "\n")
                written += 1
        else:
            writer = csv.writer(f, delimiter="\t" if fmt == "gdelt" else ",", lineterminator="\n",
                                quoting=csv.QUOTE_MINIMAL)
            writer.writerow(GDELT_COLUMNS if fmt == "gdelt" else ACLED_COLUMNS)
            for e in events:
                if fmt == "gdelt":
                    writer.writerow(gdelt_row(e))
                else:
                    kind = acled_type(e["event_code"], e["target_role"])
                    if kind is None:
                        skipped += 1
                        continue
                    writer.writerow(acled_row(e, kind))
                written += 1
    return ExportResult(written, skipped, background)
