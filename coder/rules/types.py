"""The records the event rules pass between their steps."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from coder.lexicon.load import Trigger
from coder.model import Actor, Mention
from coder.rules.actors import ActorGroup


@dataclass(slots=True)
class Hit:
    """A selected trigger; a light verb's object extends the evidence span but not the tokens in
    between, which stay free for the subject (أطلق مسلحون النار، هدد الرئيس ترامب بإغراق)."""
    mention: Mention
    entry: Trigger
    first: int              # the trigger words
    last: int
    start: int              # the evidence span, object included
    end: int
    tokens: frozenset[int]  # trigger and object tokens


@dataclass(slots=True)
class EventCandidate:
    code: str
    rule_id: str
    evidence_start: int
    evidence_end: int
    evidence: str
    trigger_first: int
    source: Optional[Actor]
    target: Optional[Actor]
    confidence: float
    target_from_location: bool = False   # no target in the text: the event's country is the target
    location_role: Optional[str] = None  # with it: the role that country is taken in (a protest: its government)
    nominal: bool = False                # named by a noun ("the attack"), not predicated by a verb
    is_background: bool = False          # reported as history or background, not as news (SPEC 5)
    trigger_tag: str = ""                # the trigger's verb form (past, ing, base...), from the lexicon
    merged_spans: tuple = ()             # (start, end) of the triggers merged into this event: their counts are its


@dataclass
class SentenceAnalysis:
    """Everything the rules saw and decided for one sentence (what `coder explain` prints)."""
    mentions: list[Mention] = field(default_factory=list)
    triggers: list[Hit] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    groups: list[ActorGroup] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)
    # the trace as the rules (and later the rows) write it: a step is a string, or, for the steps
    # written for every trigger and actor, a tuple (formatter, *its arguments) formatted only when
    # the trace is read (coder explain and the tests read it). Write to steps: reading `trace` to
    # append to it formats every step so far
    steps: list = field(default_factory=list)
    parse: Optional[object] = None       # the syntax stage's Parse (coder.syntax)
    # the mentions by kind, as analyse's one pass over them found them (None where it stopped early,
    # at a discard): the tokens of each grammar role, and the actor and agent mentions in order. Read
    # them rather than scan every mention for one kind (about thirty a sentence, most of them triggers)
    roles: Optional[dict] = None
    actor_mentions: Optional[list] = None

    @property
    def trace(self) -> list[str]:
        """What the rules decided, step by step: the steps, each formatted in place at its first reading
        (the same list, so a step appended to it later stays in it)."""
        steps = self.steps
        for i, step in enumerate(steps):
            if step.__class__ is tuple:
                steps[i] = step[0](*step[1:])
        return steps


# the tokens of a grammar role the sentence has no word for (the roles dict's default: one shared
# empty set, not a new one at each question)
NO_TOKENS: frozenset[int] = frozenset()
# the tokens of a one-word trigger, as most are: one frozen set a position, shared by every sentence
# (no set built and freed a trigger; a longer sentence builds its own past the reach)
ONE_TOKEN_REACH = 512
ONE_TOKEN: tuple[frozenset[int], ...] = tuple(frozenset((i,)) for i in range(ONE_TOKEN_REACH))


class _Roots(dict):
    """An event code's root, its first two digits ("190" -> "19"), worked out once a code: the rules ask
    it of every trigger and event at many steps, where a slice built a new string each time (and a set
    or dict test then hashed it again)."""

    def __missing__(self, code: str) -> str:
        root = self[code] = code[:2]
        return root


ROOT = _Roots()     # ROOT[code]: the code's root


class AnyOf(tuple):
    """Sets of token positions read as their union, which is only asked whether it holds a position
    (`in`) or shares one with some positions (isdisjoint): no union built a sentence, where most
    sentences never ask (the barrier words between two actor mentions, a trigger's prepositions)."""
    __slots__ = ()

    def __contains__(self, i: int) -> bool:
        for s in self:
            if i in s:
                return True
        return False

    def isdisjoint(self, positions) -> bool:
        for s in self:
            if not s.isdisjoint(positions):
                return False
        return True


# punctuation that ends a phrase: an actor, a subject or a clause does not reach across it
PUNCT_BARRIER = {",", ";", ":", "(", ")", '"', "«", "»", "،", "؛", "-", "–", "—", "?", "!", "؟"}


def punct_apart(toks, i: int, h: Hit) -> bool:
    """Does punctuation stand between token i and the trigger h (before its first token, or after
    its last)?"""
    return any(toks[k].norm in PUNCT_BARRIER for k in range(min(i, h.last) + 1, max(i, h.first)))


def names(g: Optional[ActorGroup]) -> str:
    return " + ".join([f"{a.name!r}={a.code.code}" for a in g.members]) if g else "none"


_new = object.__new__


class RolesHow:
    """How coder.rules.roles.roles_for read a predicate's roles ("syntax: subject the noun phrase
    before the verb; object ..."), written out only when read: the trace keeps it unread, and the
    rules only add to it (`how + "; ..."`, which keeps what is added after it). `arguments` and `why`
    are the predicate's roles and how the syntax stage found each (the parse is not altered after it
    is made). Reads as that text: str(), format() (the trace's steps), `in`, ==."""
    __slots__ = ("arguments", "why", "more")

    def __str__(self) -> str:
        why, parts = self.why, []
        for r in self.arguments:
            parts.append(f"{r} {why.get(r, '')}".strip())
        return "syntax: " + "; ".join(parts) + self.more

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return repr(str(self))

    def __add__(self, more: str) -> RolesHow:
        return roles_how(self.arguments, self.why, self.more + more)

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


def roles_how(arguments, why: dict, more: str = "") -> RolesHow:
    """A RolesHow of a predicate's roles and how each was found (set on a bare instance: no
    __init__ frame)."""
    how = _new(RolesHow)
    how.arguments, how.why, how.more = arguments, why, more
    return how
