"""Records shared by every stage.

Boundaries (input documents, lexicon entries, output rows) are pydantic models, validated once.
Spans inside the hot path (tokens, mentions) are dataclasses: they are created tens of times per
sentence, and pydantic validation there would cost more than the matching itself. Tokens, sentences
and mentions live in coder/records.py (re-exported here).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, dataclass, fields
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

# the hot path's records (coder/records.py)
from coder.records import Mention, Sentence, Token, WordMemo  # noqa: F401 (re-exported)

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


# ---------------------------------------------------------------- actors (hot path)

@dataclass(slots=True)
class ActorCode:
    country: Optional[str] = None
    group: Optional[str] = None
    role: Optional[str] = None

    @property
    def code(self) -> Optional[str]:
        # (asked tens of times per event: concatenation, not a generator)
        return (self.country or "") + (self.group or "") + (self.role or "") or None

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


def is_named(actor: Optional[Actor]) -> bool:
    return actor is not None and actor.name is not None   # implied actors (implicit_actors.yaml) have no name


def of_country(actor: Actor, country: str) -> Actor:
    """The actor, with its role, as one of `country`'s. (The constructor, not dataclasses.replace,
    which costs several times as much: about a quarter of the actors placed are such.)"""
    return Actor(ActorCode(country, None, actor.code.role), actor.name, actor.first, actor.last,
                 actor.start, actor.end, actor.rule_ids)


# ---------------------------------------------------------------- resolved values

def _parameters(cls, scope: dict) -> list[str]:
    """The parameters of cls's dataclass __init__, as source for a generated function: each default
    put in `scope` under a name of its own. (A default_factory is refused: only the dataclass's own
    __init__ calls it.)"""
    params = []
    for f in fields(cls):
        if f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: a default_factory needs the dataclass's own __init__")
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    return params


def _slot_setting_init(cls):
    """Give a frozen slots dataclass an __init__ that stores each field through its slot's own setter
    (cls.<field>.__set__, bound once), where the generated one calls object.__setattr__ a field
    (a lookup and a generic attribute store each): these records are built several times a
    sentence. Same signature and defaults; the class stays frozen, compared, hashed, shown and
    pickled as the dataclass makes it."""
    names = [f.name for f in fields(cls)]
    scope = {f"_set_{n}": getattr(cls, n).__set__ for n in names}
    params = _parameters(cls, scope)
    body = "".join(f"\n    _set_{n}(self, {n})" for n in names)
    exec(f"def __init__(self, {', '.join(params)}):{body}", scope)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = cls.__init__.__annotations__
    cls.__init__ = init
    return cls


def _open_class(cls):
    """A class with `cls`'s slots that is not frozen: an instance of it filled by plain attribute stores
    may then have its class set to `cls` (same slots, so CPython lets it), and is then what
    cls(...) makes. (cls(...) costs a type call and a call of the slot's setter a field: a
    ResolvedDate about 5,100 machine instructions against 2,600 through _maker's function, 2,000
    stored inline.)"""
    if cls.__slots__ != tuple(f.name for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: its slots are not its fields")
    return type(f"Open{cls.__name__}", (), {"__slots__": cls.__slots__, "__module__": cls.__module__})


def _maker(cls, open_cls, name):
    """A function `name` with cls's __init__ signature that makes the record through `open_cls`
    (_open_class)."""
    scope = {"_new": object.__new__, "_open": open_cls, "_record": cls}
    params = _parameters(cls, scope)
    body = "".join(f"\n    r.{n} = {n}" for n in cls.__slots__)
    exec(f"def {name}({', '.join(params)}):\n    r = _new(_open){body}\n    r.__class__ = _record\n    return r",
         scope)
    make = scope[name]
    make.__module__ = cls.__module__
    make.__doc__ = f"{cls.__name__}(...), made without its __init__ (_open_class)."
    return make



@_slot_setting_init
@dataclass(slots=True, frozen=True)
class ResolvedDate:
    value: dt.date
    precision: DatePrecision
    start: int
    end: int
    text: str


@_slot_setting_init
@dataclass(slots=True, frozen=True)
class QuantityValue:
    value: int
    qualifier: str
    unit: str
    start: int
    end: int
    text: str


@_slot_setting_init
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


@_slot_setting_init
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


# the records made several times a sentence, by plain stores (_open_class): the makers take the
# fields as the records' constructors do
OpenResolvedDate = _open_class(ResolvedDate)
OpenQuantityValue = _open_class(QuantityValue)
OpenPlace = _open_class(Place)
OpenPlaceMention = _open_class(PlaceMention)
new_resolved_date = _maker(ResolvedDate, OpenResolvedDate, "new_resolved_date")
new_quantity_value = _maker(QuantityValue, OpenQuantityValue, "new_quantity_value")
new_place = _maker(Place, OpenPlace, "new_place")
new_place_mention = _maker(PlaceMention, OpenPlaceMention, "new_place_mention")


# ---------------------------------------------------------------- output rows

_new_instance = object.__new__
# the setters of the four slots BaseModel gives every model (the instance's dict, the fields set, the
# extra and the private values), bound once: a store through the slot's own setter, where
# object.__setattr__ first looks the name up in the class's attributes (a document's two assembled
# records, with their freeing: about 14.1 k machine instructions against 17.8 k)
_set_dict, _set_fields_set, _set_extra, _set_private = (
    BaseModel.__dict__[name].__set__
    for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))


def assembled(model: type[BaseModel], values: dict) -> BaseModel:
    """An instance of `model` holding `values` (every field, each already of its field's type: the
    values of validated records, or made by the coder as such), as `model.model_construct(**values)`
    makes it (its fields set: the keys given; no extra, no private values), without that method's
    Python loop over the model's fields. For the records the pipeline builds of validated parts
    once a document (its documents row, the CodedDocument holding its rows), whose validation, in
    pydantic-core, found nothing to convert and cost as much as coding a few words. The model must
    have no private attribute, validator-made value or model_post_init (the test of this module's
    callers compares what it builds with the validator's)."""
    instance = _new_instance(model)
    _set_dict(instance, values)
    _set_fields_set(instance, set(values))
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


def assembled_given(model: type[BaseModel], values: dict, given: set[str]) -> BaseModel:
    """`assembled` with every field in `values` (in the model's order) and `given` the fields set: the
    instance the model's validator makes of the fields in `given`, the others left to their default,
    where `values` are what it validated them to (coder/event_rows.py)."""
    instance = _new_instance(model)
    _set_dict(instance, values)
    _set_fields_set(instance, given)
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


class EventRow(BaseModel):
    """One row of the `events` table: one coded event (who did what to whom, where, when, how many)."""
    event_id: str = Field(description=(
        "Deterministic id of the event: a hash of the document, its text, the sentence, the "
        "trigger, the code, the actors and the coder version; the same input and coder version "
        "always give the same id"))
    doc_id: str = Field(description=(
        "Id of the input document the event was coded from (joins documents.doc_id)"))
    sentence_index: int = Field(description='0-based index of the sentence in the document')
    sentence: str = Field(description='The sentence text, as in the input')
    evidence: str = Field(description=(
        "The span of the sentence that expresses the event (the trigger verb or noun phrase)"))
    language: Language = Field(description='Language of the document: ar (Arabic) or en (English)')
    published: Optional[dt.date] = Field(default=None, description=(
        "Publication date of the document; null if unknown"))
    event_date: Optional[dt.date] = Field(default=None, description=(
        "When the event happened, resolved against the publication date; null if unknown"))
    date_precision: Optional[DatePrecision] = Field(default=None, description=(
        "How precise event_date is: day, month (the 1st of the month), year (January 1), or "
        "published (the sentence had no date expression: event_date is the publication date)"))
    is_background: bool = Field(default=False, description=(
        "True when the text reports the event as history or background, not as news: inside a "
        "relative or since/after/before clause about an earlier event, named as a past episode "
        "(the 2014 massacre), or dated more than 30 days before publication; dashboards filter on it"))
    event_code: str = Field(description=(
        "CAMEO event code (2 to 4 digits), e.g. 0233, 130, 190; names, Goldstein scores and quad "
        "classes are in the `cameo` view of coder query"))
    event_base_code: str = Field(description=(
        "First three digits of event_code (the two-digit root for a root-level code), e.g. 023"))
    event_root_code: str = Field(description=(
        "First two digits of event_code: the CAMEO root class 01-20, e.g. 02"))
    quad_class: int = Field(ge=1, le=4, description=(
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict "
        "(GDELT's quad classes)"))
    goldstein: float = Field(ge=-10, le=10, description=(
        "Goldstein conflict-cooperation score of event_code, -10 (most conflictual) to +10 (most "
        "cooperative)"))
    source_code: Optional[str] = Field(default=None, description=(
        "CAMEO-style code of the actor who did it: country + group + role, e.g. USAGOV, "
        "SYRSDFREB, ISIINS; null when the text names no doer"))
    source_name: Optional[str] = Field(default=None, description=(
        "The source actor as written in the text; null for an actor the event class implies"))
    source_country: Optional[str] = Field(default=None, description=(
        "ISO 3166-1 alpha-3 country of the source actor, or a region (EUR Europe, MEA Middle "
        "East, WST the West); names in the `countries` view"))
    source_group: Optional[str] = Field(default=None, description=(
        "Named organisation of the source actor (e.g. ISI, SDF, UNO); names in the `groups` view"))
    source_role: Optional[str] = Field(default=None, description=(
        "CAMEO agent (role) code of the source actor (e.g. GOV, MIL, CVL, UAF); names in the "
        "`roles` view"))
    target_code: Optional[str] = Field(default=None, description=(
        "CAMEO-style code of the actor the event was done to (country + group + role); null when "
        "the event has no target"))
    target_name: Optional[str] = Field(default=None, description='The target actor as written in the text')
    target_country: Optional[str] = Field(default=None, description=(
        "ISO 3166-1 alpha-3 country of the target actor, or a region (EUR, MEA, WST)"))
    target_group: Optional[str] = Field(default=None, description=(
        "Named organisation of the target actor; names in the `groups` view"))
    target_role: Optional[str] = Field(default=None, description=(
        "CAMEO agent (role) code of the target actor; names in the `roles` view"))
    location_text: Optional[str] = Field(default=None, description=(
        "The place as written in the text; null when the location is inherited from the document "
        "or its actors"))
    location_name: Optional[str] = Field(default=None, description=(
        "Canonical English name of the place in the bundled gazetteer"))
    location_country: Optional[str] = Field(default=None, description=(
        "ISO 3166-1 alpha-3 country of the place"))
    location_admin1: Optional[str] = Field(default=None, description=(
        "First-level administrative division of the place (e.g. Al-Hasakah Governorate), or null"))
    latitude: Optional[float] = Field(default=None, ge=-90, le=90, description=(
        "WGS84 latitude of the place in degrees (a country-precision place gives the country's "
        "centre)"))
    longitude: Optional[float] = Field(default=None, ge=-180, le=180, description=(
        "WGS84 longitude of the place in degrees"))
    geo_precision: Optional[GeoPrecision] = Field(default=None, description=(
        "How precise the place is, finest first: site (camp, prison, building), locality, admin2,"
        " admin1, country, region"))
    place_id: Optional[str] = Field(default=None, description=(
        "Gazetteer id of the place, e.g. geonames:163345 or local:al-hol-camp"))
    quantity_value: Optional[int] = Field(default=None, description=(
        "The event's main quantity (e.g. the number killed or arrested); null if none; all "
        "quantities are in event_quantities"))
    quantity_qualifier: Optional[Qualifier] = Field(default=None, description=(
        "Qualifier of quantity_value: exact, approx (about), at_least (more than), at_most (up "
        "to), vague (dozens = 10, hundreds = 100, thousands = 1000)"))
    quantity_unit: Optional[str] = Field(default=None, description=(
        "What quantity_value counts: people, fighters, civilians, children, women, soldiers, "
        "police, prisoners, detainees, killed, injured, displaced, refugees, families, vehicles, "
        "money, other"))
    fatalities: Optional[int] = Field(default=None, description=(
        "People killed in this event when the text says so, else null"))
    rule_id: str = Field(description=(
        "The dictionary pattern or rule that coded the event, e.g. en.verbs.shell; `coder "
        "explain` shows the trace"))
    confidence: float = Field(ge=0, le=1, description=(
        "How completely the event was read, 0 to 1 (not a calibrated probability): 0.45, plus 0.2"
        " with a source, plus 0.2 with a target, plus 0.1 when the trigger is a verb rather than "
        "a noun, at most 0.95"))
    coder_version: str = Field(description='Version of the coder that wrote the row')


class QuantityRow(BaseModel):
    """One row of `event_quantities`: one quantity attached to an event."""
    event_id: str = Field(description='The event the quantity belongs to (joins events.event_id)')
    value: int = Field(description=(
        "The number (vague amounts: dozens = 10, hundreds = 100, thousands = 1000)"))
    qualifier: Qualifier = Field(description=(
        "Qualifier of the value: exact, approx (about), at_least (more than), at_most (up to) or "
        "vague"))
    unit: str = Field(description=(
        "What is counted: people, fighters, civilians, children, women, soldiers, police, "
        "prisoners, detainees, killed, injured, displaced, refugees, families, vehicles, money, "
        "other"))
    text: str = Field(description=(
        "The quantity as written in the text (keeps the currency of an amount of money)"))


class DocumentRow(BaseModel):
    """One row of `documents`: one coded input document."""
    doc_id: str = Field(description="Id of the document: the input's id field, or a .txt file's stem")
    title: Optional[str] = Field(default=None, description='Title from the input record, or null')
    source: Optional[str] = Field(default=None, description='Source (outlet) from the input record, or null')
    url: Optional[str] = Field(default=None, description='URL from the input record, or null')
    language: Optional[Language] = Field(default=None, description=(
        "Language the document was coded in: ar or en (given by the input or detected)"))
    published: Optional[dt.date] = Field(default=None, description=(
        "Publication date of the document, or null if unknown"))
    n_sentences: int = Field(ge=0, description='Number of sentences the document was split into')
    n_events: int = Field(ge=0, description=(
        "Number of events coded from the document (0: a document with no event)"))
    sha256: str = Field(description=(
        "SHA-256 of the document text: a document coded again with the same text and coder "
        "version is skipped"))
    input_path: str = Field(description='The file the document was read from')
    coded_at: dt.datetime = Field(description='When the document was coded (UTC)')
    coder_version: str = Field(description='Version of the coder that wrote the row')


class RejectRow(BaseModel):
    """One row of `rejects`: one input record that could not be read or coded."""
    input_path: str = Field(description='The file the unreadable record is in')
    record: Optional[int] = Field(default=None, description=(
        "Line (JSONL) or row (CSV, Parquet) number of the record in the file, 1-based, or null "
        "for a whole file"))
    doc_id: Optional[str] = Field(default=None, description='Id of the record, when it could be read')
    reason: str = Field(description='Why the record could not be coded, in words')
    raw: str = Field(description='The first 1,000 characters of the record as read')


class CodedDocument(BaseModel):
    """Everything the pipeline produced for one document: what the sinks write."""
    model_config = ConfigDict(arbitrary_types_allowed=True)

    document: DocumentRow
    events: list[EventRow] = []
    quantities: list[QuantityRow] = []
