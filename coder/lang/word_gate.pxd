# Cython declarations for the compiled build (setup.py): the walk over a sentence's chunks that tries
# a regex at their word starts, with its offsets and indices as C integers.
cimport cython

@cython.locals(found=list, end=Py_ssize_t, floor=Py_ssize_t, at=Py_ssize_t, offset=Py_ssize_t,
               k=Py_ssize_t, j=Py_ssize_t, chunk=str)
cpdef list matches_at_word_starts(match, str text, chunks, gate, Py_ssize_t first, window_start)
