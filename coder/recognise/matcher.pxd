# Cython declarations for the compiled build (setup.py): the matcher's loop over the tokens with
# the token and the one-word mentions it makes as the extension types of coder/records.pxd, whose
# fields it reads and sets in place. (The trie stays untyped: a LazyTrie, coder/cache.py, is a dict
# subclass whose get() decodes on use, which a `dict` argument would refuse.)
cimport cython
# (cimported under their own names: the .py imports Mention and Token from coder.model, which
# re-exports them: a stage imports the shared model, tests/test_structure.py)
from coder.records cimport Mention as MentionRecord, Token as TokenRecord, WordMemo as WordMemoRecord

# (`out` untyped: a Mentions, the list subclass that carries the sentence's grammar index, which a
# `list` declaration would refuse)
@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, starts=dict, roles=dict, markers=list, triggers=list, actors=list, actor_words=set,
               discards=list, tok=TokenRecord, m=MentionRecord, memo=WordMemoRecord)
cpdef match(trie, list tokens, str text, bint with_grammar=*, word_kinds=*, date_marker_firsts=*)
