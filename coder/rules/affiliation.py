"""Actors tied to a named group by the words around them: a definite anaphor inside a phrase
("عناصر التنظيم", "مقاتلي الحزب") is the organisation of that kind named before it in the sentence;
a person described as a member or an affiliate of a group ("شخصا يشتبه بانتمائهم إلى داعش",
"مسؤولا في مكتب تابع لحزب العمال") belongs to it."""
from __future__ import annotations

from typing import Optional

from coder.model import ActorCode
from coder.rules.syntax_words import anaphors
from coder.lang import profile_part

LINK_REACH = 4       # tokens between a person and the membership or affiliation word
PUNCTUATION = frozenset(",،.;؛:()«»\"")


def _kind(word: str) -> str:
    """The noun an anaphor names without its article (التنظيم -> تنظيم, the group -> group)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def resolve_anaphors(actors, toks, anaphors: frozenset[str], trace: list[str]) -> set[int]:
    """A role-only actor holding a definite anaphor (the syntax data's `anaphors`) takes the code of
    the nearest actor before it whose name holds a noun of the same kind ("تنظيم داعش ... التنظيم",
    "حزب الله ... مقاتلي الحزب"). Returns the actors' first tokens it settled."""
    settled = set()
    if not anaphors:
        return settled
    for k, a in enumerate(actors):
        if a.code.country or a.code.group or not a.code.role:
            continue
        # the anaphor in the actor, or the genitive right after its role noun (عناصر | الحركة)
        # an article-bearing word after it is its adjective: a name of its own (الحزب الشيوعي)
        kinds = {_kind(toks[i].norm) for i in range(a.first, min(a.last + 2, len(toks))) if toks[i].norm in anaphors
                 and not (i + 1 < len(toks) and toks[i + 1].norm.startswith("ال"))}
        if not kinds:
            continue
        for b in reversed(actors[:k]):
            if b.code.group and any(f in kinds for i in range(b.first, b.last + 1) for f in toks[i].forms):
                a.code = b.code
                settled.add(a.first)
                trace.append(f"{a.name!r}: the definite {'/'.join(sorted(kinds))} refers back to {b.name!r} -> {a.code.code}")
                break
    return settled


def _bridged(gap: list[str], gap_words: frozenset[str]) -> bool:
    """May these words stand between a person and a membership word: suspicion words ("يشتبه
    بأنه"), or "في" and one noun, the body that is affiliated ("مسؤولا في مكتب تابع لـ")?"""
    if len(gap) >= 2 and gap[-2] == "في":
        gap = gap[:-1]
    return all(w in gap_words for w in gap)


def resolve_links(actors, toks, prof, trace: list[str]) -> set[int]:
    """An actor with a role and no group followed by a membership or affiliation word (the language's LINK_WORDS) and then by an actor naming a group belongs to that group; a
    civilian becomes one of its members (the group's own role). Returns the actors' first tokens
    it settled."""
    words = prof.LINK_WORDS    # (set on every language profile: coder.lang.RULE_PARTS)
    gap_words = profile_part(prof, "LINK_GAP_WORDS")
    settled = set()
    if not words:
        return settled
    for k, a in enumerate(actors):
        if a.code.group or not a.code.role:
            continue
        link = next((i for i in range(a.last + 1, min(a.last + 1 + LINK_REACH, len(toks)))
                     if toks[i].norm in words), None)
        if link is None or not _bridged([toks[i].norm for i in range(a.last + 1, link)], gap_words):
            continue
        nxt = next((b for b in actors[k + 1:] if b.first > link), None)
        if nxt is None or not nxt.code.group or nxt.first - link > 2 or \
                any(toks[i].norm in PUNCTUATION for i in range(link, nxt.first)):
            continue
        role = nxt.code.role if a.code.role == "CVL" else a.code.role
        a.code = ActorCode(nxt.code.country or a.code.country, nxt.code.group, role)
        settled.add(a.first)
        trace.append(f"{a.name!r}: {toks[link].text!r} ties it to {nxt.name!r} -> {a.code.code}")
    return settled


def resolve_possessives(actors, toks, prof, trace: list[str], settled: set[int] = frozenset()) -> None:
    """"The US army said its forces killed...", "الجيش الأمريكي ... قواته": a role noun owned by a
    pronoun the syntax stage could not resolve belongs to the last actor before it that has a
    country or a group."""
    for k, a in enumerate(actors):
        if a.first in settled or a.code.country or a.code.group or not a.code.role or not prof.refers_back(toks, a.first):
            continue
        owner = next((b for b in reversed(actors[:k]) if b.code.country or b.code.group), None)
        if owner is not None:
            a.code = ActorCode(owner.code.country, owner.code.group, a.code.role)
            trace.append(f"{a.name!r}: the pronoun refers to {owner.name!r} -> {a.code.code}")


def affiliations(actors, toks, prof, trace: list[str], forms: set[str]) -> set[int]:
    """Both readings above, anaphors first (a member of "the group" is a member of the group).
    `forms`, the sentence's lookup forms among the words some rules look for (counts.watched_words,
    these words among them): a reading whose words the sentence lacks is not looked for."""
    words = anaphors(prof.CODE)
    settled = resolve_anaphors(actors, toks, words, trace) if not words.isdisjoint(forms) else set()
    links = prof.LINK_WORDS    # (set on every language profile: coder.lang.RULE_PARTS)
    return settled | (resolve_links(actors, toks, prof, trace) if not links.isdisjoint(forms) else set())


def _ally_word(toks, last: int, words) -> Optional[int]:
    """The first ally word within the two words after token `last`."""
    for i in range(last + 1, min(last + 3, len(toks))):
        if toks[i].norm in words:
            return i
    return None


def fold_allies(groups, toks, prof, trace: list[str], forms: set[str]) -> None:
    """"قوات الجيش وميليشيات محلية متحالفة معها": a later conjunct with no name of its own,
    described (within two words) by an ally word (the language's ALLY_WORDS) and a word pointing back
    (ALLY_REFERENCES: معها، لها, the conjunct before it), is that actor's auxiliaries: one party, not two.
    `forms`: as for affiliations."""
    words = prof.ALLY_WORDS    # (set on every language profile: coder.lang.RULE_PARTS)
    if not words or words.isdisjoint(forms):
        return
    refs = profile_part(prof, "ALLY_REFERENCES")
    for g in groups:
        if len(g.members) < 2:
            continue
        kept = [g.members[0]]
        for b in g.members[1:]:
            ally = _ally_word(toks, b.last, words)
            if ally is not None and not b.code.group and not b.code.country and ally + 1 < len(toks) \
                    and toks[ally + 1].norm in refs:
                trace.append(f"{b.name!r}: allied to {kept[-1].name!r} ({toks[ally].text} {toks[ally + 1].text}): folded into it")
                continue
            kept.append(b)
        g.members = kept


_OPPOSING = ("REB", "OPP")


def domestic_opposition(groups, trace: list[str]) -> None:
    """"محادثات بين الحكومة السورية والمعارضة", "the government and the rebels": armed or political
    opposition with no country of its own, coordinated with one country's government, is that
    country's opposition (not the country of the place the talks were held in)."""
    for g in groups:
        if len(g.members) == 1:
            continue    # (most groups: a government alone has no opposition beside it)
        govs = {m.code.country for m in g.members if m.code.role == "GOV" and m.code.country and not m.code.group}
        if len(govs) != 1:
            continue
        country = next(iter(govs))
        for m in g.members:
            if m.code.role in _OPPOSING and not m.code.country and not m.code.group:
                m.code = ActorCode(country, None, m.code.role)
                trace.append(f"{m.name!r}: the opposition coordinated with that government -> {m.code.code}")
