"""How well search finds what people mean: nDCG@5, recall@10 and P@1 on the judged query set.

    python benchmarks/bench_relevance.py [--side library,site] [--set all|first|new] [--show N] [--json]

The queries and their graded relevant records are in ``judged_queries.yaml`` beside this script (judged
by reading the records of the bundled packs). Two sides are measured over the installed packs:

- ``library``: :meth:`ouderbetrokkenheid.Catalog.search`, which the ``search`` command prints;
- ``site``: the e-toolkit site's own search (``assets/search.js`` over ``assets/search-index.<lang>.js``)
  of a site built into a temporary folder, run in Node.js (skipped with a message when ``node`` is
  missing).

A ranking is measured per work: records that the file lists as one publication count once, at the
first place one of them appears (a later one counts as not relevant). ``--set new`` measures only
the queries added later (``new: true``: judged before they were ever run, a check against tuning
the ranking to the first set), ``--set first`` only the others. ``--show N`` prints the first N
results of each query that misses (P@1 = 0 or nDCG@5 < 0.85), with their grades.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged_queries.yaml"

#: Runs the site's search in Node.js: a window and a document just big enough for search.js.
NODE_RUNNER = r"""
const fs = require("fs"), vm = require("vm");
const [assets, queriesFile] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const element = { classList: { add() {}, toggle() {} }, setAttribute() {}, getAttribute() { return ""; } };
const sandbox = { console, URLSearchParams, performance: { now: () => 0 } };
sandbox.window = sandbox;
sandbox.document = {
  documentElement: element, readyState: "complete",
  getElementById() { return null; }, querySelectorAll() { return []; }, addEventListener() {},
};
vm.createContext(sandbox);
const out = {};
for (const lang of [...new Set(queries.map(q => q.lang))]) {
  vm.runInContext(fs.readFileSync(`${assets}/search-index.${lang}.js`, "utf8"), sandbox);
}
vm.runInContext(fs.readFileSync(`${assets}/search.js`, "utf8"), sandbox);
const OB = sandbox.OB;
queries.forEach((q, i) => {
  const index = sandbox.OB_SEARCH[q.lang];
  const selected = index.facets.map(() => new Set());
  const docs = OB.search(index, q.q, selected);
  out[i] = docs.slice(0, 10).map(d => index.docs[d].id);
});
process.stdout.write(JSON.stringify(out));
"""


def load_judged() -> tuple[list[dict[str, Any]], dict[str, str]]:
    data = yaml.safe_load(JUDGED.read_text(encoding="utf-8"))
    work_of = {}
    for members in data.get("works", []):
        for member in members:
            work_of[member] = members[0]
    return data["queries"], work_of


def measure(ranked: list[str], relevant: dict[str, int], work_of: dict[str, str]) -> dict[str, float]:
    """nDCG@5, recall@10 and P@1 of one ranking, per work."""
    grades: dict[str, int] = defaultdict(int)
    for identifier, grade in relevant.items():
        work = work_of.get(identifier, identifier)
        grades[work] = max(grades[work], grade)
    seen: set[str] = set()
    gains = []
    for identifier in ranked[:10]:
        work = work_of.get(identifier, identifier)
        gains.append(0 if work in seen else grades.get(work, 0))
        seen.add(work)
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:5]))
    ideal = sorted(grades.values(), reverse=True)[:5]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    found = {work_of.get(i, i) for i in ranked[:10]} & {w for w, g in grades.items() if g > 0}
    return {
        "ndcg5": dcg / idcg if idcg else 0.0,
        "recall10": len(found) / len(grades) if grades else 0.0,
        "p1": 1.0 if gains and gains[0] > 0 else 0.0,
    }


def library_side(queries: list[dict[str, Any]]) -> list[list[str]]:
    import ouderbetrokkenheid as ob

    catalog = ob.Catalog(ob.Library.discover())
    return [[hit.record.id for hit in catalog.search(q["q"], lang=q["lang"], limit=10)] for q in queries]


def site_side(queries: list[dict[str, Any]]) -> list[list[str]] | None:
    node = shutil.which("node")
    if node is None:
        print("site: SKIPPED (no node on PATH)", file=sys.stderr)
        return None
    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.exporters.site import SiteExporter

    library = ob.Library.discover()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        SiteExporter().export(library, site, {})
        queries_file = Path(folder) / "queries.json"
        queries_file.write_text(json.dumps([{"q": q["q"], "lang": q["lang"]} for q in queries]))
        runner = Path(folder) / "run.js"
        runner.write_text(NODE_RUNNER)
        result = subprocess.run(
            [node, str(runner), str(site / "assets"), str(queries_file)],
            capture_output=True,
            text=True,
            check=True,
        )
    out = json.loads(result.stdout)
    return [out[str(i)] for i in range(len(queries))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--side", default="library,site", help="library, site or both (default)")
    parser.add_argument("--show", type=int, default=0, help="print the first N results of missed queries")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--set",
        default="all",
        choices=("all", "first", "new"),
        help="the queries to measure: all (default), the first set, or the ones added later (new: true)",
    )
    args = parser.parse_args()
    queries, work_of = load_judged()
    if args.set != "all":
        queries = [q for q in queries if bool(q.get("new")) == (args.set == "new")]
    sides = {"library": library_side, "site": site_side}
    report: dict[str, dict[str, dict[str, float]]] = {}
    for side in args.side.split(","):
        rankings = sides[side](queries)
        if rankings is None:
            continue
        per_lang: dict[str, list[dict[str, float]]] = defaultdict(list)
        for query, ranked in zip(queries, rankings, strict=True):
            figures = measure(ranked, query["relevant"], work_of)
            per_lang[query["lang"]].append(figures)
            per_lang["all"].append(figures)
            if args.show and (figures["p1"] == 0 or figures["ndcg5"] < 0.85):
                print(
                    f"[{side}] {query['lang']} {query['q']!r}: nDCG@5 {figures['ndcg5']:.2f}", file=sys.stderr
                )
                for identifier in ranked[: args.show]:
                    grade = query["relevant"].get(identifier, 0)
                    print(f"    {grade}  {identifier}", file=sys.stderr)
        report[side] = {
            lang: {
                "queries": len(rows),
                **{key: sum(r[key] for r in rows) / len(rows) for key in ("ndcg5", "recall10", "p1")},
            }
            for lang, rows in per_lang.items()
        }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{'side':<8} {'lang':<4} {'queries':>7} {'nDCG@5':>7} {'recall@10':>9} {'P@1':>5}")
    for side, langs in report.items():
        for lang in ("nl", "fr", "en", "all"):
            if lang in langs:
                row = langs[lang]
                print(
                    f"{side:<8} {lang:<4} {row['queries']:>7} {row['ndcg5']:>7.3f} "
                    f"{row['recall10']:>9.3f} {row['p1']:>5.2f}"
                )


if __name__ == "__main__":
    main()
