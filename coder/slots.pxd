# The compiled build's access to the hot records' slots (coder/records.py: Token, Mention, WordMemo,
# slots classes; coder/syntax/record_slots.pxd does the same for the syntax stage's records),
# cimported by the compiled modules' .pxd files.
# From compiled code, a field of a Python record is read or set through CPython's generic attribute
# path, about 60 machine instructions a field, where the interpreter's own specialised slot access
# costs about ten. So:
# - the makers below make a record with every field stored into its slot at once, as the
#   interpreter's store does; each slot's offset is read from the class's member descriptor at the
#   first record, not assumed; a class whose field is no slot raises TypeError;
# - the extension types below give the records' layout: a variable declared of one of them (in a
#   module's .pxd) reads a field from its slot in C. CPython lays a class's slots out after the
#   object's header in the order of their names, sorted; the import of a module that uses them checks
#   the instance size, and `records_layout_checked` (called once at its import) every offset.
#   Each declares only fields always set (a record's slot is never empty when read); a variable of
#   one of them that holds None reads as Python does, an AttributeError (setup.py's nonecheck).
# (Declarations only: no module of its own)

cdef extern from *:
    """
    #include "structmember.h"

    /* the offsets of `n` slots of `type` by name, into `offsets`; -1 with TypeError if one is no slot */
    static int coder_slots_layout(PyTypeObject *type, const char **names, int n, Py_ssize_t *offsets) {
        for (int i = 0; i < n; i++) {
            PyObject *d = PyDict_GetItemString(type->tp_dict, names[i]);   /* borrowed */
            if (d == NULL || !Py_IS_TYPE(d, &PyMemberDescr_Type)
                    || ((PyMemberDescrObject *)d)->d_member->type != T_OBJECT_EX) {
                PyErr_Format(PyExc_TypeError, "%s.%s is not a slot", type->tp_name, names[i]);
                return -1;
            }
            offsets[i] = ((PyMemberDescrObject *)d)->d_member->offset;
        }
        return 0;
    }

    /* a new instance of `cls` with `values` stored into its `n` slots named `names`; `layout` keeps the
       class met last and its slots' offsets, found at the first record of a class (a maker's own) */
    typedef struct { PyTypeObject *type; Py_ssize_t offsets[16]; } coder_layout;

    static PyObject *coder_record_made(PyObject *cls, coder_layout *layout, const char **names, int n,
                                       PyObject **values) {
        PyTypeObject *type = (PyTypeObject *)cls;
        if (type != layout->type) {
            if (coder_slots_layout(type, names, n, layout->offsets) < 0)
                return NULL;
            layout->type = type;
        }
        PyObject *obj = type->tp_alloc(type, 0);
        if (obj == NULL)
            return NULL;
        for (int i = 0; i < n; i++) {
            Py_INCREF(values[i]);
            *(PyObject **)((char *)obj + layout->offsets[i]) = values[i];
        }
        return obj;
    }

    static PyObject *coder_token_made_in_c(PyObject *cls, PyObject *text, PyObject *start, PyObject *end,
                                           PyObject *norm, PyObject *forms, PyObject *memo) {
        static const char *names[6] = {"text", "start", "end", "norm", "forms", "memo"};
        static coder_layout layout;
        PyObject *values[6] = {text, start, end, norm, forms, memo};
        return coder_record_made(cls, &layout, names, 6, values);
    }

    static PyObject *coder_mention_made_in_c(PyObject *cls, PyObject *kind, PyObject *first, PyObject *last,
                                             PyObject *start, PyObject *end, PyObject *text, PyObject *entry,
                                             PyObject *rule_id, PyObject *first_form) {
        static const char *names[9] = {"kind", "first", "last", "start", "end", "text", "entry", "rule_id",
                                       "first_form"};
        static coder_layout layout;
        PyObject *values[9] = {kind, first, last, start, end, text, entry, rule_id, first_form};
        return coder_record_made(cls, &layout, names, 9, values);
    }

    #include <stddef.h>
    typedef struct { PyObject_HEAD PyObject *end, *forms, *memo, *norm, *start, *text; } coder_TokenObject;
    typedef struct { PyObject_HEAD PyObject *end, *entry, *first, *first_form, *kind, *last, *rule_id, *start,
                     *text; } coder_MentionObject;
    typedef struct { PyObject_HEAD PyObject *asked, *features, *features_of, *marks, *marks_of, *places,
                     *places_of, *starts, *starts_of, *verb, *verb_of; } coder_WordMemoObject;

    /* 0 if each of the `n` slots of `cls` named in `names` lies at the offset in `expected` (the struct's
       above); -1 with TypeError if not */
    static int coder_layout_matches(PyObject *cls, int n, const char **names, const Py_ssize_t *expected) {
        Py_ssize_t offsets[16];
        if (coder_slots_layout((PyTypeObject *)cls, names, n, offsets) < 0)
            return -1;
        for (int i = 0; i < n; i++)
            if (offsets[i] != expected[i]) {
                PyErr_Format(PyExc_TypeError, "%s.%s lies at %zd, not at %zd as compiled",
                             ((PyTypeObject *)cls)->tp_name, names[i], offsets[i], expected[i]);
                return -1;
            }
        return 0;
    }

    #define CODER_AT(T, f) offsetof(T, f)
    static int coder_records_layout_checked(PyObject *token, PyObject *mention, PyObject *memo) {
        static const char *t_names[6] = {"end", "forms", "memo", "norm", "start", "text"};
        static const Py_ssize_t t_at[6] = {
            CODER_AT(coder_TokenObject, end), CODER_AT(coder_TokenObject, forms), CODER_AT(coder_TokenObject, memo),
            CODER_AT(coder_TokenObject, norm), CODER_AT(coder_TokenObject, start), CODER_AT(coder_TokenObject, text)};
        static const char *m_names[9] = {"end", "entry", "first", "first_form", "kind", "last", "rule_id", "start",
                                         "text"};
        static const Py_ssize_t m_at[9] = {
            CODER_AT(coder_MentionObject, end), CODER_AT(coder_MentionObject, entry),
            CODER_AT(coder_MentionObject, first), CODER_AT(coder_MentionObject, first_form),
            CODER_AT(coder_MentionObject, kind), CODER_AT(coder_MentionObject, last),
            CODER_AT(coder_MentionObject, rule_id), CODER_AT(coder_MentionObject, start),
            CODER_AT(coder_MentionObject, text)};
        static const char *w_names[11] = {"asked", "features", "features_of", "marks", "marks_of", "places",
                                          "places_of", "starts", "starts_of", "verb", "verb_of"};
        static const Py_ssize_t w_at[11] = {
            CODER_AT(coder_WordMemoObject, asked), CODER_AT(coder_WordMemoObject, features),
            CODER_AT(coder_WordMemoObject, features_of), CODER_AT(coder_WordMemoObject, marks),
            CODER_AT(coder_WordMemoObject, marks_of), CODER_AT(coder_WordMemoObject, places),
            CODER_AT(coder_WordMemoObject, places_of), CODER_AT(coder_WordMemoObject, starts),
            CODER_AT(coder_WordMemoObject, starts_of), CODER_AT(coder_WordMemoObject, verb),
            CODER_AT(coder_WordMemoObject, verb_of)};
        if (coder_layout_matches(token, 6, t_names, t_at) < 0 || coder_layout_matches(mention, 9, m_names, m_at) < 0
                || coder_layout_matches(memo, 11, w_names, w_at) < 0)
            return -1;
        return 0;
    }

    """
    object token_made_in_c "coder_token_made_in_c"(object cls, object text, object start, object end,
                                                    object norm, object forms, object memo)
    object mention_made_in_c "coder_mention_made_in_c"(object cls, object kind, object first, object last,
                                                        object start, object end, object text, object entry,
                                                        object rule_id, object first_form)
    int records_layout_checked "coder_records_layout_checked"(object token, object mention, object memo) except -1
    # (cimported by the .pxd files that declare other records' layouts, so that this C comes first in
    # their modules: coder/syntax/record_slots.pxd)
    int layout_matches "coder_layout_matches"(object cls, int n, const char **names, const Py_ssize_t *expected) except -1

    ctypedef class coder.records.Token [object coder_TokenObject]:
        cdef object end, forms, memo, norm, start, text
    ctypedef class coder.records.Mention [object coder_MentionObject]:
        cdef object end, entry, first, first_form, kind, last, rule_id, start, text
    ctypedef class coder.records.WordMemo [object coder_WordMemoObject]:
        cdef object asked, features, features_of, marks, marks_of, places, places_of, starts, starts_of, verb, verb_of
