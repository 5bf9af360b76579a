"""Tense and mood: which coded events the sentence reports as not yet done or as a habit.

- a forecast by the writer or by observers ("is expected to meet", "من المقرر أن يزور",
  "يرجح محللون أن تشن") reports nothing that happened: not coded;
- a habit or a general statement ("usually strikes at night", "تشن عادة غاراتها") is no event
  of a particular day: not coded;
- a future ("will launch", "سوف يلتقي", "سيستقبل", "next week") is what an actor intends: when a
  party states it (a reporting verb in the sentence, "Erdogan said Turkey would launch"), it is
  coded as what it is, an intent (03x) for cooperation and a threat (13x) for force or sanctions,
  on the day it was said (CAMEO's own reading of "express intent"); unstated, it is not coded.
The grammar words are data: grammar.yaml future_markers, forecast_markers, habitual_markers and
future_time_markers."""
from __future__ import annotations

from typing import Optional

from coder.rules.types import NO_TOKENS, PUNCT_BARRIER, ROOT, Hit, names

GENERAL_INTENT = "030"  # an intent with no class of its own ("يعتزم", "vows"): its complement may give it one
FUTURE_WINDOW = 4      # tokens before a trigger in which "will", "سوف", "من المقرر أن" rule it
HABIT_WINDOW = 5       # tokens either side of a trigger in which "usually", "عادة" rule it
TIME_WINDOW = 8        # tokens after a trigger in which "next week", "المقبل" date it in the future
GENERIC_WINDOW = 4     # "حينما تقتل", "أصبح المحتج في أوروبا يضرب": a generic marker before a present verb
WISH_WINDOW = 8        # "want X ... to <verb>": how far the wish may stand before the infinitive
PURPOSE_WINDOW = 16    # "is expected to meet X at Y next week to discuss Z": a purpose shares the forecast
FORECAST_REACH = 16    # "توقع المتحدث باسم الحركة أن تلجأ القوات إلى شن غارات": a forecast verb over its complement
FORECAST_CLAUSE = 24   # a present verb further on in the forecast's complement, no clause break between (_far_forecast)
COMPLEMENTISER_GAP = 6  # "توقع المتحدث باسم الحركة أن": the forecast verb's subject before its complementiser
FUTURE_AFTER = 3       # "تفجيرا سينفذ في السوق": words from an event noun to a future verb that tells it
CONJUNCT_GAP = 6       # words from a forecast or future act to a later act of its list ("لا ينوي فرض حصار بحري أو شن عملية")

# A stated future by the event's class: the intent (03x) for cooperation, the threat (13x) for
# coercion and force. Longest prefix first; a class with no entry is not coded when future.
_INTENT = {
    "04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "0333",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "09": "030",
    "14": "133",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "17": "130", "172": "132", "1723": "1323", "1724": "1324", "175": "137",
    "18": "1383", "180": "138",
    "19": "1384", "191": "1381", "192": "1382",
    "20": "1383", "204": "1385",
}


def intent_code(code: str) -> Optional[str]:
    """The intent or threat a stated future of this class is coded as, or None (statements,
    appeals, demands and the like have no future reading of their own; intents and threats are
    already about the future)."""
    if ROOT[code] in ("03", "13"):
        return code
    for n in (4, 3, 2):
        if code[:n] in _INTENT:
            return _INTENT[code[:n]]
    return None


# the grammar roles mood_of reads its moods from (besides the verb's own form)
_MOOD_ROLES = frozenset({"forecast_marker", "habitual_marker", "modal_marker", "generic_marker", "future_marker",
                         "future_after_marker", "future_time_marker"})
# the roles apply_mood reads: with none in the sentence, only a future clitic on a word can give an act a mood
MOOD_READ_ROLES = _MOOD_ROLES | {"attribution_marker"}


def _near(i: int, marks: set[int], lo: int, hi: int, toks) -> Optional[int]:
    """The marker nearest to token i within [i+lo, i+hi] with no punctuation between."""
    if not marks:       # (most sentences have no such marker at all)
        return None
    first, end = max(0, i + lo), min(len(toks), i + hi + 1)
    if marks.isdisjoint(range(first, end)):
        return None
    return _nearest(i, marks, first, end, toks)


def _nearest(i: int, marks: set[int], first: int, end: int, toks) -> Optional[int]:
    """_near once a marker is in reach (its key and tests read the bounds: cells made only here)."""
    best = None
    for j in sorted(range(first, end), key=lambda j: abs(j - i)):
        if j in marks:
            a, b = sorted((i, j))
            if not any(toks[k].norm in PUNCT_BARRIER for k in range(a + 1, b)):
                best = j
                break
    return best


