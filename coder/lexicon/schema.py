"""Schemas of the lexicon files. `coder lexicon check` and every load validate against these;
`python -m coder.lexicon.schema` writes them to schemas/lexicon.<kind>.json."""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

_CODE = re.compile(r"^\d{2,4}$")
_ID = r"^[A-Za-z0-9_.\-]+$"
Phrase = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VerbEntry(_Strict):
    id: str = Field(pattern=_ID)
    code: str
    verbs: list[Phrase] = []
    nouns: list[Phrase] = []
    object: list[Phrase] = []
    speech: bool = False
    subject_is_target: bool = False
    genitive: Optional[Literal["source", "target"]] = None
    subject_agents: list[str] = []
    note: Optional[str] = None

    @field_validator("code")
    @classmethod
    def _cameo(cls, v: str) -> str:
        if not _CODE.match(v):
            raise ValueError(f"CAMEO code {v!r} must be 2-4 digits as a string, e.g. \"190\"")
        return v


class Period(_Strict):
    from_: Optional[dt.date] = Field(default=None, alias="from")
    to: Optional[dt.date] = None
    country: Optional[str] = None
    group: Optional[str] = None
    role: Optional[str] = None


class ActorEntry(_Strict):
    id: str = Field(pattern=_ID)
    names: list[Phrase] = []
    adjectives: list[Phrase] = []
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    group: Optional[str] = Field(default=None, pattern=r"^[A-Z]{2,5}$")
    role: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    periods: list[Period] = []
    note: Optional[str] = None


class AgentEntry(_Strict):
    id: str = Field(pattern=_ID)
    role: str = Field(pattern=r"^[A-Z]{3}$")
    names: list[Phrase]
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    group: Optional[str] = Field(default=None, pattern=r"^[A-Z]{2,5}$")
    note: Optional[str] = None


class DiscardEntry(_Strict):
    id: str = Field(pattern=_ID)
    names: list[Phrase]
    note: Optional[str] = None


class ImplicitActor(_Strict):
    id: str = Field(pattern=_ID)
    roots: list[str] = []
    codes: list[str] = []
    source_role: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    target_role: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    target_from_location: bool = False
    source_agents: list[str] = []        # with recode: the rule holds when the source is one of these agents
    recode: Optional[str] = Field(default=None, pattern=r"^\d{2,4}$")
    reciprocal: bool = False             # a compound subject with no target: each member acts on the others
    note: Optional[str] = None


class ImplicitActorsFile(_Strict):
    language: Literal["any"]
    kind: Literal["implicit_actors"]
    entries: list[ImplicitActor]


class LexiconFile(_Strict):
    language: Literal["ar", "en"]
    kind: Literal["verbs", "actors", "agents", "discards"]
    description: Optional[str] = None
    entries: list[dict]


class Grammar(_Strict):
    language: Literal["ar", "en"]
    kind: Literal["grammar"]
    description: Optional[str] = None
    negation: list[Phrase] = []
    passive_auxiliaries: list[Phrase] = []
    agent_markers: list[Phrase] = []
    target_markers: list[Phrase] = []
    coordinators: list[Phrase] = []
    clause_breaks: list[Phrase] = []
    locative_markers: list[Phrase] = []
    complement_markers: list[Phrase] = []
    infinitive_markers: list[Phrase] = []
    conditional_markers: list[Phrase] = []
    modal_markers: list[Phrase] = []
    relative_markers: list[Phrase] = []
    determiners: list[Phrase] = []
    genitive_markers: list[Phrase] = []
    origin_markers: list[Phrase] = []
    transitive_participles: list[Phrase] = []
    irregular_verbs: dict[str, list[str]] = {}


ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "verbs": VerbEntry, "actors": ActorEntry, "agents": AgentEntry, "discards": DiscardEntry}


def export(folder: Path) -> list[Path]:
    written = []
    for kind, model in {**ENTRY_MODELS, "grammar": Grammar, "implicit_actors": ImplicitActorsFile}.items():
        schema = model.model_json_schema(by_alias=True)
        if kind not in ("grammar", "implicit_actors"):
            schema = {"title": f"{kind} lexicon file", "type": "object",
                      "required": ["language", "kind", "entries"],
                      "properties": {"language": {"enum": ["ar", "en"]}, "kind": {"const": kind},
                                     "description": {"type": "string"},
                                     "entries": {"type": "array", "items": {"$ref": "#/$defs/entry"}}},
                      "additionalProperties": False,
                      "$defs": {**schema.pop("$defs", {}), "entry": schema}}
        path = folder / f"lexicon.{kind}.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in export(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(p)
