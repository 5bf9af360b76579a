# Cython declarations for the compiled build (setup.py): the walk with its positions as C integers,
# its tokens and their memos typed, so that their fields are read from their slots in C
# (coder/slots.pxd).
cimport cython
from coder.slots cimport Token as TokenRecord, WordMemo as WordMemoRecord
from coder.slots cimport records_layout_checked as _records_layout_checked

@cython.locals(out=list, last=Py_ssize_t, i=Py_ssize_t, tok=TokenRecord, memo=WordMemoRecord, nxt=TokenRecord,
               after=WordMemoRecord)
cpdef list starting(dict known, tokens)
