"""The derived SQLite index: its tables, reads, cache and build."""
