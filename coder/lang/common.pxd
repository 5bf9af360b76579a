# Cython declarations for the compiled build (setup.py): the tokeniser's loop with its offsets as C
# integers, and its tokens made in C with their fields stored into their slots (coder/slots.pxd).
# (Its tokens are the Python class of coder/records.py, read by the Python modules through its slots)
cimport cython
from coder.slots cimport token_made_in_c as _token_made_in_c

@cython.locals(toks=list, chunks=list, end=Py_ssize_t, base=Py_ssize_t,
               start=Py_ssize_t, stop=Py_ssize_t, length=Py_ssize_t, in_c=bint)
cpdef list tokens_by(str text, word, normalise, forms, dict cache=*, dict folds=*)
