"""The page's search: every record in both languages, found as you type, offline.

The records go into the page as one JSON block (`<script type="application/json">`, with `<`
written as `\\u003c` so no text can close it) and a small inline script filters them: every
word typed must occur in a record's text (Chinese or English, case aside), and the hits list
under the box links to where the record stands on the page. Nothing is fetched. Without
scripts the box says so and the page is all there.
"""

from __future__ import annotations

import json
from typing import Any

from deepseek_kb import kinds
from deepseek_kb.export.markup import pair_of
from deepseek_kb.messages import texts

Data = dict[str, list[dict[str, Any]]]


# Where a record stands on the page: its element's id is its kind's prefix and its own id.
# Sources are "src-…"; organizations and facts have no place of their own (their hits show
# their text instead of a link).
_PREFIXES = {"source": "src-", "organization": "", "fact": ""}


def anchor(kind: str) -> str:
    """The prefix of the ids of a kind's records on the page ("" where they have no place)."""
    return _PREFIXES.get(kind, f"{kind}-")


def _words() -> dict[str, tuple[str, str]]:
    """Each kind's word in both languages, for the hits' tags."""
    return {kind.name: kind.word for kind in kinds.KINDS}


def _texts(value: Any, lang: str) -> list[str]:
    """Every text of a record in one language (plain strings in both)."""
    if isinstance(value, dict):
        if "zh" in value and "en" in value and isinstance(value["zh"], str):
            return [str(value[lang])]
        return [t for k, v in value.items() if k not in ("sources", "url") for t in _texts(v, lang)]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item, lang)]
    return [value] if isinstance(value, str) else []


def _title(record: dict[str, Any], lang: str) -> str:
    for field in ("name", "title", "text"):
        if isinstance(record.get(field), dict):
            return str(record[field][lang])
    return str(record["id"])


def entries(data: Data) -> list[dict[str, str]]:
    """One search entry per record: kind, title and text in both languages, and its anchor."""
    found = []
    for kind, records in data.items():
        for record in records:
            prefix = anchor(kind)
            found.append(
                {
                    "k": kind,
                    "a": f"{prefix}{record['id']}" if prefix else "",
                    "tz": _title(record, "zh"),
                    "te": _title(record, "en"),
                    "z": " ".join(_texts(record, "zh")),
                    "e": " ".join(_texts(record, "en")),
                }
            )
    return found


_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("kb-data").textContent);
  var words = JSON.parse(document.getElementById("kb-words").textContent);
  var box = document.getElementById("q"), list = document.getElementById("hits"),
      count = document.getElementById("hit-count"), root = document.documentElement;
  function lang() { return document.getElementById("lang-zh").checked ? "zh" : "en"; }
  function draw() {
    var terms = box.value.toLowerCase().split(/\\s+/).filter(Boolean), zh = lang() === "zh";
    list.textContent = "";
    if (!terms.length) { count.textContent = ""; list.hidden = true; return; }
    var hits = data.filter(function (r) {
      var text = (r.tz + " " + r.te + " " + r.z + " " + r.e).toLowerCase();
      return terms.every(function (t) { return text.indexOf(t) >= 0; });
    });
    hits.slice(0, 50).forEach(function (r) {
      var li = document.createElement("li"), tag = document.createElement("span"),
          title = r.a ? document.createElement("a") : document.createElement("b");
      tag.className = "kind";
      tag.textContent = words[r.k][zh ? 0 : 1];
      title.textContent = zh ? r.tz : r.te;
      if (r.a) title.href = "#" + r.a;
      li.appendChild(tag); li.appendChild(title);
      if (!r.a) {
        var what = document.createElement("span");
        what.className = "muted"; what.textContent = " " + (zh ? r.z : r.e).slice(0, 160);
        li.appendChild(what);
      }
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    count.textContent = zh ? hits.length + @records.zh@ + (hits.length > 50 ? @first_50.zh@ : "")
                           : hits.length + (hits.length === 1 ? @record.en@ : @records.en@) +
                             (hits.length > 50 ? @first_50.en@ : "");
  }
  function setLang() { root.lang = lang() === "zh" ? "zh-CN" : "en"; draw(); }
  box.addEventListener("input", draw);
  document.getElementById("lang-zh").addEventListener("change", setLang);
  document.getElementById("lang-en").addEventListener("change", setLang);
  document.getElementById("search").hidden = false;
  document.getElementById("no-script").hidden = true;
  draw();
})();
"""


def _json(value: Any) -> str:
    """JSON safe inside a <script> element: no `<` that could close it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def search_box() -> str:
    """The search form (shown by the script) and the note shown without scripts."""
    label = pair_of("page_search.search_every_record_chinese_or")
    hint = pair_of("page_search.examples")
    return (
        f'<div class="search" id="search" role="search" hidden>'
        f'<label for="q">{label}</label>'
        '<input id="q" type="search" autocomplete="off" spellcheck="false">'
        f'<p class="muted hint">{hint} <span id="hit-count" aria-live="polite"></span></p>'
        '<ul id="hits" class="hits" hidden></ul></div>'
        f'<p class="muted" id="no-script">'
        f"{pair_of('page_search.search_needs_scripts_enabled')}</p>"
    )


def _worded(script: str) -> str:
    """The script with its words (`@records.zh@`: `page_search.records` in Chinese) as JS strings."""
    for key in ("records", "record", "first_50"):
        words = texts(f"page_search.{key}")
        for lang, said in (("zh", words.zh), ("en", words.en)):
            script = script.replace(f"@{key}.{lang}@", json.dumps(said, ensure_ascii=False))
    return script


def search_script(data: Data) -> str:
    """The records as JSON and the script that searches them."""
    return (
        f'<script type="application/json" id="kb-data">{_json(entries(data))}</script>\n'
        f'<script type="application/json" id="kb-words">{_json(_words())}</script>\n'
        f"<script>{_worded(_SCRIPT)}</script>\n"
    )
