"""Growth table and like-for-like load ratios, printed by one command.

    python benchmarks/bench_growth.py                          # 1,000 / 10,000 / 100,000 resources
    python benchmarks/bench_growth.py --sizes 1000,10000 --repeats 3
    python benchmarks/bench_growth.py --packs /tmp/obpacks     # keep the generated packs and reuse them
    python benchmarks/bench_growth.py --quick                  # 1,000 only, for CI
    python benchmarks/bench_growth.py --export-sizes 1000,10000   # the html export row without 100,000

Three parts, all in median **CPU time** (``time.process_time``) of repeated runs, because wall time on a
shared machine moves with the other processes (wall time is printed too):

1. **Growth**: one row per operation (:data:`ROWS`), seconds at every size and the factor between
   sizes (10x the records should cost about 10x the time). The collector is left as Python has it.
   Rows: ``load_pack`` (JSON, YAML), ``validate_pack`` of a valid pack and of one with 1 record in
   1,000 invalid (the error path), ``Catalog()`` with its documents table
   (built on first use), ``Catalog()`` plus its search index, the html
   export (the realistic pack of ``packgen.realistic_pack`` for these three, as bench_export.py; CPU
   time includes the export's worker processes; from 100,000 one run without a warm-up) and
   ``read_responses`` + ``score`` of N respondents (bench_scoring.py's generator, 50 items).
   ``--export-sizes`` sets the export's sizes apart (``--quick``: 1,000 for every row). To add a row,
   add an entry to :data:`ROWS`: a name and a function ``(size, packs folder) -> run`` that prepares
   what is needed and returns the function to time.
2. **Like for like**: ``load_pack`` next to msgspec's and pydantic's typed decode of the same JSON
   pack (``rivals.py``), in one process, interleaved (the order rotates every round), first with the
   cyclic collector on for all three, then off for all three.
3. **Peak memory**: each library in a fresh process, one load (``bench_load.py``'s worker):
   the peak resident set size (``VmHWM``) after the load minus the resident set size before it.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DEFAULT_SIZES = (1_000, 10_000, 100_000)
WARM_SIZE = 20
#: One record in this many is made invalid for the error-path row (100 of 100,000).
BAD_EVERY = 1_000

Run = Callable[[], Any]


def _pack(base: Path, n: int, fmt: str) -> Path:
    from packgen import ensure_pack

    return ensure_pack(base, n, fmt)


# -- the rows of the growth table ----------------------------------------------------------------
def load_json(n: int, base: Path) -> Run:
    import ouderbetrokkenheid

    folder = _pack(base, n, "json")
    return lambda: ouderbetrokkenheid.load_pack(folder)


def load_yaml(n: int, base: Path) -> Run:
    import ouderbetrokkenheid

    folder = _pack(base, n, "yaml")
    return lambda: ouderbetrokkenheid.load_pack(folder)


def validate_valid(n: int, base: Path) -> Run:
    import ouderbetrokkenheid

    folder = _pack(base, n, "json")
    return lambda: ouderbetrokkenheid.validate_pack(folder)


#: How the error-path pack breaks a record: the field, the bad value, and the problem code expected.
BREAKS: tuple[tuple[str, Any, str], ...] = (
    ("year", "2011", "schema-type"),
    ("kind", "boek", "schema-enum"),
    ("title", {"nl\n": "Titel"}, "schema-pattern"),  # a trailing newline in a language tag
    ("languages", ["nl\n"], "schema-pattern"),
    ("titel", {"nl": "Titel"}, "schema-additional"),
)


def bad_pack(base: Path, n: int) -> tuple[Path, dict[tuple[str, str], str]]:
    """A copy of the JSON pack of *n* resources with one record in :data:`BAD_EVERY` broken (at
    random places, fixed seed), and ``{(file name, pointer): expected code}`` of the broken records."""
    good = _pack(base, n, "json")
    folder = base / f"pack-{n}-json-bad"
    expected: dict[tuple[str, str], str] = {}
    rng = random.Random(n)
    files = sorted((good / "records").glob("*.json"))
    per_file = [json.loads(path.read_bytes()) for path in files]
    places = sorted(rng.sample(range(n), max(1, n // BAD_EVERY)))
    sizes = [len(data["resources"]) for data in per_file]
    for number, place in enumerate(places):
        file_index, index = 0, place
        while index >= sizes[file_index]:
            index -= sizes[file_index]
            file_index += 1
        field, value, code = BREAKS[number % len(BREAKS)]
        record = per_file[file_index]["resources"][index]
        record[field] = value
        pointer = f"/resources/{index}/{field}" + ("/0" if field == "languages" else "")
        expected[(files[file_index].name, pointer)] = code
    if not (folder / "done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(good, folder)
        for path, data in zip(files, per_file, strict=True):
            (folder / "records" / path.name).write_text(
                json.dumps(data, ensure_ascii=False, indent=2), "utf-8"
            )
        (folder / "done").write_text("", "utf-8")
    return folder, expected


def validate_bad(n: int, base: Path) -> Run:
    import ouderbetrokkenheid

    folder, expected = bad_pack(base, n)
    report = ouderbetrokkenheid.validate_pack(folder)
    found = {(Path(p.file).name, p.pointer): p.code for p in report.errors if p.code.startswith("schema")}
    explained = sum(found.get(key) == code for key, code in expected.items())
    unexplained = [p for p in report.errors if p.code == "schema"]
    print(
        f"#   error path {n:,}: {explained} of {len(expected)} broken records explained at their pointer"
        f" with the expected code; {len(unexplained)} unexplained ('schema') problems",
        file=sys.stderr,
    )
    return lambda: ouderbetrokkenheid.validate_pack(folder)


# -- catalog, index, export, scoring: on the realistic pack of bench_export.py -------------------
_LIBRARY: dict[int, Any] = {}


def library(n: int, base: Path) -> Any:
    """The library of the realistic pack of *n* resources (``packgen.realistic_pack``: authors,
    publishers, concepts, related records, findings, frameworks); kept for one size at a time. When
    packgen has no realistic packs (an older checkout), the generated load pack is used, and said."""
    import packgen

    import ouderbetrokkenheid

    if n not in _LIBRARY:
        _LIBRARY.clear()
        gc.collect()
        if hasattr(packgen, "realistic_pack"):
            folder = packgen.realistic_pack(n, base / f"realistic-{n}")
        else:
            print(
                "#   (packgen has no realistic_pack: catalog/index/export rows use the load pack)",
                file=sys.stderr,
            )
            folder = _pack(base, n, "json")
        _LIBRARY[n] = ouderbetrokkenheid.Library([ouderbetrokkenheid.load_pack(folder)])
    return _LIBRARY[n]


def catalog(n: int, base: Path) -> Run:
    import ouderbetrokkenheid

    lib = library(n, base)
    return lambda: ouderbetrokkenheid.Catalog(lib).problems  # builds the documents table (lazy)


def catalog_index(n: int, base: Path) -> Run:
    import ouderbetrokkenheid

    lib = library(n, base)
    return lambda: ouderbetrokkenheid.Catalog(lib).index("nl")


#: Sizes from which the export row is timed once, without a warm-up run (100,000 takes minutes).
EXPORT_ONCE_FROM = 100_000


def export_html(n: int, base: Path) -> Run:
    from ouderbetrokkenheid.exporters.site import SiteExporter

    lib = library(n, base)
    out = base / f"site-{n}"

    def run() -> None:
        shutil.rmtree(out, ignore_errors=True)
        SiteExporter().export(lib, out, {"lang": "nl"})
        shutil.rmtree(out, ignore_errors=True)  # a 100,000-resource site is gigabytes

    run.once = n >= EXPORT_ONCE_FROM  # type: ignore[attr-defined]
    return run


#: Items of the generated assessment of the scoring row (its size is the number of respondents).
SCORING_ITEMS = 50


def scoring(n: int, base: Path) -> Run:
    from bench_scoring import make_assessment, write_csv

    from ouderbetrokkenheid.responses import read_responses
    from ouderbetrokkenheid.scoring import score

    assessment = make_assessment(SCORING_ITEMS)
    path = base / f"answers-{n}x{SCORING_ITEMS}.csv"
    if not path.exists():
        write_csv(path, n, SCORING_ITEMS)
    return lambda: score(assessment, read_responses(path, assessment))


#: The rows of the growth table: name -> (size, packs folder) -> the function to time.
ROWS: dict[str, Callable[[int, Path], Run]] = {
    "load_pack JSON": load_json,
    "load_pack YAML": load_yaml,
    "validate_pack JSON valid": validate_valid,
    f"validate_pack JSON 1 in {BAD_EVERY} invalid": validate_bad,
    "Catalog() + documents (realistic)": catalog,
    "Catalog() + index('nl')": catalog_index,
    "html export (realistic)": export_html,
    f"read + score N respondents x {SCORING_ITEMS}": scoring,
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(run: Run, repeats: int) -> dict[str, float]:
    """Median CPU and wall seconds of *repeats* runs after one warm-up run (a run marked ``once``: one
    run, no warm-up). CPU time includes the worker processes that a run waits for (the export's pool)."""
    once = getattr(run, "once", False)
    if not once:
        run()
    cpu, wall = [], []
    for _ in range(1 if once else repeats):
        gc.collect()
        start, start_cpu, start_children = time.perf_counter(), time.process_time(), _children_cpu()
        result = run()
        cpu.append(time.process_time() - start_cpu + _children_cpu() - start_children)
        wall.append(time.perf_counter() - start)
        del result
    return {"cpu": statistics.median(cpu), "wall": statistics.median(wall)}


def growth(
    sizes: list[int], base: Path, repeats: int, rows: list[str], export_sizes: list[int] | None = None
) -> dict[str, dict[int, dict[str, float]]]:
    table: dict[str, dict[int, dict[str, float]]] = {}
    for name in rows:
        table[name] = {}
        for n in export_sizes if export_sizes is not None and ROWS[name] is export_html else sizes:
            table[name][n] = timed(ROWS[name](n, base), repeats)
            print(
                f"#   {name} {n:,}: cpu {table[name][n]['cpu']:.3f} s wall {table[name][n]['wall']:.3f} s",
                file=sys.stderr,
            )
    return table


# -- like for like -------------------------------------------------------------------------------
def like_for_like(n: int, base: Path, repeats: int) -> dict[str, dict[str, dict[str, float]]]:
    from rivals import make_loader

    import ouderbetrokkenheid

    folder, warm = _pack(base, n, "json"), _pack(base, WARM_SIZE, "json")
    libs = {
        "ours": ouderbetrokkenheid.load_pack,
        "msgspec": make_loader("msgspec", "json"),
        "pydantic": make_loader("pydantic", "json"),
    }
    for load in libs.values():
        load(warm)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for setting in ("on", "off"):
        cpu: dict[str, list[float]] = {lib: [] for lib in libs}
        wall: dict[str, list[float]] = {lib: [] for lib in libs}
        names = list(libs)
        for round_ in range(repeats):
            for lib in names[round_ % 3 :] + names[: round_ % 3]:
                gc.collect()
                if setting == "off":
                    gc.disable()
                start, start_cpu = time.perf_counter(), time.process_time()
                result = libs[lib](folder)
                cpu[lib].append(time.process_time() - start_cpu)
                wall[lib].append(time.perf_counter() - start)
                gc.enable()
                del result
        out[setting] = {
            lib: {"cpu": statistics.median(cpu[lib]), "wall": statistics.median(wall[lib])} for lib in libs
        }
        print(
            f"#   gc {setting}: " + ", ".join(f"{lib} cpu {[round(t, 2) for t in cpu[lib]]}" for lib in libs),
            file=sys.stderr,
        )
    return out


def peaks(n: int, base: Path) -> dict[str, float]:
    from bench_load import run_case

    folder, warm = _pack(base, n, "json"), _pack(base, WARM_SIZE, "json")
    return {
        lib: run_case(lib, "json", folder, warm, n, 0, False)["peak_mib"]
        for lib in ("ours", "msgspec", "pydantic")
    }


# -- printing ------------------------------------------------------------------------------------
def _table(head: list[str], lines: list[list[str]]) -> None:
    rows = [head, *lines]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    for index, row in enumerate(rows):
        print(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if index == 0:
            print("  ".join("-" * w for w in widths))


def print_all(result: dict[str, Any]) -> None:
    sizes = result["sizes"]
    print("Growth: median CPU seconds (wall in brackets), collector as Python has it")
    head = [
        "operation",
        *(f"{n:,}" for n in sizes),
        *(f"x{b // a}: growth" for a, b in itertools.pairwise(sizes)),
    ]
    lines = []
    for name, by_size in result["growth"].items():
        cells = [
            name,
            *(
                f"{by_size[str(n)]['cpu']:.3f} ({by_size[str(n)]['wall']:.2f})" if str(n) in by_size else "-"
                for n in sizes
            ),
        ]
        cells += [
            f"{by_size[str(b)]['cpu'] / by_size[str(a)]['cpu']:.1f}x"
            if str(a) in by_size and str(b) in by_size
            else "-"
            for a, b in itertools.pairwise(sizes)
        ]
        lines.append(cells)
    _table(head, lines)
    g = result["growth"]
    yaml, valid, bad = (
        "load_pack YAML",
        "validate_pack JSON valid",
        f"validate_pack JSON 1 in {BAD_EVERY} invalid",
    )
    for n in map(str, sizes):
        parts = []
        if yaml in g and "load_pack JSON" in g and n in g[yaml] and n in g["load_pack JSON"]:
            parts.append(f"YAML/JSON {g[yaml][n]['cpu'] / g['load_pack JSON'][n]['cpu']:.2f} (target <= 3)")
        if bad in g and valid in g and n in g[bad] and n in g[valid]:
            parts.append(f"invalid/valid {g[bad][n]['cpu'] / g[valid][n]['cpu']:.2f} (target <= 2)")
        if parts:
            print(f"  {int(n):,}: " + ", ".join(parts))
    if result.get("like_for_like"):
        n = result["like_n"]
        print()
        print(f"Like for like, {n:,} resources, JSON, one process, interleaved: median CPU seconds (wall)")
        lines = []
        for setting, libs in result["like_for_like"].items():
            ours = libs["ours"]["cpu"]
            lines.append(
                [
                    f"collector {setting} for all",
                    *(f"{libs[lib]['cpu']:.3f} ({libs[lib]['wall']:.2f})" for lib in libs),
                    f"{ours / libs['msgspec']['cpu']:.2f}",
                    f"{ours / libs['pydantic']['cpu']:.2f}",
                ]
            )
        _table(
            ["setting", "ours", "msgspec", "pydantic", "ours/msgspec (<= 2)", "ours/pydantic (< 1)"], lines
        )
    if result.get("peaks"):
        p = result["peaks"]
        print()
        print(
            f"Peak memory of one load of {result['like_n']:,} resources, JSON (MiB, fresh process each): "
            + ", ".join(f"{lib} {mib:.0f}" for lib, mib in p.items())
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--quick", action="store_true", help="1,000 resources only")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per case (default 3)")
    parser.add_argument("--rows", default=",".join(ROWS), help="growth rows to run (comma-separated names)")
    parser.add_argument(
        "--export-sizes",
        help="sizes of the html export row (default: --sizes; with --quick 1,000). 100,000 runs once.",
    )
    parser.add_argument("--no-rivals", action="store_true", help="growth table only")
    parser.add_argument("--packs", metavar="DIR", help="keep the generated packs in DIR and reuse them")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    sizes = [1_000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",")]
    rows = [name.strip() for name in args.rows.split(",") if name.strip()]
    export_sizes = (
        [int(s.replace("_", "")) for s in args.export_sizes.split(",")]
        if args.export_sizes and not args.quick
        else None
    )
    with tempfile.TemporaryDirectory(prefix="ob-growth-") as tmp:
        base = Path(args.packs) if args.packs else Path(tmp)
        result: dict[str, Any] = {
            "python": sys.version.split()[0],
            "sizes": sorted(set(sizes) | set(export_sizes or ())),
            "clock": "process_time",
            "growth": {
                k: {str(n): v for n, v in by.items()}
                for k, by in growth(sizes, base, args.repeats, rows, export_sizes).items()
            },
        }
        if not args.no_rivals:
            result["like_n"] = max(sizes)
            result["like_for_like"] = like_for_like(max(sizes), base, args.repeats)
            result["peaks"] = peaks(max(sizes), base)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_all(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
