"""Acts told in general, not as one occurrence: nothing to code (who did what to whom, when).

- a count of acts over a period ("شنت الحركة مائة هجوم منذ بداية العام", "أطلقت 6000 صاروخ خلال
  السنوات الست الماضية", "carried out 40 raids over the past two years") is a total, not an event
  (SPEC 5); a period after a superlative ("the deadliest attack since the start of the year",
  "الهجوم الأعنف منذ بداية العام") measures one event and is left alone;
- a mood, a wave or a community as the subject of a verb of violence ("الجنون الذي اجتاح بغداد",
  "اقتحم المجتمع الدولي الساحة") is a figure of speech: no one attacked;
- a weapon named in a list of weapons ("تضمنت الشحنة صواريخ جراد وقذائف متطورة", "سلموا 120 صاروخ
  هاون ودبابة", "rifles, mortar shells and explosives") is an inventory: nothing was fired.
The words are data: grammar.yaml period_markers, superlatives, abstract_subjects and weapon_words."""
from __future__ import annotations

from coder.rules.types import PUNCT_BARRIER, Hit

_VIOLENT = ("18", "19", "20")
LIST_REACH = 4      # tokens from a listed weapon to the weapon word listed with it
COUNT_BEFORE = 2    # "مائة هجوم", "حوالي مائة هجوم": the count of an event noun stands this close before it


def _spans(marks: set[int]) -> list[tuple[int, int]]:
    """The runs of consecutive marked tokens, (first, last)."""
    out: list[tuple[int, int]] = []
    for i in sorted(marks):
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _counted(h: Hit, numbers: set[int], nominal: set[int]) -> bool:
    """Does the act carry a count of its own: in its phrase ("أطلقت 6000 صاروخ"), just before an event
    noun ("مائة هجوم"), or right after a verbal noun ("قتل 15 مدنيا")?"""
    if any(t in numbers for t in range(h.first, max(h.tokens, default=h.last) + 1)):
        return True     # (a count between a verb and its object is no token of the phrase: "أطلقت 6000 صاروخ")
    if h.first in nominal and (h.last + 1) in numbers:
        return True
    return h.entry.pos == "noun" and any((h.first - k) in numbers for k in range(1, COUNT_BEFORE + 1))


def drop_totals(coded: list, toks, roles: dict[str, set[int]], numbers: set[int], nominal: set[int], prof,
                trace: list[str]) -> list:
    """Acts counted over a period the sentence names are a total: not coded; nor is an act told right
    after one with no punctuation between, what the counted acts did ("مائة هجوم ... استهدف معظمها
    قوات الأمن"), nor an act named with the article after one, the counted acts again ("ضحايا تلك
    التفجيرات")."""
    periods = roles.get("period_marker")
    if not periods or not coded:
        return coded
    superlative = roles.get("superlative", set())
    named = [s for s in _spans(periods) if (s[0] - 1) not in superlative]
    if not named:
        return coded
    out, total_end = [], None
    for h, src, tgt in coded:
        if h.entry.speech:
            out.append((h, src, tgt))
            continue
        if _counted(h, numbers, nominal):
            trace.append(f"{h.mention.text!r}: a count of acts over a period, a total, not an event")
            total_end = max(h.tokens, default=h.last)
            continue
        if total_end is not None and h.first > total_end and \
                (not any(toks[i].norm in PUNCT_BARRIER for i in range(total_end + 1, h.first)) or
                 (h.first in nominal and prof.is_definite(toks[h.first]))):
            trace.append(f"{h.mention.text!r}: told of the acts of a total, not an event")
            continue
        out.append((h, src, tgt))
    return out


def drop_abstract_subjects(coded: list, parse, roles: dict[str, set[int]], trace: list[str]) -> list:
    """Verbs of violence whose subject (by the syntax stage) is a mood, a wave or a community: figures
    of speech, not coded."""
    abstract = roles.get("abstract_subject")
    if not abstract or not coded:
        return coded
    out = []
    for h, src, tgt in coded:
        if h.entry.pos == "verb" and h.entry.code[:2] in _VIOLENT:
            found = parse.predicate(h.first) if parse is not None else None
            k = found[1].arguments.get("subject") if found else None
            # (with no subject read, the phrase right after the verb is its subject in verb-first order)
            if (parse.chunks[k].head if k is not None else h.last + 1) in abstract:
                trace.append(f"{h.mention.text!r}: its subject is a mood or a community, a figure of speech; not coded")
                continue
        out.append((h, src, tgt))
    return out


def _opens_list_item(i: int, toks, coord: set[int], prof) -> bool:
    """Does token i start a conjunct: a conjunction before it, a comma, or one written on it (وقذائف)?"""
    return (i - 1) in coord or (i > 0 and toks[i - 1].norm in (",", "،")) or \
        any(prof.starts_with_coordinator(toks[i], f) for f in range(len(toks[i].forms)))


def drop_weapon_lists(coded: list, toks, roles: dict[str, set[int]], prof, trace: list[str]) -> list:
    """An event noun that is only the name of a weapon, listed with another weapon word (before it, or
    after it as the next conjunct), names an inventory, not a shot: not coded, unless a verb of
    violence tells the shot ("أطلقوا قذائف هاون وصواريخ")."""
    weapons = roles.get("weapon_word")
    if not weapons or not coded:
        return coded
    if any(h.entry.pos == "verb" and h.entry.code[:2] in _VIOLENT for h, _, _ in coded):
        return coded    # the weapons of a shot told by its verb ("سقطت قذائف هاون وصواريخ"): they name its kind
    coord = roles.get("coordinator", set())
    out = []
    for h, src, tgt in coded:
        if h.entry.pos == "noun" and all(i in weapons for i in range(h.first, h.last + 1)):
            before = _opens_list_item(h.first, toks, coord, prof) and \
                any((h.first - k) in weapons for k in range(1, LIST_REACH + 1))
            after = any(j in weapons and _opens_list_item(j, toks, coord, prof)
                        for j in range(h.last + 1, min(len(toks), h.last + 1 + LIST_REACH)))
            if before or after:
                trace.append(f"{h.mention.text!r}: a weapon listed with other weapons, an inventory; not coded")
                continue
        out.append((h, src, tgt))
    return out
