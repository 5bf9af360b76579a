"""From actor and agent mentions to actor phrases and coordinated groups.

"Syrian" + "troops" -> one actor SYRMIL; "الرئيس الأمريكي دونالد ترامب" -> USAGOV; "Hungarian and
Romanian officials" -> two actors HUNGOV, ROUGOV (the role of the last conjunct is shared)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Optional

from coder.lang import profile_part
from coder.model import Actor, ActorCode, Mention, Token

_new = object.__new__
MAX_GAP = 1          # unknown tokens allowed between parts of one actor phrase
# the widest gap any join of build_actors accepts (an origin or a genitive: "dissidents from Egypt",
# two words at most; a leader word, one; a delegation, none)
_JOIN_REACH = max(MAX_GAP, 2)


@dataclass(slots=True)
class ActorGroup:
    """One or more coordinated actors filling one slot."""
    members: list[Actor]
    first: int
    last: int


def _conflict(a: ActorCode, b: ActorCode, b_is_agent: bool) -> bool:
    """Parts that cannot belong to one actor: two countries, two groups, or a second role noun
    ("مهاجم انتحاري 47 شخصا" is an attacker and his victims; "الرئيس ... ترامب" is one person).
    A role noun after a named group is its members ("ISIS fighters"): the group keeps its role."""
    return bool((a.country and b.country and a.country != b.country) or
                (a.group and b.group and a.group != b.group) or
                (b_is_agent and a.role and b.role and a.role != b.role and not a.group))


def _seat_as_place(prev, code: ActorCode, gap: range, kind: str) -> bool:
    """"Baghdad University", "Kabul police": a name standing for a government right before a role
    noun is the city the people belong to; they keep their own role."""
    if gap or kind != "agent" or len(prev.rule_ids) != 1 or ".actors." not in prev.rule_ids[0]:
        return False
    if prev.code.role != "GOV" or prev.code.group or not prev.code.country or code.country or code.group:
        return False
    return True


def _code_of(m: Mention, day: Optional[dt.date]) -> ActorCode:
    ref = m.entry
    return ref.code_on(day) if m.kind == "actor" else ref.code


MOVING_ROLES = {"MIL"}   # armed forces "from" a place are leaving it, not of it


def _takes_origin(prev: Actor, code: ActorCode, gap: range, tokens: list[Token], genitive: set[int],
                  origin: set[int], prof) -> bool:
    """"the president of Egypt", "dissidents from Egypt", "عناصر من داعش": a role-only actor followed
    by a genitive or origin word and a country or group belongs to that country or group."""
    if not gap or len(gap) > 2 or not prev.code.role or prev.code.country or prev.code.group:
        return False
    # "protesters in Nairobi", "a court in Ankara": a capital standing for its government lends
    # only its country
    capital = code.role == "GOV" and code.country and not code.group and origin.issuperset(gap)
    if not (code.country or code.group) or (code.role and code.role != prev.code.role and not capital):
        return False
    if prof.refers_back(tokens, prev.first):   # "سحب قواته من": its forces, someone else's
        return False
    if genitive.issuperset(gap):
        return True
    return origin.issuperset(gap) and prev.code.role not in MOVING_ROLES


def _drawn_from(prev: Actor, code: ActorCode, gap: range, origin: set[int]) -> bool:
    """"المتظاهرين من الطلاب", "protesters from the teachers' union": civilians drawn from people of
    a more specific role (students, party members, workers) have that role."""
    return bool(gap) and len(gap) <= 2 and origin.issuperset(gap) and prev.code.role == "CVL" and \
        not prev.code.country and not prev.code.group and bool(code.role) and code.role != "CVL" and \
        not code.country and not code.group


def _led_by(prev: Actor, code: ActorCode, gap: range, tokens: list[Token], prof) -> Optional[ActorCode]:
    """"فصائل مسلحة بقيادة هيئة تحرير الشام", "مسلحون بقيادة عناصر من داعش": followers with no group
    of their own, named right before a leader word (the language's LEADER_WORDS) and the leader, are
    the leader's people: one actor with the leader's group and country (a role-only leader gives
    its role). Returns the followers' new code, or None."""
    if len(gap) != 1 or prev.code.group:   # (tested before the words are asked for: most gaps are no leader word)
        return None
    if tokens[gap[0]].norm not in profile_part(prof, "LEADER_WORDS", frozenset()):
        return None
    if code.group:
        return ActorCode(code.country or prev.code.country, code.group, code.role or prev.code.role)
    if not code.country and not prev.code.country:
        return ActorCode(None, None, code.role)
    return prev.code.merged(code)


def _heads_another_country(m: Mention, nxt: Mention, prev: ActorCode, day: Optional[dt.date]) -> bool:
    """"التقى السيسي وزير الخارجية الأمريكي": a role noun whose adjective (the next mention) names
    another country than the actor before it is a new actor (the US foreign minister), not that
    actor's title."""
    if m.kind != "agent" or not prev.country:
        return False
    country = _code_of(nxt, day).country
    return nxt.first == m.last + 1 and nxt.kind == "actor" and bool(country) and country != prev.country


OPENING_QUOTES, CLOSING_QUOTES = frozenset("«\"“"), frozenset("»\"”")


def _unquoted(gap: range, m: Mention, tokens: list[Token]) -> range:
    """"تنظيم «داعش»", "فصائل «الجيش الوطني»", the "Wagner" group: quotation marks around a name
    do not part it from the noun before it."""
    if gap and tokens[gap[-1]].norm in OPENING_QUOTES and m.last + 1 < len(tokens) and \
            tokens[m.last + 1].norm in CLOSING_QUOTES:
        return range(gap.start, gap.stop - 1)
    return gap


def _unmarked(gap: range, genitive: set[int], origin: set[int], chunk_of=None) -> bool:
    """Is a word of the gap neither a genitive nor an origin word (and, with `chunk_of`, outside
    every noun phrase)?"""
    for g in gap:
        if g not in genitive and g not in origin and (chunk_of is None or chunk_of[g] < 0):
            return True
    return False


def build_actors(mentions: list[Mention], tokens: list[Token], text: str, barrier,
                 day: Optional[dt.date], prof, genitive: frozenset[int] | set[int] = frozenset(),
                 origin: frozenset[int] | set[int] = frozenset(), chunk_of=()) -> list[Actor]:
    """Merge adjacent actor/agent mentions (at most MAX_GAP tokens apart, no `barrier` token between:
    coordinators, punctuation, clause breaks, triggers) into actors; a role-only actor takes the
    country or group after "of"/"from" (genitive and origin markers). `barrier`: a set, or several
    read as one (coder.rules.types.AnyOf). `chunk_of`: the syntax stage's noun phrase of each token
    (-1 outside one), if any."""
    actors: list[Actor] = []
    for k, m in enumerate(mentions):
        # (_code_of written out, with the first test of code_on: most names hold no office for a
        # time, and an actor mention costs no Python frame for its code)
        ref = m.entry
        code = ref.code if m.kind != "actor" or not ref.periods else ref.code_on(day)
        prev = actors[-1] if actors else None
        # (most actors stand further apart than any join below reaches, a quotation mark left out of
        # the gap or not: each is an actor of its own, and no gap is built for it)
        near = prev is not None and m.first - prev.last <= _JOIN_REACH + 2
        gap = _unquoted(range(prev.last + 1, m.first), m, tokens) if near else None
        if near and len(gap) <= _JOIN_REACH:
            adjacent = seat = False
            if len(gap) <= MAX_GAP:
                # an unknown word may sit inside a name ("الرئيس الأمريكي دونالد ترامب") or be "of"/"from"
                # ("قوة من الجيش"); where modifiers follow the noun, any other word before a role noun or
                # a named group starts a phrase of its own ("الأتراك بدعم المسلحين", "الفصائل مواقع قسد";
                # but "Turkish Kurd refugees")
                stray = prof.MODIFIER_AFTER_NOUN and (m.kind == "agent" or code.group) and \
                    _unmarked(gap, genitive, origin)
                seat = _seat_as_place(prev, code, gap, m.kind)
                # "خطف مسلحون مهندسا مصريا": a modifier of the noun phrase the unknown word opens (the
                # syntax stage's chunks) describes that noun, not the actor before it
                own_phrase = bool(chunk_of) and bool(gap) and chunk_of[m.first] >= 0 and \
                    chunk_of[m.first] == chunk_of[gap[0]] != chunk_of[prev.last] and \
                    not prof.has_preposition_clitic(tokens[gap[0]])   # "قوات بقيادة الولايات المتحدة"
                # "Sweden reassured NATO", "NATO about Turkish ...": a word outside every noun phrase
                # (a verb, a preposition) that is no "of"/"from" parts two actors
                parted = bool(chunk_of) and _unmarked(gap, genitive, origin, chunk_of)
                # "التقى وزير الخارجية الإيراني وفدا": a role noun without the article right after a word
                # with it cannot modify it (modifiers agree in definiteness): a second party, the object
                parted = parted or (prof.MODIFIER_AFTER_NOUN and not gap and m.kind == "agent" and
                                    prof.is_definite(tokens[prev.last]) and not prof.is_definite(tokens[m.first]) and
                                    not prof.refers_back(tokens, m.first))
                # (an empty gap crosses no barrier: not asked, most gaps are)
                adjacent = not stray and not own_phrase and not parted and (not gap or barrier.isdisjoint(gap)) and \
                    not prof.starts_with_preposition(tokens[m.first], m.first_form) and \
                    not prof.starts_with_coordinator(tokens[m.first], m.first_form) and \
                    (not _conflict(prev.code, code, m.kind == "agent") or seat) and \
                    not (prof.MODIFIER_AFTER_NOUN and k + 1 < len(mentions) and
                         _heads_another_country(m, mentions[k + 1], prev.code, day))
            drawn = not adjacent and _drawn_from(prev, code, gap, origin)
            led = not adjacent and not drawn and _led_by(prev, code, gap, tokens, prof)
            # "وفد فصائل المعارضة": a delegation right before whom it represents is that party
            if not gap and not led and not adjacent and prev.first == prev.last and m.kind == "agent" and \
                    tokens[prev.first].norm in profile_part(prof, "DELEGATE_WORDS", ()) and \
                    not prev.code.country and not prev.code.group and \
                    not prof.starts_with_coordinator(tokens[m.first], m.first_form):
                led = code
            if led or adjacent or drawn or _takes_origin(prev, code, gap, tokens, genitive, origin, prof):
                prev.code = led or (ActorCode(prev.code.country, None, code.role) if (seat and adjacent) or drawn
                                    else prev.code.merged(code))
                prev.last, prev.end = m.last, m.end
                prev.name = text[prev.start:prev.end]
                prev.rule_ids = prev.rule_ids + (m.rule_id,)
                continue
        # (the fields set one by one on a bare instance: the dataclass's __init__ costs a Python frame an actor)
        # (no more than three a statement: a longer unpacking builds a tuple; the name is the mention's
        # text, the sentence's characters start..end, not sliced again)
        a = _new(Actor)
        a.code, a.name, a.rule_ids = code, m.text, (m.rule_id,)
        a.first, a.last = m.first, m.last
        a.start, a.end = m.start, m.end
        actors.append(a)
    return actors


def _joiner(start: int, stop: int, coordinator_at: set[int], tokens: list[Token],
            opens_conjunct: Callable[[int], bool]) -> Optional[bool]:
    """True for a gap (tokens start..stop-1) with a coordinator (or none, before a word that
    carries one: وتركيا), False for commas only, None for anything else. (A loop over the
    indexes: most gaps fail at their first word, no range is built for them. A function of its
    own, not a closure of group_actors: no cells made a call.)"""
    if start >= stop:
        return True if opens_conjunct(stop) else None
    coordinated, i = False, start
    while i < stop:
        if i in coordinator_at:
            coordinated = True
        elif tokens[i].norm not in (",", "،"):
            return None
        i += 1
    return coordinated


def group_actors(actors: list[Actor], coordinator_at: set[int], tokens: list[Token],
                 opens_conjunct: Callable[[int], bool] = lambda i: False) -> list[ActorGroup]:
    """Actors joined by coordinators (or commas inside a list ending in a coordinator: "the US,
    Russia, and Switzerland"; or a conjunction written on the next word: "روسيا وتركيا", where
    `opens_conjunct(i)` says the actor mention at token i was read through one) form a group. Bare
    countries in a group take the role of its last member ("Hungarian and Romanian officials")."""
    groups: list[ActorGroup] = []
    k, n = 0, len(actors)
    while k < n:
        # the longest run of actors joined by commas or coordinators, cut after its last coordinator
        end, last_coordinated = k, k
        while end + 1 < n:
            start, stop = actors[end].last + 1, actors[end + 1].first
            # (_joiner's first test made here: most gaps open with a word that is neither a coordinator
            # nor a comma, and the call costs a frame)
            if start < stop and start not in coordinator_at and tokens[start].norm not in (",", "،"):
                break
            j = _joiner(start, stop, coordinator_at, tokens, opens_conjunct)
            if j is None:
                break
            end += 1
            if j:
                last_coordinated = end
        g = _new(ActorGroup)    # (as Actor in build_actors: no __init__ frame a group)
        a = actors[k]
        if last_coordinated == k:   # (most groups: one actor, which shares nothing)
            g.members, g.first, g.last = [a], a.first, a.last
        else:
            members = actors[k:last_coordinated + 1]    # (a slice: a list of the group's own)
            g.members, g.first, g.last = members, a.first, members[-1].last
            _share_within(members)
        groups.append(g)
        k = last_coordinated + 1
    return groups


def _share_within(members: list[Actor]) -> None:
    """What the conjuncts of one group share: the last one's role, a role-only one's country."""
    last = members[-1]
    # the role noun after the last conjunct is shared ("Hungarian and Romanian officials"); a
    # named group's role is its own ("Hamas and Israel": Israel is no rebel)
    if last.code.role and not last.code.group:
        for m in members[:-1]:
            if not m.code.role and not m.code.group:
                m.code = ActorCode(m.code.country, m.code.group, last.code.role)
    # "Israeli helicopters and tanks": a role-only conjunct with the role of the one before it
    # shares its country (not the country of the place)
    for a, b in zip(members, members[1:]):
        if b.code.role and not b.code.country and not b.code.group and a.code.role == b.code.role \
                and a.code.country and not a.code.group:
            b.code = ActorCode(a.code.country, None, b.code.role)


def groups_overlapping(groups: list[ActorGroup], start: int, end: int) -> list[ActorGroup]:
    """The groups with a word in tokens start..end. (A loop, no comprehension: group_of asks it of
    each phrase it reads, and a comprehension's captured bounds would be cells at every call.)"""
    out = []
    for g in groups:
        if g.first <= end and g.last >= start:
            out.append(g)
    return out


def groups_within(groups: list[ActorGroup], start: int, end: int) -> list[ActorGroup]:
    """The groups wholly inside tokens start..end."""
    out = []
    for g in groups:
        if start <= g.first and g.last <= end:
            out.append(g)
    return out


def names_a_group(groups: list[ActorGroup], c) -> bool:
    """Does an actor group starting inside chunk c have a member with a group?"""
    for g in groups:
        if c.start <= g.first <= c.end:
            for m in g.members:
                if m.code.group:
                    return True
    return False
