# The syntax stage's records (coder/syntax/records.py: Chunk, Predicate, Clause, slots classes) for
# the compiled build, as coder/slots.pxd gives the tokens and mentions: makers that store every field
# of a new phrase or predicate into its slot at once, and the records' layouts, extension types whose
# declared fields a variable of one of them reads from their slots in C. Only fields always set are
# declared: a phrase's `possessor` is a property over its slot (left unset where no pronoun owns the
# phrase) and its `refers_to` one on the subclass PendingReference, so both are read as Python
# attributes. (A file apart from coder/slots.pxd: a module that cimports an extension type imports
# the type's module, and coder.syntax's own imports reach the tokeniser, which cimports
# coder/slots.pxd.)
from coder.slots cimport layout_matches

cdef extern from *:
    """
    /* a phrase with its possessor left unset, as the chunkers leave it (read as None: its property) */
    static PyObject *coder_chunk_made_in_c(PyObject *cls, PyObject *kind, PyObject *head, PyObject *start,
                                           PyObject *end, PyObject *modifiers, PyObject *owned,
                                           PyObject *refers_to) {
        static const char *names[7] = {"kind", "head", "start", "end", "modifiers", "owned", "refers_to"};
        static coder_layout layout;
        PyObject *values[7] = {kind, head, start, end, modifiers, owned, refers_to};
        return coder_record_made(cls, &layout, names, 7, values);
    }

    static PyObject *coder_predicate_made_in_c(PyObject *cls, PyObject *verb, PyObject *first, PyObject *passive,
                                               PyObject *arguments, PyObject *how, PyObject *inherited) {
        static const char *names[6] = {"verb", "first", "passive", "arguments", "how", "inherited"};
        static coder_layout layout;
        PyObject *values[6] = {verb, first, passive, arguments, how, inherited};
        return coder_record_made(cls, &layout, names, 6, values);
    }

    typedef struct { PyObject_HEAD PyObject *end, *head, *kind, *modifiers, *owned, *possessor, *refers_to,
                     *start; } coder_ChunkObject;
    typedef struct { PyObject_HEAD PyObject *arguments, *first, *how, *inherited, *passive, *verb; } coder_PredicateObject;
    typedef struct { PyObject_HEAD PyObject *antecedent, *continues, *end, *kind, *marker, *parent, *predicates,
                     *start; } coder_ClauseObject;

    /* (possessor and refers_to apart: not read through the struct, and possessor is a property) */
    static int coder_chunk_layout_checked(PyObject *chunk) {
        static const char *names[6] = {"end", "head", "kind", "modifiers", "owned", "start"};
        static const Py_ssize_t at[6] = {
            CODER_AT(coder_ChunkObject, end), CODER_AT(coder_ChunkObject, head), CODER_AT(coder_ChunkObject, kind),
            CODER_AT(coder_ChunkObject, modifiers), CODER_AT(coder_ChunkObject, owned),
            CODER_AT(coder_ChunkObject, start)};
        return coder_layout_matches(chunk, 6, names, at);
    }

    static int coder_clause_layout_checked(PyObject *predicate, PyObject *clause) {
        static const char *p_names[6] = {"arguments", "first", "how", "inherited", "passive", "verb"};
        static const Py_ssize_t p_at[6] = {
            CODER_AT(coder_PredicateObject, arguments), CODER_AT(coder_PredicateObject, first),
            CODER_AT(coder_PredicateObject, how), CODER_AT(coder_PredicateObject, inherited),
            CODER_AT(coder_PredicateObject, passive), CODER_AT(coder_PredicateObject, verb)};
        static const char *c_names[8] = {"antecedent", "continues", "end", "kind", "marker", "parent", "predicates",
                                         "start"};
        static const Py_ssize_t c_at[8] = {
            CODER_AT(coder_ClauseObject, antecedent), CODER_AT(coder_ClauseObject, continues),
            CODER_AT(coder_ClauseObject, end), CODER_AT(coder_ClauseObject, kind), CODER_AT(coder_ClauseObject, marker),
            CODER_AT(coder_ClauseObject, parent), CODER_AT(coder_ClauseObject, predicates),
            CODER_AT(coder_ClauseObject, start)};
        if (coder_layout_matches(predicate, 6, p_names, p_at) < 0 || coder_layout_matches(clause, 8, c_names, c_at) < 0)
            return -1;
        return 0;
    }
    """
    object chunk_made_in_c "coder_chunk_made_in_c"(object cls, object kind, object head, object start, object end,
                                                    object modifiers, object owned, object refers_to)
    object predicate_made_in_c "coder_predicate_made_in_c"(object cls, object verb, object first, object passive,
                                                            object arguments, object how, object inherited)
    int chunk_layout_checked "coder_chunk_layout_checked"(object chunk) except -1
    int clause_layout_checked "coder_clause_layout_checked"(object predicate, object clause) except -1

    ctypedef class coder.syntax.records.Chunk [object coder_ChunkObject]:
        cdef object end, head, kind, modifiers, owned, start
    ctypedef class coder.syntax.records.Predicate [object coder_PredicateObject]:
        cdef dict arguments, how
        cdef set inherited
        cdef object first, passive, verb
    ctypedef class coder.syntax.records.Clause [object coder_ClauseObject]:
        cdef list predicates
        cdef object antecedent, continues, end, kind, marker, parent, start
