"""The code tables and distance_km() in `coder query`, run through the command line."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from geopy.distance import great_circle

from coder.cli import main
from coder.reference_views import countries_table, roles_table
from sample_dataset import make_dataset

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return make_dataset(tmp_path_factory.mktemp("refviews"))


def query(capsys, data, sql):
    assert main(["query", sql, "--data", str(data), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_join_cameo_using_event_code(capsys, data):
    rows = query(capsys, data, "select event_code, event_name, c.goldstein, quad_class_name from events "
                               "join cameo c using (event_code) order by event_code")
    by_code = {r["event_code"]: r for r in rows}
    assert by_code["173"]["event_name"].lower().startswith("arrest")
    assert by_code["173"]["quad_class_name"] == "material conflict"
    assert len(rows) == query(capsys, data, "select count(*) as n from events")[0]["n"]


def test_cameo_roots_and_every_code(capsys, data):
    rows = query(capsys, data, "select event_code, root_name, goldstein, quad_class from cameo where event_code in ('14', '1411', '0233')")
    got = {r["event_code"]: r for r in rows}
    assert got["1411"]["root_name"] == got["14"]["root_name"] == "PROTEST"
    assert got["0233"]["quad_class"] == 1 and got["0233"]["goldstein"] > 0


def test_roles_groups_countries_name_the_codes_of_events(capsys, data):
    rows = query(capsys, data, """select e.source_code, r.name as role, c.name as country
                                  from events e join roles r on r.code = e.source_role
                                  join countries c on c.code = e.source_country where e.source_code = 'IRQCOP'""")
    assert rows and all(r == {"source_code": "IRQCOP", "role": "Police", "country": "Iraq"} for r in rows)
    assert query(capsys, data, "select name from groups where code = 'UNO'")[0]["name"].startswith("United Nations")
    ar = query(capsys, data, "select name_ar from countries where code = 'SYR'")[0]["name_ar"]
    assert ar == "سوريا"


def _lexicon_codes(part: str) -> set[str]:
    codes = set()
    for path in (ROOT / "coder" / "lexicon").glob("*/*.yaml"):
        codes |= set(re.findall(rf"\b{part}: *\"?([A-Z]{{3}})\b", path.read_text(encoding="utf-8")))
    return codes


def test_every_role_and_country_the_dictionaries_use_has_a_name():
    roles = set(roles_table().column("code").to_pylist())
    countries = set(countries_table().column("code").to_pylist())
    assert _lexicon_codes("role") - roles == set(), "add these to coder/lexicon/roles.tsv"
    assert _lexicon_codes("country") - countries == set(), "add these to coder/lexicon/regions.tsv"
    assert {"GOV", "MIL", "COP", "REB", "INS", "CVL", "UAF"} <= roles and {"EUR", "MEA", "WST"} <= countries


@pytest.mark.parametrize("a, b", [((33.51, 36.29), (33.89, 35.50)),      # Damascus - Beirut
                                  ((36.34, 43.13), (36.19, 44.01)),      # Mosul - Erbil
                                  ((0.0, 0.0), (0.0, 180.0))])           # half the equator
def test_distance_km_is_the_great_circle_distance(capsys, data, a, b):
    km = query(capsys, data, f"select distance_km({a[0]}, {a[1]}, {b[0]}, {b[1]}) as km")[0]["km"]
    assert km == pytest.approx(great_circle(a, b).km, rel=1e-3)


def test_events_within_50_km_of_a_point(capsys, data):
    # Idlib city (35.93 N, 36.63 E): the Arabic shelling of Idlib and the English strike on Maarat al-Numan
    # (about 33 km) are within 50 km; Saraqib is about 18 km away; Baghdad is not
    rows = query(capsys, data, """select location_name from events where geo_precision in ('site', 'locality')
                                  and distance_km(latitude, longitude, 35.93, 36.63) <= 50""")
    names = {r["location_name"] for r in rows}
    assert {"Idlib", "Maarat al-Numan", "Saraqib"} <= names and "Baghdad" not in names


def test_code_tables_do_not_open_file_access(capsys, data):
    assert main(["query", "select * from read_csv('/etc/passwd')", "--data", str(data)]) == 2
    assert "query failed" in capsys.readouterr().err
