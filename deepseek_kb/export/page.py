"""The knowledge base as one self-contained HTML page (drawn by `page`)."""

from __future__ import annotations

import html
import json
from typing import Any

Data = dict[str, list[dict[str, Any]]]


def page(data: Data) -> str:
    """A placeholder page: the KB as preformatted JSON (replaced by the full page)."""
    body = html.escape(json.dumps(data, ensure_ascii=False, indent=1))
    return f"<!doctype html><meta charset=utf-8><title>dskb</title><pre>{body}</pre>\n"