def mood_of(h: Hit, toks, roles: dict[str, set[int]], prof) -> Optional[str]:
    """"forecast", "habitual", "wish", "future" or None (reported as done)."""
    # no mood marker in the sentence (most): only the verb form can put the act to come (a role
    # left with no words, its marker an actor's word, finds nothing either way)
    if roles.keys().isdisjoint(_MOOD_ROLES):
        return "future" if prof.is_future_form(toks[h.first], h.mention.first_form) else None
    # (each kind of marker read once, and _near asked only of a kind the sentence has: a frame each)
    forecast, habitual, modal = roles.get("forecast_marker"), roles.get("habitual_marker"), roles.get("modal_marker")
    generic, future, future_after = roles.get("generic_marker"), roles.get("future_marker"), roles.get("future_after_marker")
    future_time = roles.get("future_time_marker")
    if forecast and _near(h.first, forecast, -FUTURE_WINDOW - 2, -1, toks) is not None:
        return "forecast"
    # (a bare past form right after a preposition is a verbal noun: "إلى شن غارات")
    if (h.entry.tag != "past" or (h.first - 1) in roles.get("complement_marker", NO_TOKENS)) and \
            forecast and _near(h.first, forecast, -FORECAST_REACH, -1, toks) is not None:
        # the complement of a forecast verb, its subject and object between ("يرجح التقرير أن تركز القاعدة
        # هجماتها على ..."): told in the imperfect or by a verbal noun; a past verb after it is news of its own
        return "forecast"
    if h.entry.tag == "present" and _far_forecast(h, toks, roles):
        return "forecast"
    if h.entry.tag == "base" and (h.first - 1) in roles.get("infinitive_marker", NO_TOKENS) and \
            forecast and _near(h.first, forecast, -PURPOSE_WINDOW, -1, toks) is not None:
        return "forecast"   # the purpose of a forecast event, in the same clause, is forecast too
    if habitual and _near(h.first, habitual, -HABIT_WINDOW, HABIT_WINDOW, toks) is not None:
        return "habitual"
    if (h.first - 1) in roles.get("infinitive_marker", NO_TOKENS) and \
            modal and _near(h.first, modal, -WISH_WINDOW, -2, toks) is not None:
        return "wish"       # "IS leaders want supporters in Europe to carry out attacks"
    if h.entry.tag in ("present", "s", "base") and \
            generic and _near(h.first, generic, -GENERIC_WINDOW, -1, toks) is not None:
        return "habitual"   # "حينما تقتل القاعدة أبرياء": whenever it happens, not a time it happened
    if h.mention.first_form and prof.is_future_form(toks[h.first], h.mention.first_form):   # (form 0: no clitic)
        return "future"
    if future and _near(h.first, future, -FUTURE_WINDOW, -1, toks) is not None:
        return "future"
    if h.entry.tag == "noun" and \
            future_after and _near(max(h.tokens, default=h.last), future_after, 1, FUTURE_AFTER, toks) is not None:
        return "future"     # "تفجيرا سينفذ في السوق غدا": the act is the subject of a verb still to come
    # "زيارة ماكرون الأسبوع المقبل", "meets Putin next week": a plain past keeps its own tense
    # ("agreed last week to meet next week" agreed)
    if h.entry.tag != "past" and \
            future_time and _near(h.last, future_time, 1, TIME_WINDOW, toks) is not None:
        return "future"
    return None


def _far_forecast(h: Hit, toks, roles: dict[str, set[int]]) -> bool:
    """"ويرجح التقرير أن تركز الجماعة في عملياتها على المواقع الحكومية ... وتقتل فيها ...": a present
    verb further on in the forecast's complement, up to FORECAST_CLAUSE words, with no punctuation and
    no clause break between (its objects and purposes stand between)."""
    marks = roles.get("forecast_marker", NO_TOKENS)
    j = _near(h.first, marks, -FORECAST_CLAUSE, -FORECAST_REACH - 1, toks)
    if j is None:
        return False
    # the complementiser after the forecast verb and its subject (يرجح التقرير أن) opens the complement;
    # a clause break further on opens another clause
    return not any(k in roles.get("clause_break", NO_TOKENS) for k in range(j + COMPLEMENTISER_GAP + 1, h.first))


