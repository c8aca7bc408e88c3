"""Exports of the whole knowledge base: JSON, Markdown, HTML, CSV, SQLite and a data folder."""
