# Cython declarations for the compiled build (setup.py): the matcher's loop over the tokens with its
# indices as C integers and its dicts, lists and sets as their types. (The tokens and the mentions
# it makes are the Python classes of coder/records.py. The trie stays untyped: a LazyTrie,
# coder/cache.py, is a dict subclass whose get() decodes on use, which a `dict` argument would refuse.)
cimport cython
# (its mentions made in C, their fields stored into their slots: coder/slots.pxd)
from coder.slots cimport mention_made_in_c as _mention_made_in_c
# (its tokens' and their memos' fields read from their slots; the layout checked at import)
from coder.slots cimport Token as TokenRecord, WordMemo as WordMemoRecord
from coder.slots cimport records_layout_checked as _records_layout_checked

# (`out` untyped: a Mentions, the list subclass that carries the sentence's grammar index, which a
# `list` declaration would refuse)
@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, starts=dict, roles=dict, markers=list, triggers=list, actors=list, actor_words=set,
               discards=list, in_c=bint,
               tok=TokenRecord, memo=WordMemoRecord)
cpdef match(trie, list tokens, str text, bint with_grammar=*, word_kinds=*, date_marker_firsts=*)
