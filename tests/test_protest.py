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


def test_the_party_is_after_the_trigger_token_not_after_its_character_offset():
    # the trigger is the 2nd word but starts at character 40: an actor at word 5 is still after it
    crowd, embassy = _actor(None, "CVL", 0, "protesters"), _actor("DNK", None, 5, "the Danish embassy")
    e = EventCandidate(code="141", rule_id="t", evidence_start=40, evidence_end=48, evidence="x", trigger_first=1,
                       source=crowd, target=None, confidence=0.5, target_from_location=True)
    protest_objects([e], [crowd, embassy], [])
    assert e.target is embassy
    before = _actor("DNK", None, 0, "Danish")
    late = EventCandidate(code="141", rule_id="t", evidence_start=4, evidence_end=8, evidence="x", trigger_first=3,
                          source=_actor(None, "CVL", 4, "protesters"), target=None, confidence=0.5,
                          target_from_location=True)
    protest_objects([late], [before, late.source], [])
    assert late.target is None


def test_the_agent_of_a_violent_act_is_not_the_object_of_the_protest():
    # "students marched in the city and soldiers opened fire on them"
    crowd, soldiers = _actor(None, "EDU", 0, "students"), _actor(None, "MIL", 6, "soldiers")
    march, fire = _event("141", crowd), _event("190", soldiers, crowd)
    fire.trigger_first = 7
    protest_objects([march, fire], [crowd, soldiers], [])
    assert march.target is None and march.target_from_location
    # the one who rejected their demand acts too, but not violently: the protest is against it
    gov = _actor("KEN", "GOV", 6, "the government")
    march2, reject = _event("141", crowd), _event("120", gov)
    reject.trigger_first = 7
    protest_objects([march2, reject], [crowd, gov], [])
    assert march2.target is gov


def test_a_fellow_member_of_the_protesters_is_not_their_object():
    # a compound subject gives one protest a member: "the students and the workers marched"
    students, workers = _actor(None, "EDU", 0, "students"), _actor(None, "LAB", 2, "workers")
    a, b = _event("141", students), _event("141", workers)
    a.trigger_first = b.trigger_first = 0
    protest_objects([a, b], [students, workers], [])
    assert a.target is None and b.target is None
