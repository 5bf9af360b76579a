# Cython declarations for the compiled build (setup.py): the hot path's records as extension types,
# so that a compiled function declaring a local as one of them reads and sets its fields in the
# object itself. The integer fields stay Python objects: most of their readers are untyped, and a
# C integer would be boxed again at each of their reads. The .py is the source of truth: a field
# added there must be added here.
cdef class WordMemo:
    cdef public object starts_of, starts, features_of, features, places_of, places
    cdef public object marks_of, marks, verb_of, verb, asked

cdef class Token:
    cdef public str text
    cdef public object start, end
    cdef public str norm
    cdef public tuple forms
    cdef public WordMemo memo

cdef class Sentence:
    cdef public object index
    cdef public str text
    cdef public object start
    cdef public list tokens

cdef class Mention:
    cdef public str kind
    cdef public object first, last, start, end
    cdef public str text
    cdef public object entry
    cdef public str rule_id
    cdef public object first_form
