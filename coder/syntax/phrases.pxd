# Cython declarations for the compiled build (setup.py): the chunkers' walks over a sentence's tokens
# and the index of their phrases, with positions and counts as C integers. They read the sentence's
# per-token lists by index, which compiled code does in C; what they read of the tokens and set on the
# phrases (Python records) goes through CPython's generic attribute path, as in the matcher.
cimport cython

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t, head=Py_ssize_t,
               chunks=list, modifiers=list)
cpdef list _chunks_before(toks, tags, read, prof, R)

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t, start=Py_ssize_t,
               last_end=Py_ssize_t, gap=Py_ssize_t, named=Py_ssize_t, before=Py_ssize_t,
               chunks=list, chunk_of=list, starts=list, ends=list, owned=list, bare=list, tagged=list,
               modifiers=list, adjectives=bint)
cpdef list _chunks_after(toks, tags, read, prof, R, index=*)

@cython.locals(k=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t, chunk_of=list, starts=list, ends=list,
               owned=list, pronouns=list)
cpdef tuple index_phrases(list chunks, Py_ssize_t n, tags, prep, head_first)
