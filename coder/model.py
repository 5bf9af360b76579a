"""Records shared by every stage.

Boundaries (input documents, lexicon entries, output rows) are pydantic models, validated once.
Spans inside the hot path (tokens, mentions) are slotted dataclasses: they are created tens of
times per sentence, and pydantic validation there would cost more than the matching itself.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["ar", "en"]
DatePrecision = Literal["day", "month", "year", "published"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "vague"]
GeoPrecision = Literal["site", "locality", "admin2", "admin1", "country", "region"]


# ---------------------------------------------------------------- input

class Document(BaseModel):
    """One input document, as read from a file or record."""
    model_config = ConfigDict(frozen=True)

    doc_id: str = Field(min_length=1)
    text: str
    published: Optional[dt.date] = None
    language: Optional[Language] = None  # None: detect
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    input_path: str = ""
    record: Optional[int] = None  # line/row number in the input file


class Reject(BaseModel):
    """An input record that could not be read, with the reason (SPEC §2)."""
    input_path: str
    record: Optional[int] = None
    doc_id: Optional[str] = None
    reason: str
    raw: str = ""


# ---------------------------------------------------------------- spans (hot path)

@dataclass(slots=True)
class Token:
    text: str          # as in the input
    start: int         # character offsets in the sentence
    end: int
    norm: str          # normalised form (lower case; Arabic letters folded)
    forms: tuple[str, ...]  # lookup forms: norm first, then clitic-stripped variants


@dataclass(slots=True)
class Sentence:
    index: int
    text: str
    start: int         # offset in the document
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """A lexicon match over tokens [first, last] (inclusive); char offsets in the sentence."""
    kind: str          # verb | actor | agent | grammar | discard | place | date | quantity
    first: int
    last: int
    start: int
    end: int
    text: str
    entry: object      # the compiled lexicon entry (or resolved value for dates/quantities/places)
    rule_id: str = ""
    first_form: int = 0  # which lookup form of the first token matched (0: the word as written)


@dataclass(slots=True)
class ActorCode:
    country: Optional[str] = None
    group: Optional[str] = None
    role: Optional[str] = None

    @property
    def code(self) -> Optional[str]:
        s = "".join(p for p in (self.country, self.group, self.role) if p)
        return s or None

    def merged(self, other: "ActorCode") -> "ActorCode":
        """Fill the parts this code lacks from another ("Syrian" + "army" -> SYR + MIL)."""
        return ActorCode(self.country or other.country, self.group or other.group,
                         self.role or other.role)


@dataclass(slots=True)
class Actor:
    code: ActorCode
    name: Optional[str]   # as written; None for an actor the event class implies (implicit_actors.yaml)
    first: int
    last: int
    start: int
    end: int
    rule_ids: tuple[str, ...] = ()


# ---------------------------------------------------------------- resolved values

@dataclass(slots=True, frozen=True)
class ResolvedDate:
    value: dt.date
    precision: DatePrecision
    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class QuantityValue:
    value: int
    qualifier: str
    unit: str
    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class Place:
    """A gazetteer entry."""
    place_id: str
    name: str
    country: Optional[str]
    admin1: Optional[str]
    latitude: float
    longitude: float
    precision: str       # GeoPrecision
    feature: str = ""
    population: int = 0


@dataclass(slots=True, frozen=True)
class PlaceMention:
    place: Place
    start: int
    end: int
    text: str
    score: float = 1.0
    locative: bool = False   # introduced by a locative cue (in, near, في, ب-, ريف, north of ...)
    typed: bool = False      # named with a place-type word (town of, مدينة, قضاء, camp): a place, not an actor
    destination: bool = False  # after a word of direction (to, إلى): where a visit or delivery goes


# ---------------------------------------------------------------- output rows

class EventRow(BaseModel):
    """One row of the `events` table (SPEC §3)."""
    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    evidence: str
    language: Language
    published: Optional[dt.date] = None
    event_date: Optional[dt.date] = None
    date_precision: Optional[DatePrecision] = None
    is_background: bool = False
    event_code: str
    event_base_code: str
    event_root_code: str
    quad_class: int = Field(ge=1, le=4)
    goldstein: float = Field(ge=-10, le=10)
    source_code: Optional[str] = None
    source_name: Optional[str] = None
    source_country: Optional[str] = None
    source_group: Optional[str] = None
    source_role: Optional[str] = None
    target_code: Optional[str] = None
    target_name: Optional[str] = None
    target_country: Optional[str] = None
    target_group: Optional[str] = None
    target_role: Optional[str] = None
    location_text: Optional[str] = None
    location_name: Optional[str] = None
    location_country: Optional[str] = None
    location_admin1: Optional[str] = None
    latitude: Optional[float] = Field(default=None, ge=-90, le=90)
    longitude: Optional[float] = Field(default=None, ge=-180, le=180)
    geo_precision: Optional[GeoPrecision] = None
    place_id: Optional[str] = None
    quantity_value: Optional[int] = None
    quantity_qualifier: Optional[Qualifier] = None
    quantity_unit: Optional[str] = None
    fatalities: Optional[int] = None
    rule_id: str
    confidence: float = Field(ge=0, le=1)
    coder_version: str


class QuantityRow(BaseModel):
    """One row of `event_quantities`."""
    event_id: str
    value: int
    qualifier: Qualifier
    unit: str
    text: str


class DocumentRow(BaseModel):
    """One row of `documents`."""
    doc_id: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    language: Optional[Language] = None
    published: Optional[dt.date] = None
    n_sentences: int = Field(ge=0)
    n_events: int = Field(ge=0)
    sha256: str
    input_path: str
    coded_at: dt.datetime
    coder_version: str


class RejectRow(BaseModel):
    """One row of `rejects`."""
    input_path: str
    record: Optional[int] = None
    doc_id: Optional[str] = None
    reason: str
    raw: str


class CodedDocument(BaseModel):
    """Everything the pipeline produced for one document: what the sinks write."""
    model_config = ConfigDict(arbitrary_types_allowed=True)

    document: DocumentRow
    events: list[EventRow] = []
    quantities: list[QuantityRow] = []