def conjunct_of(a: Hit, b: Hit, toks, coord: frozenset[int] | set[int], prof) -> bool:
    """Is act b a later conjunct of act a's list ("سيزور القاهرة ويلتقي الرئيس", "فرض حصار بحري أو شن
    عملية برية", "will meet X and sign")? b opens with a conjunction (a word or a clitic) at most
    CONJUNCT_GAP words after a's last word (its object included), no punctuation between. A past verb
    is a sentence of its own ("سيزور القاهرة، وقتل ..."; "will visit and attacked" is not a list),
    unless a is a noun or the same bare form: a past form that is to come is a verbal noun ("ينوي فرض ...
    أو شن", "من أجل تدميره وقتل أبنائه"), and so is its conjunct."""
    if b.entry.speech or (b.entry.tag == "past" and a.entry.tag not in ("past", "noun")):
        return False
    end = max(a.tokens, default=a.last)
    if not end < b.first <= end + CONJUNCT_GAP or any(toks[k].norm in PUNCT_BARRIER for k in range(end + 1, b.first)):
        return False
    return (b.first - 1) in coord or prof.starts_with_coordinator(toks[b.first], b.mention.first_form)


def _stated(coded: list, first: int) -> list:
    """The sources of the reporting verbs among the coded acts, but one at token `first`."""
    out = []
    for sh, s, _ in coded:
        if sh.entry.speech and sh.first != first:
            out.append(s)
    return out


def apply_mood(coded: list, toks, roles: dict[str, set[int]], prof, trace: list[str]) -> list:
    """Drop forecasts and habits; code a stated future as an intent or threat, else drop it."""
    out, before = [], None     # the last act and its mood: a later conjunct shares it
    moody: list[Hit] = []      # acts told as not (yet) done
    # (the markers a statement is read against, asked once: most sentences have neither)
    forecast, attribution = roles.get("forecast_marker"), roles.get("attribution_marker")
    # (mood_of's first test, asked once: with no mood marker in the sentence, as in most, only the
    # verb form can put an act to come, and no act costs a call of mood_of)
    unmarked = roles.keys().isdisjoint(_MOOD_ROLES)
    for h, src, tgt in coded:
        if h.entry.speech:
            if forecast and not forecast.isdisjoint(h.tokens):
                # "is expected to meet": the word that reports is itself the forecast
                trace.append(f"{h.mention.text!r}: part of a forecast, not a statement; not coded")
                continue
            if attribution and _near(h.first, attribution, -2, -1, toks) is not None:
                # "بحسب ما أعلنه مجلس الوزراء": where the news comes from, not a statement of its own
                trace.append(f"{h.mention.text!r}: an attribution, not a statement; not coded")
                continue
            out.append((h, src, tgt))
            continue
        if unmarked:
            # (is_future_form's first test made here: a word as written, form 0, carries no clitic)
            mood = "future" if h.mention.first_form and prof.is_future_form(toks[h.first], h.mention.first_form) else None
        else:
            mood = mood_of(h, toks, roles, prof)
        told = _restates(h, moody, toks, roles.get("locative_marker", NO_TOKENS)) \
            if mood is None and moody else None     # (nothing to restate before any act to come)
        if told is not None:
            # "من المقرر أن يزور ... عمان الشهر المقبل، في ثالث زيارة له": the same visit, named again
            trace.append(f"{h.mention.text!r}: names again the act {told.mention.text!r}, not (yet) done; not coded")
            continue
        if mood is None and before is not None and before[1] is not None and conjunct_of(before[0], h, toks, roles.get("coordinator", NO_TOKENS), prof):
            mood = before[1]
            trace.append(f"{h.mention.text!r}: listed with {before[0].mention.text!r}, shares its {mood}")
        before = (h, mood)
        if mood is not None:
            moody.append(h)
        if mood is None:
            out.append((h, src, tgt))
            continue
        if mood == "forecast":
            trace.append(f"{h.mention.text!r}: forecast, not (yet) an event; not coded")
            continue
        if mood == "habitual":
            trace.append(f"{h.mention.text!r}: a habit or general statement, no particular event; not coded")
            continue
        if mood == "wish":
            trace.append(f"{h.mention.text!r}: what someone wishes others to do, not done; not coded")
            continue
        if _specify_intent(out, h.first - 1, h, trace, reach=FUTURE_WINDOW):
            continue        # "وتعتزم الحكومة إجراء محادثات": the intent verb says it, coded as that intent
        # what will befall someone ("ستتعرض لهجوم") is a prediction, no one's intent
        code = None if h.entry.subject_is_target else intent_code(h.entry.code)
        # a reporting verb states it, even with its subject left as a pronoun ("وقال إن ...")
        stated = _stated(coded, h.first)
        if code is None or not stated:
            trace.append(f"{h.mention.text!r}: future" + (" with no party stating it" if not stated
                                                         else ", a class with no intent reading") + "; not coded")
            continue
        speaker = stated[0]
        if src is None:
            src = speaker
        trace.append(f"{h.mention.text!r}: future stated by {names(speaker)}: coded as the intent or threat {code}")
        out.append((_recoded(h, code), src, tgt))
    if len(out) < len(coded) and all(h.entry.speech for h, _, _ in out):
        # "X will deliver a speech on Friday, the group said": what was said is no event, nor is saying it
        for h, _, _ in out:
            trace.append(f"{h.mention.text!r}: reports only what is not (yet) an event; not coded")
        return []
    return out


