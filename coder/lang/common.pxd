# Cython declarations for the compiled build (setup.py): the tokeniser's loop with its offsets as C
# integers and its tokens as the extension type of coder/records.pxd, whose fields it sets in place.
cimport cython
# (cimported under its own name: the .py imports Token from coder.model, which re-exports it)
from coder.records cimport Token as TokenRecord

@cython.locals(toks=list, chunks=list, end=Py_ssize_t, base=Py_ssize_t,
               start=Py_ssize_t, stop=Py_ssize_t, length=Py_ssize_t, tok=TokenRecord)
cpdef list tokens_by(str text, word, normalise, forms, dict cache=*, dict folds=*)
