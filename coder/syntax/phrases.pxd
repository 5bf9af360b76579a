# Cython declarations for the compiled build (setup.py): the chunkers' walks over a sentence's tokens
# and the index of their phrases, with positions and counts as C integers. They read the sentence's
# per-token lists by index, which compiled code does in C; they make their phrases in C and read the
# fields of the tokens and phrases they hold in typed variables from their slots (coder/slots.pxd).
cimport cython
# (their phrases made in C, and the tokens' and phrases' fields read from their slots: coder/slots.pxd,
# coder/syntax/record_slots.pxd)
from coder.syntax.record_slots cimport chunk_made_in_c as _chunk_made_in_c, chunk_layout_checked as _chunk_layout_checked
from coder.syntax.record_slots cimport Chunk as ChunkRecord
from coder.slots cimport Token as TokenRecord, records_layout_checked as _records_layout_checked

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t, head=Py_ssize_t,
               chunks=list, modifiers=list, in_c=bint, c=ChunkRecord)
cpdef list _chunks_before(toks, tags, read, prof, R)

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t, start=Py_ssize_t,
               last_end=Py_ssize_t, gap=Py_ssize_t, named=Py_ssize_t, before=Py_ssize_t,
               chunks=list, chunk_of=list, starts=list, ends=list, owned=list, bare=list, tagged=list,
               modifiers=list, adjectives=bint, in_c=bint, c=ChunkRecord, t=TokenRecord)
cpdef list _chunks_after(toks, tags, read, prof, R, index=*)

@cython.locals(k=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t, chunk_of=list, starts=list, ends=list,
               owned=list, pronouns=list)
cpdef tuple index_phrases(list chunks, Py_ssize_t n, tags, prep, head_first)