RESTATE_GAP = 2   # "في ثاني زيارة له": the locative word at most this far before the event noun


def _restates(h: Hit, moody: list[Hit], toks, locative: set[int]) -> Optional[Hit]:
    """The act told as not (yet) done that the event noun h names again: a noun of the same event
    class after it, in a phrase opened by "في" (in, on: the occasion the act is), as a visit that is
    to come is "in his second visit" ("سيزور عمان الشهر المقبل، في ثالث زيارة له")."""
    if h.entry.tag != "noun" or not any(h.first - RESTATE_GAP <= i < h.first for i in locative):
        return None
    return next((d for d in moody if d.entry.code == h.entry.code and d.first < h.first), None)


def _specify_intent(out: list, g: int, act: Hit, trace: list[str], reach: int = 0) -> bool:
    """"وتعتزم الحكومة إجراء محادثات مع المعارضة": a general intent (030) whose complement names the act
    intended (its word at token g, or up to `reach` words before g) is the intent of that act's class
    (036, to meet or negotiate), as a stated future is. Is there such an intent?"""
    for k, (h, src, tgt) in enumerate(out):
        if h.entry.code == GENERAL_INTENT and any(g - reach <= t <= g for t in h.tokens):
            code = intent_code(act.entry.code)
            if code is not None and code != GENERAL_INTENT:
                trace.append(f"{h.mention.text!r}: the intent of {act.mention.text!r}, coded {code}")
                out[k] = (_recoded(h, code, "mood.intent"), src, tgt)
            return True
    return False


def _recoded(h: Hit, code: str, rule: str = "mood.future") -> Hit:
    """The same trigger read as an intent or threat; the rule id says both rules."""
    from dataclasses import replace
    entry = replace(h.entry, code=code, rule_id=f"{h.entry.rule_id}+{rule}")
    return Hit(h.mention, entry, h.first, h.last, h.start, h.end, h.tokens)


PROSPECT_REACH = 8    # "تلقوا تدريبا في معسكر سري على تنفيذ هجمات": words from the governing word to the event noun
PROSPECTIVE_REACH = 4  # "ضربة جوية روسية أو تركية محتملة": an adjective that puts it to come, after the others
NECESSITY_REACH = 8    # "الغارات على المعسكرات الحدودية باتت ضرورية": from the act to the need said of it
RELATIVE_GAP = 3      # "احتمال تنفيذ الجيش عمليات عسكرية واسعة تستهدف ...": a present verb describing it
_ASIDES = frozenset({"(", ")", "«", "»", '"'})   # a bracketed or quoted aside does not end a complement


def _governor(h: Hit, toks, governors: set[int], stops: set[int], finite: set[int],
              alternatives: frozenset[int] | set[int] = frozenset()) -> Optional[int]:
    """The prospect governor whose complement holds the event noun h, read back from h over light
    verbal nouns, prepositions, genitives and asides; punctuation, a clause break, a frame word or
    a finite verb told as an event ends the complement."""
    reach = PROSPECT_REACH
    i = h.first - 1
    while i >= 0 and reach > 0:
        if i in governors:
            return i
        if i in stops or i in finite or (toks[i].norm in PUNCT_BARRIER and toks[i].norm not in _ASIDES
                                         and not (i + 1 in alternatives and i + 1 < h.first)):
            return None     # (a comma before "أو" goes on with the same list: "أنذرت بحرب ...، أو بضربة جوية")
        reach -= toks[i].norm not in _ASIDES     # (an aside's brackets take no room of their own)
        i -= 1
    return None


