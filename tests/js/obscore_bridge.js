/* Test bridge: runs assets/ob-score.js in node for tests/test_site_score.py. One JSON request per
 * line on stdin, one JSON answer per line on stdout:
 *   {"op": "score", "bundle": ..., "responses": ..., "options": ...} -> {"result": ...} or {"problems": [...]}
 *   {"op": "read", "bundle": ..., "files": [{"name": ..., "path": ...}], "options": ...} -> readFiles' answer
 *   {"op": "render", "result": ..., "bundle": ..., "words": ..., "options": ...} -> OBReport.render's answer
 *   {"op": "direction", "tags": [...]} -> {"directions": [...]}: OBReport's writing direction of each tag */
"use strict";
const fs = require("fs");
const readline = require("readline");
const OBScore = require(process.argv[2]);
const OBReport = process.argv[3] ? require(process.argv[3]) : null;

function answer(request) {
  if (request.op === "score") {
    try {
      return { result: OBScore.score(request.bundle, request.responses, request.options || {}) };
    } catch (error) {
      if (error.problems) { return { problems: error.problems }; }
      return { error: String(error.message) };
    }
  }
  if (request.op === "read") {
    const files = request.files.map((f) => ({ name: f.name, bytes: new Uint8Array(fs.readFileSync(f.path)) }));
    return OBScore.readFiles(files, request.bundle, request.options || {});
  }
  if (request.op === "render") {
    return OBReport.render(request.result, request.bundle, request.words, request.options || {});
  }
  if (request.op === "direction") {
    return { directions: request.tags.map((tag) => OBReport.direction(tag)) };
  }
  return { error: "unknown op " + request.op };
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  let out;
  try { out = answer(JSON.parse(line)); } catch (error) { out = { crash: String(error && error.stack || error) }; }
  process.stdout.write(JSON.stringify(out) + "\n");
});
