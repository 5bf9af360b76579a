"""Data files for the exports and the report: the CAMEO-to-PLOVER and CAMEO-to-ACLED crosswalks and
the world outline the report's map draws (see coder/data/README.md)."""
