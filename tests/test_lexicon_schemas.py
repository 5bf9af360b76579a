"""The lexicon formats are declared: schemas/lexicon.<kind>.json are generated from the pydantic
models that validate every dictionary file on load, and must match them (DESIGN.md §3)."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from coder.lexicon.check import check_support, support_files
from coder.lexicon.load import YAML_LOADER, check, lexicon_files
from coder.lexicon.schema import export

ROOT = Path(__file__).resolve().parent.parent


def test_committed_lexicon_schemas_match_the_models(tmp_path):
    for fresh in export(tmp_path):
        committed = ROOT / "schemas" / fresh.name
        assert committed.exists(), f"run `python -m coder.lexicon.schema schemas` to write {committed.name}"
        assert json.loads(committed.read_text()) == json.loads(fresh.read_text()), \
            f"{committed.name} is stale: run `python -m coder.lexicon.schema schemas`"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_dictionary_file_is_valid(lang):
    assert check(lang) == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_supporting_file_is_valid(lang):
    assert check_support(lang) == []


@pytest.mark.parametrize("path", [p for lang in ("ar", "en") for p in support_files(lang)],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_supporting_files_validate_against_the_json_schemas(path):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    schema = json.loads((ROOT / "schemas" / f"lexicon.{path.stem}.json").read_text())
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


@pytest.mark.parametrize("stem,bad_line", [
    ("dates", "  - {id: broken, pattern: 'x', resolve: tomorrowish}\n"),
    ("quantities", "  martians: [martians]\n"),
    ("places", "  - {scope: planet, words: [on]}\n"),
])
def test_a_broken_supporting_file_is_reported_with_its_name(tmp_path, monkeypatch, stem, bad_line):
    """A wrong value in dates/quantities/places.yaml is refused by the schema, naming the file."""
    import shutil
    import coder.lang.numbers as numbers
    for lang in ("ar", "en"):
        shutil.copytree(numbers.LEXICON / lang, tmp_path / lang)
    path = tmp_path / "en" / f"{stem}.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = {"dates": "rules:\n", "quantities": "units:\n", "places": "before:\n"}[stem]
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + bad_line, 1), encoding="utf-8")
    monkeypatch.setattr(numbers, "LEXICON", tmp_path)
    problems = check_support("en")
    assert problems and f"{stem}.yaml" in problems[0], problems


@pytest.mark.parametrize("path", [p for lang in ("ar", "en") for p in lexicon_files(lang)], ids=lambda p: p.name)
def test_dictionary_files_validate_against_the_json_schemas(path):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    kind = "grammar" if path.stem == "grammar" else path.stem.split("_")[0]
    schema = json.loads((ROOT / "schemas" / f"lexicon.{kind}.json").read_text())
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_a_broken_entry_is_reported_with_its_file_and_id(tmp_path, monkeypatch):
    import coder.lexicon.load as load
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "verbs_test.yaml").write_text(
        "language: en\nkind: verbs\nentries:\n  - id: bad\n    code: 19\n    verbs: [attack]\n", encoding="utf-8")
    monkeypatch.setattr(load, "LEXICON_DIR", tmp_path)
    problems = check("en")
    assert problems and "verbs_test.yaml" in problems[0] and "bad" in problems[0]


def _actor_codes(part: str):
    """(file name, entry id, code) for every `part` (country, group, role) of every actor and agent
    entry, its dated periods included."""
    for lang in ("ar", "en"):
        for path in lexicon_files(lang):
            if not path.stem.startswith(("actors", "agents")):
                continue
            for e in yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)["entries"]:
                for code in [e.get(part)] + [p.get(part) for p in e.get("periods", [])]:
                    if code:
                        yield path.name, e["id"], code


def test_actor_countries_are_iso_codes_or_the_spec_regions():
    """SPEC §4: ISO 3166-1 alpha-3 (former states by their ISO 3166-3 codes, Kosovo by the usual
    XKX) or a region (EUR, MEA, WST)."""
    import pycountry
    allowed = {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries} | \
        {"EUR", "MEA", "WST", "XKX"}
    bad = [f"{f}:{i}:{c}" for f, i, c in _actor_codes("country") if c not in allowed]
    assert not bad, bad[:20]


def test_actor_roles_are_cameo_agent_codes():
    """SPEC §4 roles and the other CAMEO agent codes the dictionaries use; never a country code."""
    allowed = set("GOV MIL COP JUD LEG SPY REB INS OPP CVL REF MED NGO IGO HLH EDU BUS UAF ELI CRM LAB "
                  "PTY REL AGR ENV MOD RAD SET".split())
    bad = [f"{f}:{i}:{r}" for f, i, r in _actor_codes("role") if r not in allowed]
    assert not bad, bad[:20]


def test_every_group_code_is_in_the_group_dictionary():
    """SPEC §4: group codes are exactly those of the group dictionary (coder/lexicon/groups.tsv)."""
    table = (ROOT / "coder" / "lexicon" / "groups.tsv").read_text(encoding="utf-8").splitlines()
    known = {line.split("\t")[0] for line in table if line and not line.startswith("#")} - {"code"}
    assert {"ISI", "SDF", "YPG", "PKK", "HTS", "SNA", "PMF", "HEZ", "HAM", "HTH", "ALQ", "UNO", "EU", "NATO",
            "ICRC", "MSF", "COA", "ISW"} <= known
    bad = [f"{f}:{i}:{g}" for f, i, g in _actor_codes("group") if g not in known]
    assert not bad, f"add these group codes to coder/lexicon/groups.tsv: {bad[:20]}"
