#!/usr/bin/env node
// Validates the schema example corpus with ajv, a second implementation independent of the Python ones.
//
//   node tools/ajv/validate-corpus.mjs [EXAMPLES_DIR]
//
// Loads every schemas/*.schema.json (all added with addSchema, so the absolute URN $refs between them
// resolve), compiles them for JSON Schema Draft 2020-12 with format checking (ajv-formats, "full" mode),
// and validates every file EXAMPLES_DIR/{valid,invalid}/<kind>/*.json (default: schemas/examples)
// against the schema of its kind.
//
// Output, on stdout, one JSON object per line:
//   {"file": "valid/resource/minimal.json", "kind": "resource", "valid": true}
//   {"file": "invalid/mapping/confidence-above-one.json", "kind": "mapping", "valid": false, "errors": [...]}
// and, for every message ajv's strict mode logs instead of throwing, a line {"strict_warning": "..."}.
// It does not judge the verdicts (tests/test_ajv.py compares them with python-jsonschema and the folder).
// Exit status: 0 when every file was validated, 2 when a schema or an example could not be loaded.
//
// Strict mode is on, with these exceptions (each one is a real finding, see README.md in this folder):
// * strictRequired: false — ajv's strictRequired does not look at the parent schema's "properties",
//   so the standard "at least one of" idiom of defs#/$defs/link
//   (anyOf: [{required: [url]}, {required: [provider]}] next to properties url and provider) is
//   rejected although it is correct. This is a limitation of ajv, not a problem in our schemas.
// * strictTypes: "log" — pack#/properties/languages/allOf/1 is {"minItems": 1} without "type": "array";
//   ajv's strictTypes wants the type next to the keyword. The warning is printed as a
//   {"strict_warning"} line and tests/test_ajv.py reports it; once the schema says "type": "array"
//   there, this can become true.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const schemasDir = path.resolve(here, "..", "..", "schemas");
const examplesDir = path.resolve(process.argv[2] ?? path.join(schemasDir, "examples"));
const ID_PREFIX = "urn:ouderbetrokkenheid:schema:v1:";

const strictWarnings = [];
const logger = {
  log: (...args) => console.error(...args),
  warn: (...args) => strictWarnings.push(args.join(" ")),
  error: (...args) => console.error(...args),
};

const ajv = new Ajv2020({
  strict: true,
  strictRequired: false, // see the header: ajv limitation with anyOf-of-required
  strictTypes: true,
  allErrors: true,
  logger,
});
addFormats(ajv); // "full" mode: uri, date and date-time are checked, not just shaped

function fail(message) {
  process.stderr.write(`validate-corpus: ${message}\n`);
  process.exit(2);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    fail(`cannot read ${file}: ${error.message}`);
  }
}

const schemaFiles = fs
  .readdirSync(schemasDir)
  .filter((name) => name.endsWith(".schema.json"))
  .sort();
if (schemaFiles.length === 0) fail(`no *.schema.json in ${schemasDir}`);
for (const name of schemaFiles) {
  const schema = readJson(path.join(schemasDir, name));
  const kind = name.slice(0, -".schema.json".length);
  if (schema.$id !== ID_PREFIX + kind) fail(`${name}: $id is ${schema.$id}, expected ${ID_PREFIX + kind}`);
  try {
    ajv.addSchema(schema);
  } catch (error) {
    fail(`${name}: ${error.message}`);
  }
}

const validators = new Map();
function validatorFor(kind) {
  if (!validators.has(kind)) {
    let validate;
    try {
      validate = ajv.getSchema(ID_PREFIX + kind);
    } catch (error) {
      fail(`schema ${kind}: ${error.message}`);
    }
    if (!validate) fail(`no schema for kind ${kind}`);
    validators.set(kind, validate);
  }
  return validators.get(kind);
}

function print(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

for (const folder of ["valid", "invalid"]) {
  const folderDir = path.join(examplesDir, folder);
  if (!fs.existsSync(folderDir)) fail(`missing ${folderDir}`);
  for (const kind of fs.readdirSync(folderDir).sort()) {
    const kindDir = path.join(folderDir, kind);
    if (!fs.statSync(kindDir).isDirectory()) continue;
    const validate = validatorFor(kind);
    for (const name of fs.readdirSync(kindDir).filter((n) => n.endsWith(".json")).sort()) {
      const data = readJson(path.join(kindDir, name));
      const valid = validate(data);
      const line = { file: `${folder}/${kind}/${name}`, kind, valid };
      if (!valid) {
        line.errors = validate.errors.map((e) => `${e.instancePath || "/"} ${e.keyword}: ${e.message}`);
      }
      print(line);
    }
  }
}
for (const warning of strictWarnings) print({ strict_warning: warning });
