"""coder: a bilingual (Arabic/English) CAMEO event coder."""
__version__ = "0.1.0"
