# The compiled build's makers of the hot records in C (coder/records.py: Token, Mention, slots
# classes), cimported by the compiled tokeniser and matcher (coder/lang/common.pxd,
# coder/recognise/matcher.pxd). A field set from compiled code goes through CPython's generic
# attribute path, about 60 machine instructions a field, where the interpreter's own store into a
# slot costs about ten: these make a record with every field stored into its slot at once, as that
# store does. Each slot's offset is read from the class's member descriptor at the first record, not
# assumed; a class whose field is no slot raises TypeError. (Declarations only: no module of its own)

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

    /* a new instance of `type` (its slots empty) with `values` stored into the slots at `offsets` */
    static PyObject *coder_slots_made(PyTypeObject *type, int n, const Py_ssize_t *offsets, PyObject **values) {
        PyObject *obj = type->tp_alloc(type, 0);
        if (obj == NULL)
            return NULL;
        for (int i = 0; i < n; i++) {
            Py_INCREF(values[i]);
            *(PyObject **)((char *)obj + offsets[i]) = values[i];
        }
        return obj;
    }

    static PyTypeObject *coder_token_type = NULL;
    static Py_ssize_t coder_token_offsets[6];

    static PyObject *coder_token_made_in_c(PyObject *cls, PyObject *text, PyObject *start, PyObject *end,
                                           PyObject *norm, PyObject *forms, PyObject *memo) {
        static const char *names[6] = {"text", "start", "end", "norm", "forms", "memo"};
        PyTypeObject *type = (PyTypeObject *)cls;
        if (type != coder_token_type) {
            if (coder_slots_layout(type, names, 6, coder_token_offsets) < 0)
                return NULL;
            coder_token_type = type;
        }
        PyObject *values[6] = {text, start, end, norm, forms, memo};
        return coder_slots_made(type, 6, coder_token_offsets, values);
    }

    static PyTypeObject *coder_mention_type = NULL;
    static Py_ssize_t coder_mention_offsets[9];

    static PyObject *coder_mention_made_in_c(PyObject *cls, PyObject *kind, PyObject *first, PyObject *last,
                                             PyObject *start, PyObject *end, PyObject *text, PyObject *entry,
                                             PyObject *rule_id, PyObject *first_form) {
        static const char *names[9] = {"kind", "first", "last", "start", "end", "text", "entry", "rule_id",
                                       "first_form"};
        PyTypeObject *type = (PyTypeObject *)cls;
        if (type != coder_mention_type) {
            if (coder_slots_layout(type, names, 9, coder_mention_offsets) < 0)
                return NULL;
            coder_mention_type = type;
        }
        PyObject *values[9] = {kind, first, last, start, end, text, entry, rule_id, first_form};
        return coder_slots_made(type, 9, coder_mention_offsets, values);
    }
    """
    object token_made_in_c "coder_token_made_in_c"(object cls, object text, object start, object end,
                                                    object norm, object forms, object memo)
    object mention_made_in_c "coder_mention_made_in_c"(object cls, object kind, object first, object last,
                                                        object start, object end, object text, object entry,
                                                        object rule_id, object first_form)
