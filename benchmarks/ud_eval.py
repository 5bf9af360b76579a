"""Measure the syntax stage on its own against Universal Dependencies treebanks (CoNLL-U), e.g. the
PUD treebanks (news and wiki sentences, CC BY-SA; used for evaluation only, never copied here):

    python benchmarks/ud_eval.py ../shared/reference/ud/en_pud-ud-test.conllu ../shared/reference/ud/ar_pud-ud-test.conllu

The language is the file name's prefix (`en_`, `ar_`) unless `--lang` says otherwise. Printed per file:
- subject head accuracy: of the subjects the stage gives the verbs it found, the share whose head
  word is the treebank's `nsubj`/`nsubj:pass` of that verb. Subjects the stage takes from another
  clause or phrase (a participle's "Jets struck ..., killing five", "a school sheltering families")
  are what the verb is about, which basic UD leaves unannotated: they are counted apart, not scored (a relative clause's subject or object
  counts as right when the treebank's is the relative pronoun and the stage gave its antecedent);
- object head accuracy: the same for `obj`;
- part-of-speech accuracy on the words the lexicons know as both noun and verb (attack, قصف):
  noun (NOUN, PROPN) or verb (VERB, AUX) as the treebank has it; also on all words, for context.
Recall figures (how many of the treebank's subjects/objects of those verbs were found) come with them.

Alignment. The coder tokenises on its own (Arabic clitics stay on their word: وبالقصف is one token,
three UD words). The sentence text (`# text`) is split at white space, and the UD words are grouped
the same way by their `SpaceAfter=No` marks (a multiword token's mark is on its range line); when the counts differ the sentence is left out
(counted). Inside one space-delimited group, the UD words that are not punctuation map onto the
coder's tokens that are not punctuation: one to one when the counts agree, else all onto the word's
one coder token (clitics), else each to the coder token whose text contains it. A coder token thus
stands for the UD words it covers, and a head matches when the UD head word maps to the coder token
the stage named as head. A coder token that covers several UD words (a clitic and its noun) is
scored by its main word: the one that is not a preposition, conjunction or determiner.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coder.dates import find_dates  # noqa: E402
from coder.lang import profile  # noqa: E402
from coder.lexicon.load import load  # noqa: E402
from coder.recognise.matcher import match  # noqa: E402
from coder.syntax import parse  # noqa: E402

_FUNCTION = {"ADP", "CCONJ", "SCONJ", "DET", "PART", "PUNCT"}
_COARSE = {"NOUN": "N", "PROPN": "N", "VERB": "V", "AUX": "V"}


def read_conllu(path: str):
    """Yield (text, words) with words as dicts: id, form, upos, head, deprel, feats, space_after."""
    text, words, ranges = None, [], {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# text = "):
            text = line[9:]
        elif not line.strip():
            if text is not None and words:
                yield text, words
            text, words, ranges = None, [], {}
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "." in cols[0]:
                continue   # empty nodes
            if "-" in cols[0]:
                # a multiword token ("don't" = do + n't): its spacing is on the range line
                first, last = map(int, cols[0].split("-"))
                for w in range(first, last):
                    ranges[w] = False          # no space inside the token
                ranges[last] = "SpaceAfter=No" not in cols[9]
                continue
            wid = int(cols[0])
            words.append({"id": wid, "form": cols[1], "upos": cols[3], "feats": cols[5], "head": int(cols[6]),
                          "deprel": cols[7], "space_after": ranges.get(wid, "SpaceAfter=No" not in cols[9])})
    if text is not None and words:
        yield text, words


def align(text: str, words: list[dict], toks, tags) -> dict[int, int] | None:
    """UD word id -> coder token index, or None when the sentence cannot be aligned."""
    groups, cur = [], []
    for w in words:
        cur.append(w)
        if w["space_after"]:
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    spans, pos = [], 0
    for piece in text.split():
        s = text.index(piece, pos)
        spans.append((s, s + len(piece)))
        pos = s + len(piece)
    if len(spans) != len(groups):
        return None
    out: dict[int, int] = {}
    for (s, e), g in zip(spans, groups):
        mine = [i for i, t in enumerate(toks) if t.start < e and s < t.end]
        content = [i for i in mine if tags[i] != "PUNCT"]
        punct = [i for i in mine if tags[i] == "PUNCT"]
        ud_content = [w for w in g if w["upos"] != "PUNCT"]
        ud_punct = [w for w in g if w["upos"] == "PUNCT"]
        for w, i in zip(ud_punct, punct):
            out[w["id"]] = i
        if not content:
            continue
        if len(content) == len(ud_content):
            for w, i in zip(ud_content, content):
                out[w["id"]] = i
        elif len(content) == 1:
            for w in ud_content:
                out[w["id"]] = content[0]
        else:
            for w in ud_content:
                out[w["id"]] = next((i for i in content if w["form"] in toks[i].text), content[0])
    return out


def main_word(ids: list[int], by_id: dict[int, dict]) -> dict | None:
    ws = [by_id[i] for i in ids]
    lexical = [w for w in ws if w["upos"] not in _FUNCTION]
    return (lexical or ws or [None])[0]


def evaluate(path: str, lang: str, show: int = 0) -> list[str]:
    prof, trie = profile(lang), load(lang).trie
    c = Counter()
    seconds = 0.0
    shown: list[str] = []
    for text, words in read_conllu(path):
        c["sentences"] += 1
        toks = prof.tokenise(text)
        t0 = time.perf_counter()
        mentions = match(trie, toks, text)
        dated = set()
        for d in find_dates(text, lang, None):
            dated |= {i for i, t in enumerate(toks) if t.start < d.end and d.start < t.end}
        p = parse(toks, mentions, prof, frozenset(dated))
        seconds += time.perf_counter() - t0
        amap = align(text, words, toks, p.tags)
        if amap is None:
            c["unaligned"] += 1
            continue
        by_id = {w["id"]: w for w in words}
        covers: dict[int, list[int]] = {}
        for wid, i in amap.items():
            covers.setdefault(i, []).append(wid)
        for i, wids in covers.items():
            w = main_word(wids, by_id)
            if w is None or w["upos"] == "PUNCT":
                continue
            c["pos_all"] += 1
            c["pos_all_ok"] += _COARSE.get(w["upos"], w["upos"]) == _COARSE.get(p.tags[i], p.tags[i])
            if i in p.ambiguous:
                c["pos_amb"] += 1
                c["pos_amb_ok"] += _COARSE.get(w["upos"], "other") == _COARSE.get(p.tags[i], "mine-other")
        for cl in p.clauses:
            for pr in cl.predicates:
                verbs = [by_id[w] for w in covers.get(pr.verb, []) if by_id[w]["upos"] in ("VERB", "AUX")]
                c["verbs_found"] += 1
                if not verbs:
                    continue
                c["verbs_ud"] += 1
                v = verbs[0]
                for role, rels in (("subject", ("nsubj", "nsubj:pass")), ("object", ("obj",))):
                    gold = [w for w in words if w["head"] == v["id"] and w["deprel"] in rels]
                    c[f"{role}_gold"] += bool(gold)
                    if role not in pr.arguments:
                        if gold and role == "subject" and "patient" in pr.arguments and len(shown) < show:
                            # a participle read as describing a noun where the treebank has a clause
                            shown.append(f"  no subject for {toks[pr.verb].text!r} (read as a participle describing "
                                         f"{toks[p.chunks[pr.arguments['patient']].head].text!r}), treebank "
                                         f"{gold[0]['form']}: {text[:150]}")
                        continue
                    if role in pr.inherited:     # a controller, not the verb's own subject: UD has none
                        c[f"{role}_inherited"] += 1
                        continue
                    c[f"{role}_found"] += 1
                    head = p.chunks[pr.arguments[role]].head
                    ok = any(amap.get(g["id"]) == head for g in gold)
                    if not ok and cl.kind == "relative" and cl.marker is not None:
                        ok = any(amap.get(g["id"]) == cl.marker for g in gold) and \
                            pr.arguments[role] == cl.antecedent
                    c[f"{role}_ok"] += ok
                    if not ok and len(shown) < show:
                        want = ", ".join(g["form"] for g in gold) or "none"
                        shown.append(f"  {role} of {toks[pr.verb].text!r}: stage {toks[head].text!r} "
                                     f"({pr.how.get(role)}), treebank {want}: {text[:150]}")
                    c[f"{role}_ok_of_gold"] += ok and bool(gold)

    def pct(a: str, b: str) -> str:
        return f"{c[a] / c[b]:.1%} ({c[a]}/{c[b]})" if c[b] else "n/a"

    return [f"[{lang}] {Path(path).name}: {c['sentences']} sentences, {c['unaligned']} not aligned; "
            f"{c['verbs_found']} predicates found, {c['verbs_ud']} of them UD verbs; "
            f"stage {1000 * seconds / max(1, c['sentences']):.2f} ms/sentence (matching included)",
            f"[{lang}] subject head accuracy {pct('subject_ok', 'subject_found')}; "
            f"recall of UD subjects {pct('subject_ok_of_gold', 'subject_gold')}; "
            f"{c['subject_inherited']} subjects taken from another clause not scored",
            f"[{lang}] object head accuracy  {pct('object_ok', 'object_found')}; "
            f"recall of UD objects {pct('object_ok_of_gold', 'object_gold')}",
            f"[{lang}] POS on noun/verb-ambiguous words {pct('pos_amb_ok', 'pos_amb')}; "
            f"on all words (coarse) {pct('pos_all_ok', 'pos_all')}"] + shown


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conllu", nargs="+")
    ap.add_argument("--lang", choices=["ar", "en"])
    ap.add_argument("--errors", type=int, default=0, help="list this many wrong subjects/objects")
    a = ap.parse_args(argv)
    for path in a.conllu:
        lang = a.lang or Path(path).name[:2]
        for line in evaluate(path, lang, a.errors):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
