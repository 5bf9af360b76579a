# Cython declarations for the compiled build (setup.py): _holds and _holds_in_context, asked once
# per token and rule, as C-level calls with the rule's fields read from the extension type
# (coder/syntax/rules.pxd).
from coder.syntax.rules cimport CompiledRule

cpdef _holds(CompiledRule r, Py_ssize_t i, toks, tags, prev, F)
cpdef _holds_in_context(CompiledRule r, Py_ssize_t i, toks, tags, F)
