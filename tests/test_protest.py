"""The object of a protest named after its trigger (coder/rules/protest.py)."""
from coder.model import Actor, ActorCode
from coder.rules.protest import protest_objects
from coder.rules.types import EventCandidate


def _actor(country, role, first, name):
    return Actor(ActorCode(country, None, role), name, first, first, first, first, ("test",))


def _event(code, source, target=None):
    return EventCandidate(code=code, rule_id="t", evidence_start=1, evidence_end=1, evidence="x",
                          trigger_first=1, source=source, target=target, confidence=0.5,
                          target_from_location=True)


def test_protest_takes_the_party_named_after_it():
    crowd = _actor(None, "CVL", 0, "protesters")
    e = _event("141", crowd)
    protest_objects([e], [crowd, _actor("USA", "GOV", 5, "the US president")], [])
    assert e.target.code.code == "USAGOV" and not e.target_from_location


def test_police_fellow_civilians_and_earlier_actors_are_not_its_object():
    crowd = _actor(None, "CVL", 3, "protesters")
    e = _event("141", crowd)
    protest_objects([e], [_actor("EGY", "GOV", 0, "before"), crowd, _actor(None, "COP", 6, "police"),
                          _actor(None, "CVL", 8, "civilians")], [])
    assert e.target is None and e.target_from_location


def test_a_target_of_its_own_and_other_roots_are_kept():
    crowd, gov = _actor(None, "CVL", 0, "protesters"), _actor("IRQ", "GOV", 2, "government")
    own = _event("141", crowd, gov)
    attack = _event("190", crowd)
    protest_objects([own, attack], [crowd, gov, _actor("USA", None, 5, "America")], [])
    assert own.target is gov and attack.target is None


def test_a_riot_can_be_against_the_police():
    crowd = _actor(None, "CVL", 0, "rioters")
    e = _event("145", crowd)
    protest_objects([e], [crowd, _actor(None, "COP", 4, "a police station")], [])
    assert e.target.code.role == "COP"


def test_a_party_a_target_marker_introduces_comes_before_one_named_without():
    # "they carried portraits of the Iraqi president and chanted slogans hostile to Iran"
    crowd = _actor(None, "CVL", 0, "protesters")
    portraits, iran = _actor("IRQ", "GOV", 4, "the Iraqi president"), _actor("IRN", None, 9, "Iran")
    e = _event("141", crowd)
    protest_objects([e], [crowd, portraits, iran], [], frozenset({9}))
    assert e.target is iran
    unmarked = _event("141", crowd)
    protest_objects([unmarked], [crowd, portraits, iran], [])
    assert unmarked.target is portraits


def test_a_marked_party_replaces_an_unmarked_target_but_not_a_marked_one():
    crowd = _actor(None, "CVL", 0, "protesters")
    portraits, israel = _actor("SYR", "GOV", 4, "the Syrian president"), _actor("ISR", None, 9, "Israel")
    e = _event("141", crowd, portraits)
    protest_objects([e], [crowd, portraits, israel], [], frozenset({9}))
    assert e.target is israel
    marked_own = _event("141", crowd, portraits)
    protest_objects([marked_own], [crowd, portraits, israel], [], frozenset({4, 9}))
    assert marked_own.target is portraits


def test_a_target_with_the_protesters_own_code_is_no_target():
    # "Palestinians carrying Palestinian flags and banners against Israeli settlement"
    crowd = _actor("PSE", None, 0, "Palestinians")
    flags, israel = _actor("PSE", None, 4, "Palestinian"), _actor("ISR", None, 9, "Israeli")
    e = _event("141", crowd, flags)
    protest_objects([e], [crowd, flags, israel], [])
    assert e.target is israel
