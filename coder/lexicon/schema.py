"""Schemas of the lexicon files. `coder lexicon check` and every load validate against these;
`python -m coder.lexicon.schema` writes them to schemas/lexicon.<kind>.json."""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

_CODE = re.compile(r"^\d{2,4}$")
_ID = r"^[A-Za-z0-9_.\-]+$"
Phrase = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class VerbEntry(_Strict):
    id: str = Field(pattern=_ID)
    code: str
    verbs: list[Phrase] = []
    nouns: list[Phrase] = []
    object: list[Phrase] = []
    speech: bool = False
    subject_is_target: bool = False
    speaker_is_source: bool = False   # "X said that Y must ...": the reporting verb's subject lays it on Y
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


class SenseEntry(_Strict):
    """A reading of an event word that is no event ("طائرات مسيرة" drones, not a march; "اعترض
    صاروخا" intercepted, not objected; "fighting inflation"): where it matches it outranks the
    event readings of the same words (a matched object, then the longer phrase, then the sense)."""
    id: str = Field(pattern=_ID)
    reading: str                      # what the words mean here, shown in the trace
    verbs: list[Phrase] = []          # conjugated like verbs files
    nouns: list[Phrase] = []          # matched as written
    object: list[Phrase] = []         # optional: the reading holds only with one of these after it
    note: Optional[str] = None


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
    # only events of these roots are discarded ("earthquake": no attack, but condolences and aid
    # stand); empty: the sentence codes nothing
    roots: list[str] = []
    note: Optional[str] = None


class ImplicitActor(_Strict):
    id: str = Field(pattern=_ID)
    roots: list[str] = []
    codes: list[str] = []
    source_role: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    target_role: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")
    target_from_location: bool = False
    location_role: Optional[str] = Field(default=None, pattern=r"^[A-Z]{3}$")   # the role the place's country is taken in
    role_for_country: bool = False       # a source named only by its country takes source_role ("Turkish jets")
    source_agents: list[str] = []        # with recode: the rule holds when the source is one of these agents
    source_roles: list[str] = []         # with recode: or when the source has one of these roles ("Israeli troops": MIL)
    recode: Optional[str] = Field(default=None, pattern=r"^\d{2,4}$")
    trigger_tags: list[str] = []         # with recode: only triggers with one of these verb tags (ing)
    reciprocal: bool = False             # a compound subject with no target: each member acts on the others
    mirror: bool = False                 # with source and target: the target does it to the source too
    note: Optional[str] = None


class ImplicitActorsFile(_Strict):
    language: Literal["any"]
    kind: Literal["implicit_actors"]
    entries: list[ImplicitActor]


