"""The JSON export's own shape: one shape per field, and the JSON Schema that documents it.

The data files allow a spec to be one quantity or a list, and a text spec to be a bilingual
text or a plain name. The JSON export gives every field one shape (`normalize`): a quantity
spec's value is always a list of quantities (one for most models, the sizes or the cases for
some), and a text spec's value (a project's licence too) is always a text {zh, en}, a plain
name filling both. `export_schema` is the JSON Schema of that export, built from the pydantic
models with what the export adds: each value's `status`, each record's `provenance`, each
citation's `url`. `dskb schema export` prints it; the tests validate every record against it.
"""

from __future__ import annotations

import copy
from typing import Any

from deepseek_kb.kinds import NAMES, QUANTITY_SPECS, Status, Tier

Data = dict[str, list[dict[str, Any]]]


def _as_text(value: Any) -> Any:
    return {"zh": value, "en": value} if isinstance(value, str) else value


def _as_quantities(value: Any) -> Any:
    return value if isinstance(value, list) else [value]


def _spec(held: dict[str, Any], quantity: bool) -> dict[str, Any]:
    shape = _as_quantities if quantity else _as_text
    out = {**held, "value": shape(held["value"])}
    if "superseded" in held:
        out["superseded"] = [{**old, "value": shape(old["value"])} for old in held["superseded"]]
    return out


def normalize(data: Data) -> Data:
    """The export with one shape per field (a copy; `data` is left as it is)."""
    out = copy.deepcopy(data)
    for model in out.get("model", []):
        specs = model.get("specs") or {}
        for field, held in specs.items():
            specs[field] = _spec(held, field in QUANTITY_SPECS)
    for project in out.get("project", []):
        if project.get("license"):
            project["license"] = _spec(project["license"], quantity=False)
    return out


_STATUS = {"type": "string", "enum": [s.value for s in Status]}


def _told(node: Any) -> None:
    """Add what the export tells beside the data: a status wherever there are sources."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict) and "sources" in props:
            props["status"] = _STATUS
        for value in node.values():
            _told(value)
    elif isinstance(node, list):
        for item in node:
            _told(item)


def _defs() -> dict[str, Any]:
    """Every $def the records use, with the export's one shape per spec."""
    from pydantic import TypeAdapter

    from deepseek_kb.schema import RECORD_TYPES, SourceRef

    defs: dict[str, Any] = {"SourceRef": SourceRef.model_json_schema()}
    for name in NAMES:
        schema = TypeAdapter(RECORD_TYPES[name]).json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[RECORD_TYPES[name].__name__] = schema
    ref = {"$ref": "#/$defs/SourceRef"}
    defs["SourceRef"]["properties"]["url"] = {
        "type": "string",
        "description": "The deep link: the line, page or commit cited, where it is known.",
    }
    _told(defs)
    for holder in defs.values():
        if "sources" in holder.get("properties", {}):
            holder["properties"]["sources"] = {"type": "array", "items": ref}
    for kind in ("quantity", "text"):
        spec = copy.deepcopy(defs["Spec"])
        value = (
            {"type": "array", "items": {"$ref": "#/$defs/Quantity"}, "minItems": 1}
            if kind == "quantity"
            else {"$ref": "#/$defs/Text"}
        )
        spec["properties"]["value"] = value
        old = copy.deepcopy(defs["Superseded"])
        old["properties"]["value"] = value
        spec["properties"]["superseded"] = {"type": "array", "items": old}
        spec["title"] = f"{kind.capitalize()}Spec"
        defs[spec["title"]] = spec
    defs.pop("Spec")
    _one_superseded(defs)
    for field in defs["ModelSpecs"]["properties"]:
        kind = "Quantity" if field in QUANTITY_SPECS else "Text"
        defs["ModelSpecs"]["properties"][field] = {"$ref": f"#/$defs/{kind}Spec"}
    defs["Project"]["properties"]["license"] = {"$ref": "#/$defs/TextSpec"}
    return defs


def _one_superseded(defs: dict[str, Any]) -> None:
    """A date's superseded values are dates, a text's are texts: one shape each."""
    from deepseek_kb.schema import DATE_PATTERN

    shapes = {
        "Date": {"type": "string", "pattern": DATE_PATTERN},
        "Text": {"$ref": "#/$defs/Text"},
    }
    for shape, value in shapes.items():
        old = copy.deepcopy(defs["Superseded"])
        old["properties"]["value"] = value
        old["title"] = f"{shape}Superseded"
        defs[old["title"]] = old
    for holder, shape in (
        ("Dated", "Date"),
        ("Event", "Date"),
        ("Claim", "Text"),
        ("Fact", "Text"),
    ):
        defs[holder]["properties"]["superseded"] = {
            "type": "array",
            "items": {"$ref": f"#/$defs/{shape}Superseded"},
        }
    defs.pop("Superseded")


def export_schema() -> dict[str, Any]:
    """The JSON Schema of `dskb export` (format json): {kind: [record]} for every kind."""
    from deepseek_kb.schema import RECORD_TYPES

    defs = _defs()
    tiers = {"type": "array", "items": {"type": "string", "enum": [t.value for t in Tier]}}
    for name in NAMES:
        record = defs[RECORD_TYPES[name].__name__]
        record["properties"]["provenance"] = tiers
        record["properties"].setdefault("status", _STATUS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "dskb export --format json",
        "description": "Every record of the knowledge base by kind, one shape per field. "
        "See docs/DATA.md for the fields and schema/exported.py for what the export adds.",
        "type": "object",
        "properties": {
            name: {"type": "array", "items": {"$ref": f"#/$defs/{RECORD_TYPES[name].__name__}"}}
            for name in NAMES
        },
        "required": list(NAMES),
        "additionalProperties": False,
        "$defs": defs,
    }
