# Cython declarations for the compiled build (setup.py): the argument reader's loop with its
# predicates made in C and the records typed, so that their fields are read from their slots in C
# (coder/slots.pxd, coder/syntax/record_slots.pxd).
cimport cython
from coder.slots cimport WordMemo as WordMemoRecord, records_layout_checked as _records_layout_checked
from coder.syntax.record_slots cimport Predicate as PredicateRecord, Clause as ClauseRecord
from coder.syntax.record_slots cimport predicate_made_in_c as _predicate_made_in_c
from coder.syntax.record_slots cimport clause_layout_checked as _clause_layout_checked

@cython.locals(cl=ClauseRecord, p=PredicateRecord, prev=PredicateRecord, head=ClauseRecord, memo=WordMemoRecord,
               in_c=bint, verbs=list, describing=list)
cpdef arguments(clauses, chunks, toks, tags, R, prof, groups, actorish, speech=*, lexical=*, roles=*, bare=*,
                bounds=*, chunk_of=*)