class LexiconFile(_Strict):
    language: Literal["ar", "en"]
    kind: Literal["verbs", "actors", "agents", "discards", "senses"]
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
    protest_object_markers: list[Phrase] = []   # "hostile to", "معادية ل": what a protest is against (coder/rules/protest.py)
    coordinators: list[Phrase] = []
    clause_breaks: list[Phrase] = []
    subordinators: list[Phrase] = []
    locative_markers: list[Phrase] = []
    seat_place_markers: list[Phrase] = []
    complement_markers: list[Phrase] = []
    infinitive_markers: list[Phrase] = []
    conditional_markers: list[Phrase] = []
    modal_markers: list[Phrase] = []
    future_markers: list[Phrase] = []        # "will", "سوف": a stated future is an intent (coder/rules/mood.py)
    forecast_markers: list[Phrase] = []      # "is expected to", "من المقرر أن": a forecast, not coded
    habitual_markers: list[Phrase] = []      # "usually", "عادة": a habit, no particular event
    future_time_markers: list[Phrase] = []
    future_after_markers: list[Phrase] = []  # "تفجيرا سينفذ غدا": a future verb after an event noun puts it to come
    frame_markers: list[Phrase] = []
    response_markers: list[Phrase] = []      # "رداً على", "in retaliation for": a frame naming an earlier event
    request_markers: list[Phrase] = []       # "إلى" after an appeal: the event noun after it is asked for
    attribution_markers: list[Phrase] = []
    generic_markers: list[Phrase] = []       # "حينما تقتل", "whenever they attack": present tense, a general statement
    unreal_noun_markers: list[Phrase] = []   # "أي هجوم", "for fear of an attack": an event noun after them did not happen
    prospective_markers: list[Phrase] = []   # "الهجوم المرتقب", "a possible attack": an event noun next to them is to come
    necessity_markers: list[Phrase] = []     # "بات أمرا لا بد منه": after an event noun, a need that is still to be met (rules/mood.py)
    prospect_governors: list[Phrase] = []    # "تعهد ب", "تدريبا": an event noun in their complement is to come (rules/mood.py)
    kind_markers: list[Phrase] = []          # "تكرار خطف", "الهجمات المتكررة": an event noun next to them is a kind of act
    # "خلال السنوات الماضية", "منذ بداية العام": acts counted over such a period are a total, no event;
    # after a superlative ("الأعنف منذ بداية العام") the period measures one event (coder/rules/generic.py)
    period_markers: list[Phrase] = []
    superlatives: list[Phrase] = []
    # "الجنون الذي اجتاح بغداد", "اقتحم المجتمع الدولي الساحة": a mood or a community as the subject of a
    # verb of violence does no violence (coder/rules/generic.py)
    abstract_subjects: list[Phrase] = []
    # "صواريخ جراد وقذائف متطورة", "rifles and mortar shells": a weapon listed with them is an inventory
    weapon_words: list[Phrase] = []
    # "أسلحة تعرف بالقذائف الانفجارية", "so-called": an event noun after them is a name, mentioned
    naming_markers: list[Phrase] = []
    # "ordered the paper to suspend publication": a coercive act ordered of others is the orderer's (coder/rules/custody.py)
    command_verbs: list[Phrase] = []
    publication_nouns: list[Phrase] = []     # "a report released": what is released is published, no person freed (coder/rules/custody.py)
    means_markers: list[Phrase] = []         # "detained 30 people in dawn raids": the raid after them is how (coder/rules/custody.py)
    truce_nouns: list[Phrase] = []           # "ceasefire", "هدنة": the subject that makes "took effect" a truce (coder/rules/truce.py)
    step_markers: list[Phrase] = []          # "في خطوة", "in a move": the purpose after them is what the act amounts to
    relative_markers: list[Phrase] = []
    background_markers: list[Phrase] = []
    # "the anniversary of", "ذكرى", "survivors of": the event named after them is a past episode
    # (background in every language, SPEC 5)
    episode_markers: list[Phrase] = []
    era_markers: list[Phrase] = []           # "في القرن الماضي", "in the 19th century": an event of their clause is history
    episode_heads: list[Phrase] = []         # "انقلاب", "coup": a date right after them names the episode, dates no event
    charge_markers: list[Phrase] = []        # "بتهمة", "charged with": the act a charge names is alleged, not coded
    determiners: list[Phrase] = []
    genitive_markers: list[Phrase] = []
    origin_markers: list[Phrase] = []
    transitive_participles: list[Phrase] = []
    object_required: list[Phrase] = []
    irregular_verbs: dict[str, list[str]] = {}


# ---------------------------------------------------------------- supporting files
# dates.yaml, numbers.yaml, quantities.yaml and places.yaml describe how dates, numbers, counts and
# place names are written; their loaders (coder.dates, coder.lang.numbers, coder.quantities,
# coder.geo.toponyms) check what a schema cannot (regexes compile, slots exist).

DATE_RESOLVERS = ("calendar", "weekday", "relative", "shift")
DATE_UNITS = ("day", "week", "month", "year")
QUANTITY_UNITS = ("people", "fighters", "civilians", "children", "women", "soldiers", "police", "prisoners",
                  "detainees", "killed", "injured", "displaced", "refugees", "families", "vehicles", "money", "other")
QUANTITY_QUALIFIERS = ("exact", "approx", "at_least", "at_most", "vague")

DateUnit = Literal["day", "week", "month", "year"]
QuantityUnit = Literal["people", "fighters", "civilians", "children", "women", "soldiers", "police", "prisoners",
                       "detainees", "killed", "injured", "displaced", "refugees", "families", "vehicles", "other"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "vague"]
Month = Annotated[int, Field(ge=1, le=12)]
Weekday = Annotated[int, Field(ge=0, le=6)]     # Python's numbering: Monday = 0
DayOfMonth = Annotated[int, Field(ge=1, le=31)]


class _SupportFile(_Strict):
    language: Literal["ar", "en"]
    description: Optional[str] = None


class DateparserOptions(_Strict):
    languages: list[str]


class DateRule(_Strict):
    id: str = Field(pattern=_ID)
    pattern: str = Field(min_length=1)
    resolve: Literal["calendar", "weekday", "relative", "shift"]
    unit: Optional[DateUnit] = None
    offset: int = 0
    triggers: list[Phrase] = []


