"""For other tools: validate data with the published JSON Schemas alone.

This script does NOT import ouderbetrokkenheid: it needs only ``jsonschema`` and ``referencing``
(any Draft 2020-12 validator in any language works the same way). It reads the schemas from the
``schemas/`` folder, puts them in an offline registry, and validates a record.

    python examples/other_tool_validate.py [SCHEMAS_FOLDER]
"""

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

HERE = Path(__file__).resolve().parent

RECORD = {
    "id": "voorbeeld/een-boek",
    "kind": "book",
    "title": {"nl": "Een voorbeeldboek", "en": "An example book"},
    "links": [{"access": "lend", "provider": "een bibliotheek"}],
    "provenance": {"source": "voorbeeld", "status": "example-authored-here"},
}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else HERE.parent / "schemas"
    schemas = [json.loads(path.read_text("utf-8")) for path in sorted(folder.glob("*.schema.json"))]
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas
    )
    resource_schema = registry.contents("urn:ouderbetrokkenheid:schema:v1:resource")
    validator = Draft202012Validator(
        resource_schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )

    print("valid record:", list(validator.iter_errors(RECORD)) == [])
    bad = {**RECORD, "kind": "boek", "links": [{"access": "online", "url": "javascript:alert(1)"}]}
    errors = sorted(validator.iter_errors(bad), key=lambda e: e.json_path)
    for error in errors:
        print(f"  {error.json_path}: {error.message}")
    return 0 if errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
