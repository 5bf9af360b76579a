"""The coder's dictionaries, as data: one folder per language (see README.md)."""
