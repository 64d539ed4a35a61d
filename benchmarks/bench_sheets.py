"""Spreadsheets: import time and peak memory of a large workbook, and the round trip of every bundled pack.

1. A generated pack of N resources (default 10,000; :mod:`packgen`, every resource with titles and
   summaries in nl/fr/en, links, authors and translations) is written as the authoring workbook. Then,
   in a fresh child process each time, the workbook is imported (read, assembled, validated:
   ``ouderbetrokkenheid.check_workbook``): wall time, and peak memory as the child's maximum resident
   set (``ru_maxrss``: the whole process, the Python interpreter and the imported libraries included).
2. Every bundled pack (the packs under ``plugins/``) is written with ``export --to xlsx``'s writer and
   imported back; the script prints whether the records are equal.

    .venv/bin/python benchmarks/bench_sheets.py                  # 10,000 rows, 3 runs
    .venv/bin/python benchmarks/bench_sheets.py --rows 1000 --runs 1
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def child(workbook: str) -> None:
    import ouderbetrokkenheid as ob

    start = time.perf_counter()
    result = ob.check_workbook(Path(workbook))
    seconds = time.perf_counter() - start
    errors = [p for p in result.report.problems if p.is_error]
    records = sum(1 for _ in result.pack.records()) if result.pack else 0
    print(
        json.dumps(
            {
                "seconds": seconds,
                "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "records": records,
                "errors": len(errors),
                "first_error": errors[0].to_dict() if errors else None,
            }
        )
    )


def run_child(workbook: Path) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", str(workbook)]
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def make_workbook(rows: int, folder: Path) -> Path:
    import packgen

    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.sheets import write_workbook

    pack_folder = packgen.write_pack(folder / "pack", rows, "json")
    pack = ob.load_pack(pack_folder)
    workbook = folder / f"pack-{rows}.xlsx"
    start = time.perf_counter()
    write_workbook(workbook, pack, "nl")
    print(
        f"wrote {workbook.name}: {rows} resources, {workbook.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s"
    )
    return workbook


def bundled_round_trip() -> list[tuple[str, bool, int]]:
    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.sheets import check_workbook, write_workbook

    library = ob.Library.discover(sorted(ROOT.glob("plugins/*/src/*/pack")), plugins=False)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for pack in library.packs:
            path = Path(folder) / f"{pack.name}.xlsx"
            write_workbook(path, pack, pack.manifest.default_language)
            result = check_workbook(path)
            rows.append((pack.name, result.pack == pack, sum(1 for _ in pack.records())))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000, help="resources in the generated workbook")
    parser.add_argument("--runs", type=int, default=3, help="timed imports (each in a fresh process)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print("round trip of the bundled packs (export --to xlsx, then sheet import):")
    for name, equal, count in bundled_round_trip():
        print(f"  {name:<14} {count:>4} records  {'equal' if equal else 'NOT EQUAL'}")
    with tempfile.TemporaryDirectory() as folder:
        workbook = make_workbook(args.rows, Path(folder))
        runs = [run_child(workbook) for _ in range(args.runs)]
    if runs[0]["errors"]:
        print(f"the import found errors: {runs[0]['first_error']}")
    times = sorted(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
    rss = max(int(r["maxrss_kib"]) for r in runs)  # type: ignore[arg-type]
    print(
        f"import of {args.rows} rows ({runs[0]['records']} records), {args.runs} run(s) in fresh processes:"
    )
    print(
        f"  time         median {times[len(times) // 2]:.2f} s  (min {times[0]:.2f} s, max {times[-1]:.2f} s)"
    )
    print(f"  peak memory  {rss / 1024:.0f} MiB resident (the whole process, Python included)")


if __name__ == "__main__":
    main()
