"""Forces named only as a disguise or a likeness: "مسلحون يرتدون زي الشرطة المحلية" (gunmen in
Iraqi police uniform), "سيارة مشابهة لسيارات الشرطة" (a car like police cars). The police there
neither act nor are acted on; the actor mentions right after such a word (the language's
DISGUISE_WORDS, read through its clitics: بزي، بملابس) are dropped."""
from __future__ import annotations

from coder.lang import NO_WORDS


def disguised_mentions(actor_ms, toks, prof, forms: set[str]) -> list:
    """The actor and agent mentions that open right after a disguise word (or one word later), and
    those that follow them with no word between ("بزات | قوات الأمن | العراقية"). `forms`, the
    sentence's lookup forms among the words some rules look for (counts.watched_words, these among
    them), spares the scan of a sentence with no such word. `actor_ms` come in
    the order of the sentence (longest_non_overlapping sorts them), as the run after a cue reads them."""
    # (set on every language profile, coder.lang.RULE_PARTS; the empty default for a profile that is
    # none of the languages', as coder.lang.profile_part gives it)
    words = getattr(prof, "DISGUISE_WORDS", NO_WORDS)
    if not words or words.isdisjoint(forms):
        return []
    cues = set()    # (a loop: a comprehension would hold `words` in a cell)
    for i, t in enumerate(toks):
        if not words.isdisjoint(t.forms):
            cues.add(i)
    if not cues:
        return []
    covered = {i for m in actor_ms for i in range(m.first, m.last + 1)}
    dropped, reach = [], -1
    for m in actor_ms:
        # one word of the garment or the thing compared may stand between (مشابهة لسيارات | الجيش)
        if (m.first - 1) in cues or m.first - 1 == reach or \
                ((m.first - 2) in cues and (m.first - 1) not in covered):
            dropped.append(m)
            reach = max(reach, m.last)
    return dropped