class DatesFile(_SupportFile):
    kind: Literal["dates"]
    dateparser: DateparserOptions
    months: dict[Month, list[Phrase]]
    months_need_cue: list[Phrase] = []
    weekdays: dict[Weekday, list[Phrase]]
    weekdays_need_cue: list[Phrase] = []
    units: dict[DateUnit, list[Phrase]] = {}
    plural_units: dict[DateUnit, list[Phrase]] = {}
    dual_units: dict[DateUnit, list[Phrase]] = {}
    dateparser_phrase: str = "{count} {unit} ago"
    dateparser_units: dict[DateUnit, str] = {}
    day_words: dict[DayOfMonth, list[Phrase]] = {}
    rules: list[DateRule] = Field(min_length=1)
    # words that open a phrase about an earlier event ("after", "بعد"): a date beyond them is that event's
    earlier_event_markers: list[Phrase] = []
    # words before a date that make it the start of a period ("since 2011") or its end ("until May")
    since_markers: list[Phrase] = []
    # words for hours ("hours after", "بعد ساعات من"): an offset of less than a day
    hour_units: list[Phrase] = []
    until_markers: list[Phrase] = []
    # words after an offset that date an event before the sentence's news ("seized a day earlier",
    # "the day before", "earlier this month"): that event is background, dated from the news event
    before_news_markers: list[Phrase] = []


class NumbersFile(_SupportFile):
    kind: Literal["numbers"]
    joiner: str = r"\s+"
    clitics: str = ""
    prefixes: list[str] = []
    atoms: dict[Phrase, int]
    teen_only: list[Phrase] = []
    teen_suffixes: list[Phrase] = []
    hundreds: dict[Phrase, int] = {}
    scales: dict[Phrase, int] = {}
    dual_scales: dict[Phrase, int] = {}
    bare_multipliers: bool = True
    one_before_multiplier: list[Phrase] = []
    vague: dict[Phrase, int] = {}


class QuantitiesFile(_SupportFile):
    kind: Literal["quantities"]
    units: dict[QuantityUnit, list[Phrase]]
    skip_between: list[Phrase] = []
    context_gap: int = Field(default=0, ge=0)
    max_gap: int = Field(default=2, ge=0)
    noun_suffixes: list[str] = []
    qualifiers: dict[Qualifier, list[Phrase]] = {}
    right_qualifiers: dict[Qualifier, list[Phrase]] = {}
    unit_cues_before: dict[QuantityUnit, list[Phrase]] = {}
    toll_cues: dict[QuantityUnit, list[Phrase]] = {}
    subset_cues: list[Phrase] = []   # the count after them is part of the count before
    unit_cues_after: dict[QuantityUnit, list[Phrase]] = {}
    cue_keeps: list[QuantityUnit] = []
    not_before: list[Phrase] = []
    # blockers that block only right before the number, not across context_gap words
    not_before_adjacent: list[Phrase] = []
    not_after: list[Phrase] = []
    months_need_year: list[Phrase] = []
    partitive: list[Phrase] = []
    needs_noun: list[Phrase] = []
    # money (unit `money`, SPEC 6): a currency sign or word before the amount ($, US$) or after it
    currency_before: list[Phrase] = []
    # Arabic duals count two (SPEC 6): a unit noun with a dual ending that is not itself a listed
    # plural (جنديان، جنديين، مقاتلان); feminine endings restore the ta marbuta (امرأتان -> امرأة)
    dual_suffixes: list[str] = []
    dual_feminine_suffixes: list[str] = []
    currency_after: list[Phrase] = []


class PlaceQualifiers(_Strict):
    scope: Literal["same", "admin1"] = "same"    # the place itself, or the division it lies in
    locative: bool = False
    words: list[Phrase]


class PlacesFile(_SupportFile):
    kind: Literal["places"]
    article: str = ""
    strip_suffixes: bool = True
    case_sensitive: bool = False
    min_population_bare: int = Field(default=0, ge=0)
    min_population_short: int = Field(default=0, ge=0)
    min_population_foreign: int = Field(default=0, ge=0)
    short_name_length: int = Field(default=0, ge=0)
    locative_proclitics: list[str] = []
    short_proclitics: list[str] = []
    locative: list[Phrase] = []
    before: list[PlaceQualifiers] = []
    after: list[PlaceQualifiers] = []
    stop: list[Phrase] = []
    launch_origin: list[Phrase] = []   # "rockets fired from Gaza": the place fire came from
    # a name right after/before one of these is a person's ("Sheikh Jasim", "جاسم بن") or an
    # organisation's ("لواء صلاح الدين", "the Salahuddin Brigade"), not a place
    destination: list[Phrase] = []     # "arrived in/to", "delivered tanks to Ukraine", "وصل إلى"
    name_words_before: list[Phrase] = []
    name_words_after: list[Phrase] = []
    # "the Iraqi capital", "العاصمة العراقية": a capital word next to a country's adjective names
    # that country's capital; capital_adjective says on which side the adjective stands
    capital_words: list[Phrase] = []
    capital_adjective: Literal["before", "after"] = "before"
    # a town's possessive before a capitalised name is that town's place, not a person's name
    # ("Baghdad's Tahrir Square", "Gaza's Shifa hospital")
    possessive_endings: list[str] = []


