"""Check content files against their JSON Schemas and word the errors for content editors."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .problems import ContentProblem
from .yaml_source import YamlSource

SCHEMA_DIR = Path(__file__).parent / "schemas"


def validate(source: YamlSource, schema_name: str) -> list[ContentProblem]:
    """Every schema violation of one file, each located at its line and column."""
    validator = _validator(schema_name)
    return [
        source.problem(_error_location(error), _describe(error))
        for error in validator.iter_errors(source.data)
    ]


def load_schema(schema_name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{schema_name}.schema.json").read_text(encoding="utf-8"))


# Helper functions -----------------------------------------------------------------------


@cache
def _registry() -> Registry:
    # All schemas sit in one registry so that they can share common.schema.json.
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in SCHEMA_DIR.glob("*.schema.json")
    ]
    return Registry().with_resources(resources)


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    return Draft202012Validator(_registry()[f"{schema_name}.schema.json"].contents, registry=_registry())


def _error_location(error: ValidationError) -> tuple:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        # Point at the unknown key itself, not at the block that holds it.
        allowed = error.schema.get("properties", {})
        unknown = [key for key in error.instance if key not in allowed]
        if unknown:
            return (*path, unknown[0])
    return path


def _describe(error: ValidationError) -> str:
    """A message that says what was found and what was expected."""
    schema, found = error.schema, error.instance
    kind = error.validator
    if "propertyNames" in error.schema_path:
        # YamlSource reports such keys first, with their line; this covers data from elsewhere.
        return f"the key {found!r} is {_type_words(_json_type(found))}, not a text; put it in quotes"
    if kind == "enum":
        return f"{found!r} is not one of {', '.join(map(str, error.validator_value))}"
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"the field '{missing}' is missing"
    if kind == "additionalProperties":
        allowed = ", ".join(schema.get("properties", {}))
        unknown = [key for key in found if key not in schema.get("properties", {})]
        return f"unknown field '{unknown[0]}' (expected one of: {allowed})"
    if kind == "type":
        return f"expected {_type_words(error.validator_value)}, found {_type_words(_json_type(found))}"
    if kind in ("minItems", "maxItems"):
        count = len(found)
        bound = "at least" if kind == "minItems" else "at most"
        return f"expected {bound} {error.validator_value} item(s), found {count}"
    if kind in ("pattern", "minLength") and "x-expected" in schema:
        return f"{found!r} is not {schema['x-expected']}"
    if kind == "anyOf" and "x-expected" in schema:
        return f"expected {schema['x-expected']}, found {_type_words(_json_type(found))}"
    return error.message


def _json_type(value) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array"}
    names.update({dict: "object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _type_words(json_type) -> str:
    words = {
        "string": "a text",
        "array": "a list",
        "object": "a block of fields",
        "null": "nothing",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
    }
    if isinstance(json_type, list):
        return " or ".join(words.get(name, name) for name in json_type)
    return words.get(json_type, json_type)
