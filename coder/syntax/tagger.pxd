# Cython declarations for the compiled build (setup.py): _holds, asked once per token and rule,
# as a C-level call with the rule's fields read from the extension type (coder/syntax/rules.pxd).
from coder.syntax.rules cimport CompiledRule

cpdef _holds(CompiledRule r, Py_ssize_t i, toks, tags, prev, F)