PosTag = Literal["NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "POSS", "PRON", "NUM", "CCONJ",
                 "SCONJ", "REL", "PART", "PUNCT", "X"]
ContextTag = Literal["NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "POSS", "PRON", "NUM", "CCONJ",
                     "SCONJ", "REL", "PART", "PUNCT", "X", "START", "END"]


class PosRule(_Strict):
    """One part-of-speech decision (spaCy's attribute_ruler as data): every condition given must hold."""
    tag: PosTag
    # ambiguous: a noun and a verb reading; unknown: none; named: an actor's name; verb: a verb reading only
    applies_to: list[Literal["ambiguous", "unknown", "named", "verb"]] = ["ambiguous"]
    prev_tag: list[ContextTag] = []
    next_tag: list[ContextTag] = []
    prev_word: list[Phrase] = []
    next_word: list[Phrase] = []
    word: list[Phrase] = []                      # the word itself is one of these
    ending: list[str] = []
    prefix: list[str] = []
    min_length: int = Field(default=0, ge=0)
    definite: Optional[bool] = None              # the word carries the article (ال)
    clitic_preposition: Optional[bool] = None    # read through a preposition clitic (بـ، لـ، كـ)
    capitalised: Optional[bool] = None           # written with a capital, not first in the sentence
    next_capitalised: Optional[bool] = None      # the next word is written with a capital
    next_definite: Optional[bool] = None         # the next word carries the article
    prev_definite: Optional[bool] = None         # the word before carries the article
    definite_agrees: bool = False                # as definite as the word before it (Arabic adjectives)
    # applied once every word has its tag, to the words then tagged VERB (it may read the next tag)
    revise: bool = False
    note: Optional[str] = None


class SyntaxFile(_SupportFile):
    kind: Literal["syntax"]
    words: dict[PosTag, list[Phrase]]
    pos_rules: list[PosRule] = Field(min_length=1)
    default_tag: PosTag = "NOUN"
    genitive_words: list[Phrase] = []
    partitive_words: list[Phrase] = []           # "three of", ثلاثة من: a number and its whole
    titles: list[Phrase] = []                    # the name after a title is the same person
    anaphors: list[Phrase] = []                  # "the group": refers back to the last organisation named
    time_nouns: list[Phrase] = []                # before a number they name a time (عام 2015): no argument
    impersonal_verbs: list[Phrase] = []          # the phrase after one is its subject (يمكن حفظها)
    # manner: "in a surprise assault" - an event noun there is what the predicate's subject did;
    # about: "complained to the UN over Israeli raids" - what a complaint is about (its target)
    argument_markers: dict[Literal["target", "agent", "recipient", "manner", "about"], list[Phrase]] = {}
    passive_auxiliaries: list[Phrase] = []
    # participles that after an auxiliary and before "to" tell the subject's own stance ("is
    # prepared to", "are determined to"): no passive, the subject is the doer
    stance_participles: list[Phrase] = []
    quote_markers: list[Phrase] = []
    participle_endings: list[str] = []
    # linking verbs: the noun phrase after one describes the subject, it is no object ("became president")
    copulas: list[Phrase] = []
    # verbs that take no direct object (توفي، يقع، استقال): a phrase after one is never its object
    intransitive_verbs: list[Phrase] = []
    # prepositions that may also open a clause ("before Slavs settled"): a verb after their phrase
    # is that clause's, not the finite verb a participle before them depends on
    clause_prepositions: list[Phrase] = []
    # pronouns that stand for a clause after a passive ("it is thought that ..."): no subject then
    expletives: list[Phrase] = []
    # a name of several words is headed by its first word (a person: "Donald Trump") unless it ends
    # with one of `name_heads` or starts with one of `name_prefixes` (a place or body: "Potomac
    # River", "North Carolina"), which it is then headed by its last word
    name_heads: list[Phrase] = []
    # conjunctions that after a past participle are prepositions ("known as", "published as")
    participle_prepositions: list[Phrase] = []
    name_prefixes: list[Phrase] = []


SUPPORT_MODELS: dict[str, type[BaseModel]] = {
    "dates": DatesFile, "numbers": NumbersFile, "quantities": QuantitiesFile, "places": PlacesFile,
    "syntax": SyntaxFile}


ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "verbs": VerbEntry, "actors": ActorEntry, "agents": AgentEntry, "discards": DiscardEntry,
    "senses": SenseEntry}


def export(folder: Path) -> list[Path]:
    written = []
    for kind, model in {**ENTRY_MODELS, "grammar": Grammar, "implicit_actors": ImplicitActorsFile,
                        **SUPPORT_MODELS}.items():
        schema = model.model_json_schema(by_alias=True)
        if kind in ENTRY_MODELS:
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
