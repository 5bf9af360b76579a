# Cython declarations for the compiled build (setup.py): the tokeniser's loop with its offsets as C
# integers. (Its tokens are the Python class of coder/records.py, whose fields it sets as Python does)
cimport cython

@cython.locals(toks=list, chunks=list, end=Py_ssize_t, base=Py_ssize_t,
               start=Py_ssize_t, stop=Py_ssize_t, length=Py_ssize_t)
cpdef list tokens_by(str text, word, normalise, forms, dict cache=*, dict folds=*)
