"""Ranked search: text into tokens, what is stored per record, query expansion, scoring."""