def _prospective_after(h: Hit, toks, prospective: set[int], stops: set[int], triggers: set[int],
                       reach: int = PROSPECTIVE_REACH) -> Optional[int]:
    """"ضربة جوية روسية أو تركية محتملة": the adjective that puts the act to come, after the
    act's other modifiers (nationalities, a coordinated one), within PROSPECTIVE_REACH words."""
    end = max(h.tokens, default=h.last)
    for i in range(end + 1, min(len(toks), end + 1 + reach)):
        if i in prospective:
            return i
        if i in stops or i in triggers or toks[i].norm in PUNCT_BARRIER:
            return None
    return None


def drop_prospects(coded: list, toks, roles: dict[str, set[int]], nominal: set[int], prof, trace: list[str]) -> list:
    """An event noun in the complement of a word that puts it to come (grammar.yaml prospect_governors:
    a vow, an intent, a plan, a preparation, a training, a fear, a possibility, a consequence) names
    what may be done, not a deed: "تعهد الناشط بإحراق نفسه أمام البرلمان", "تلقوا تدريبا في معسكر سري على تنفيذ
    هجمات", "سيؤدي إلى إقدام دول الجوار (تركيا وإيران) على فرض حصار". The complement reaches
    further than the one or two words of unreal_noun_markers: its light verbal nouns (تنفيذ, إقدام على)
    and their genitives stand between. A present verb right after such a noun describes it (an
    asyndetic relative clause: "عمليات أكبر حجما تستهدف ...") and goes with it."""
    governors = roles.get("prospect_governor", NO_TOKENS)
    prospective = roles.get("prospective_marker", NO_TOKENS)
    necessity = roles.get("necessity_marker", NO_TOKENS)
    if not governors and not prospective and not necessity:
        return coded
    targets = roles.get("target_marker", NO_TOKENS)
    # a coordinator written as a word of its own (أو) after a comma goes on with the list ("بحرب ...، أو
    # بضربة"); the clitic و after a comma often opens a new clause
    alternatives = {i for i in roles.get("coordinator", NO_TOKENS) if len(toks[i].norm) > 1}
    triggers = {t for h, _, _ in coded for t in h.tokens}
    # a frame word opens an adjunct of its own ("تخشى تكرار الهجمات بعد تفجير أمس"), unless it carries a
    # pronoun that refers back ("يخشى السكان خلالها تعرضهم إلى هجمات": during which)
    stops = roles.get("clause_break", NO_TOKENS) | roles.get("response_marker", NO_TOKENS) | \
        {i for i in roles.get("frame_marker", NO_TOKENS) if not prof.refers_back(toks, i)}
    finite = {t for h, _, _ in coded if h.entry.pos == "verb" and h.first not in nominal
              and h.entry.tag in ("past", "present") for t in h.tokens}
    out, dropped = [], None
    for h, src, tgt in coded:
        # (a past form carrying a preposition, "هددت الحكومة الإقليم بفرض حصار", is a verbal noun too)
        if not h.entry.speech and (h.first in nominal or h.entry.tag in ("noun", "base") or
                                   (h.entry.tag == "past" and prof.has_preposition_clitic(toks[h.first]))):
            g = _governor(h, toks, governors, stops, finite - h.tokens, alternatives)
            if g is not None:
                trace.append(f"{h.mention.text!r}: in the complement of {toks[g].text!r}, what may be done, "
                             "not a deed; not coded")
                _specify_intent(out, g, h, trace)
                dropped = h
                continue
            p = _prospective_after(h, toks, prospective, stops | targets, triggers - h.tokens)
            if p is None:   # "الغارات على المعسكرات باتت ضرورية": its target and the copula between
                p = _prospective_after(h, toks, necessity, stops, triggers - h.tokens, NECESSITY_REACH)
            if p is not None:
                trace.append(f"{h.mention.text!r}: described as {toks[p].text!r}, to come; not coded")
                dropped = h
                continue
        elif dropped is not None and h.entry.tag == "present" and not h.entry.speech and \
                max(dropped.tokens, default=dropped.last) < h.first <= max(dropped.tokens, default=dropped.last) + RELATIVE_GAP + 1 and \
                not any(toks[k].norm in PUNCT_BARRIER for k in range(dropped.last + 1, h.first)):
            trace.append(f"{h.mention.text!r}: describes {dropped.mention.text!r}, what may be done; not coded")
            continue
        out.append((h, src, tgt))
    return out
