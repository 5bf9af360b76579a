# Cython declarations for the compiled build (setup.py): the part-of-speech rule as an extension
# type, so that the tagger reads its fields from the object itself rather than through its dict.
# The .py stays the source of truth: a field added there must be added here.
cdef class CompiledRule:
    cdef readonly object tag, applies, prev_tag, next_tag, prev_word, next_word, ending, prefix
    cdef readonly object min_length, definite, clitic_preposition, capitalised, next_capitalised
    cdef readonly object next_definite, prev_definite, definite_agrees, word
