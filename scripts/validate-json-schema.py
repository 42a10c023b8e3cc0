#!/usr/bin/env python3
"""Validate JSON files against a JSON Schema (draft 2020-12) with PyPI's `jsonschema`.

    python3 scripts/validate-json-schema.py docs/briefing.schema.json site/briefing.json

Prints one line per problem as `file: error: at /json/pointer: message` and exits 1 when
there is any; exits 3 when the `jsonschema` package is missing (`pip install jsonschema`,
which `make deps` does)."""
import json, sys

try:
    import jsonschema
except ImportError:
    print("validate-json-schema: error: the Python package jsonschema is missing; run `pip install jsonschema` (make deps does)", file=sys.stderr)
    sys.exit(3)

if len(sys.argv) < 3:
    print(__doc__, file=sys.stderr)
    sys.exit(64)

schema_path, files = sys.argv[1], sys.argv[2:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

problems = 0
for path in files:
    try:
        with open(path, encoding="utf-8") as f:
            instance = json.load(f)
    except (OSError, ValueError) as error:
        print(f"{path}: error: {error}")
        problems += 1
        continue
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        pointer = "/" + "/".join(str(part) for part in error.absolute_path)
        print(f"{path}: error: at {pointer}: {error.message}")
        problems += 1
if problems == 0:
    print(f"{len(files)} file(s) valid against {schema_path}")
sys.exit(1 if problems else 0)
