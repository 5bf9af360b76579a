"""Questions about a word as written, answered once a word: a token's norm and lookup forms follow
from its text (tokenise), so an answer about them does too. The syntax stage and the rules ask such
questions of every token of every sentence (coder.lang.ar: is_definite, agreement, ...).

A question's answers are kept twice: in a dict by the word as written (the question's `answers`,
which a stage may fill for a new word, bounded), and in the word's memo shared by its tokens
(coder.records.WordMemo.asked: a list, one place a question), where a known word's answer is read
without a look-up in a dict of tens of thousands of words, which waits on memory."""
from __future__ import annotations

# the places of a word's memo (WordMemo.asked): one a question, given as the questions are made
QUESTIONS_MAX = 12
_made = [0]   # (how many questions were made)
_ANSWERS_MAX = 100_000   # a question's dict, cleared when full


def per_word(question):
    """`question` (a function of a token) answered once per word as written. None is no answer: a
    question answers something else (False, a tuple)."""
    at = _made[0]
    if at >= QUESTIONS_MAX:
        raise RuntimeError(f"more than {QUESTIONS_MAX} per-word questions: raise per_word.QUESTIONS_MAX")
    _made[0] += 1
    answers: dict = {}

    def ask(token):
        memo = token.memo
        asked = memo.asked
        if asked is None:
            asked = memo.asked = [None] * QUESTIONS_MAX
        else:
            v = asked[at]
            if v is not None:
                return v
        v = answers.get(token.text)
        if v is None:
            if len(answers) >= _ANSWERS_MAX:
                answers.clear()
            v = answers[token.text] = question(token)
        asked[at] = v
        return v
    ask.__doc__, ask.__name__, ask.__wrapped__ = question.__doc__, question.__name__, question
    ask.answers = answers    # (coder.lang.ar.word_features fills them for a new word, worked out together)
    ask.at = at              # (its place in WordMemo.asked, which a caller may read in place)
    return ask
