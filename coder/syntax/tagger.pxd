# Cython declarations for the compiled build (setup.py): _holds, _holds_in_context and _holds_on_word, asked once
# per token and rule, as C-level calls with the rule's fields read from the extension type
# (coder/syntax/rules.pxd).
from coder.syntax.rules cimport CompiledRule

cpdef _holds(CompiledRule r, Py_ssize_t i, toks, tags, prev, F)
cpdef _holds_in_context(CompiledRule r, Py_ssize_t i, toks, tags, F)
cpdef _holds_on_word(CompiledRule r, Py_ssize_t i, toks, F)
