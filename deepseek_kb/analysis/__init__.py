"""Text and field preparation shared by the index build and search: below both, above the data.

`text` turns text into the tokens and terms both sides agree on; `fields` turns a row into the
weighted fields the index stores and search scores.
"""
