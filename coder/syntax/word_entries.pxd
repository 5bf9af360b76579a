# Cython declarations for the compiled build (setup.py): the tokens and their memos typed, so that
# their fields are read from their slots in C (coder/slots.pxd).
cimport cython
from coder.slots cimport Token as TokenRecord, WordMemo as WordMemoRecord
from coder.slots cimport records_layout_checked as _records_layout_checked

@cython.locals(flat=list, t=TokenRecord, memo=WordMemoRecord)
cpdef list known_entries(toks, dict words)
