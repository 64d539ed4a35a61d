"""Load benchmark: ``ouderbetrokkenheid.load_pack`` against msgspec and pydantic on the same packs.

    python benchmarks/bench_load.py                 # 1,000 / 10,000 / 100,000 resources, JSON and YAML
    python benchmarks/bench_load.py --quick         # 1,000 only (CI)
    python benchmarks/bench_load.py --sizes 1000,10000 --json

Every case (size x format x library) runs in a fresh subprocess: it imports its library, warms up on a
20-resource pack (schemas compiled, types built), records its resident set size, loads the pack once
(that run gives the peak memory: the peak RSS, ``VmHWM``, after the load minus the RSS before it, with the result
still alive), then loads it ``repeats`` more times with a full ``gc.collect()`` before each run; the
median of those runs is reported. See benchmarks/README.md for how to read the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DEFAULT_SIZES = (1_000, 10_000, 100_000)
FORMATS = ("json", "yaml")
WARM_SIZE = 20
#: Timed runs after the first (memory) run, by size.
REPEATS = {1_000: 7, 10_000: 5, 100_000: 3}
#: msgspec.yaml goes through PyYAML (~15x slower than ours); fewer runs for it at large sizes (0: the
#: first run, which also gives the memory peak, is the only one).
SLOW_REPEATS = {1_000: 5, 10_000: 2, 100_000: 0}
TARGET_MSGSPEC = 2.0  # ours / msgspec at 100,000 resources, JSON
TARGET_YAML = 3.0  # ours YAML / ours JSON
TARGET_PYDANTIC = 1.0  # ours / pydantic at 100,000 resources, JSON: below it, in both collector settings


def _rss_kib() -> int:
    resident_pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
    return resident_pages * (os.sysconf("SC_PAGE_SIZE") // 1024)


def _maxrss_kib() -> int:
    """The peak resident set size of this process (KiB). On Linux ``VmHWM`` of /proc/self/status: unlike
    ``ru_maxrss``, it starts afresh at ``exec``, so a worker started by a large parent (bench_growth.py
    holding a 100,000-resource library) does not report the parent's size as its own peak."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


# -- worker (one subprocess per case) ------------------------------------------------------------
def worker(
    lib: str, fmt: str, folder: Path, warm: Path, n: int, repeats: int, gc_off: bool
) -> dict[str, Any]:
    if lib == "ours":
        import ouderbetrokkenheid

        def load(path: Path) -> Any:
            return ouderbetrokkenheid.load_pack(path)

        def count(result: Any) -> int:
            return len(result.resources)
    else:
        from rivals import make_loader

        load = make_loader(lib, fmt)

        def count(result: Any) -> int:
            return len(result[1])

    if gc_off:  # the same for every library: ours does not pause the collector itself
        load_with_gc = load

        def load(path: Path) -> Any:
            gc.disable()
            try:
                return load_with_gc(path)
            finally:
                gc.enable()

    if count(load(warm)) != WARM_SIZE:
        raise AssertionError("warm-up pack not loaded whole")
    gc.collect()
    rss_before, maxrss_before = _rss_kib(), _maxrss_kib()
    start, cpu_start = time.perf_counter(), time.process_time()
    result = load(folder)
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    maxrss_after = _maxrss_kib()
    if count(result) != n:
        raise AssertionError(f"{lib} loaded {count(result)} resources, expected {n}")
    del result
    times, cpu_times = [], []
    for _ in range(repeats):
        gc.collect()
        start, cpu_start = time.perf_counter(), time.process_time()
        result = load(folder)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
        del result
    return {
        "lib": lib,
        "format": fmt,
        "size": n,
        "first_s": first,
        "times_s": times,
        "rivals_gc_off": gc_off,
        "median_s": statistics.median(times) if times else first,
        "cpu_times_s": cpu_times,
        "median_cpu_s": statistics.median(cpu_times) if cpu_times else first_cpu,
        "peak_mib": max(0, maxrss_after - rss_before) / 1024,
        # When the warm-up had already pushed the peak above what the load needed, the delta is a floor.
        "peak_is_floor": maxrss_after <= maxrss_before,
        "rss_before_mib": rss_before / 1024,
    }


def run_case(
    lib: str, fmt: str, folder: Path, warm: Path, n: int, repeats: int, gc_off: bool
) -> dict[str, Any]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        lib,
        fmt,
        str(folder),
        str(warm),
        str(n),
        str(repeats),
        "1" if gc_off else "0",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"case {lib} {fmt} {n} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the run -------------------------------------------------------------------------------------
def libs_for(fmt: str, wanted: list[str]) -> list[str]:
    libs = [lib for lib in wanted if lib != "msgspec-yamlrs"]
    if fmt == "yaml" and "msgspec" in wanted:
        libs.insert(libs.index("msgspec") + 1, "msgspec-yamlrs")
    return libs


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a / b


def summarise(
    results: list[dict[str, Any]], sizes: list[int], formats: list[str], cpu: bool = False
) -> dict[str, Any]:
    by = {(r["size"], r["format"], r["lib"]): r for r in results}
    key = "median_cpu_s" if cpu else "median_s"

    def median(n: int, fmt: str, lib: str) -> float | None:
        r = by.get((n, fmt, lib))
        return None if r is None else r.get(key, r["median_s"])

    def peak(n: int, fmt: str, lib: str) -> float | None:
        r = by.get((n, fmt, lib))
        return None if r is None else r["peak_mib"]

    rows = []
    for n in sizes:
        for fmt in formats:
            ours = median(n, fmt, "ours")
            row = {
                "size": n,
                "format": fmt,
                "ours_s": ours,
                "msgspec_s": median(n, fmt, "msgspec"),
                "msgspec_yamlrs_s": median(n, fmt, "msgspec-yamlrs"),
                "pydantic_s": median(n, fmt, "pydantic"),
                "records_per_s": None if not ours else n / ours,
                "peak_mib": {
                    lib: peak(n, fmt, lib) for lib in ("ours", "msgspec", "msgspec-yamlrs", "pydantic")
                },
            }
            row["ours_over_msgspec"] = _ratio(ours, row["msgspec_s"])
            row["ours_over_msgspec_yamlrs"] = _ratio(ours, row["msgspec_yamlrs_s"])
            row["ours_over_pydantic"] = _ratio(ours, row["pydantic_s"])
            rows.append(row)
    yaml_json = {n: _ratio(median(n, "yaml", "ours"), median(n, "json", "ours")) for n in sizes}
    largest = max(sizes)
    msgspec_ratio = _ratio(median(largest, "json", "ours"), median(largest, "json", "msgspec"))
    pydantic_ratio = _ratio(median(largest, "json", "ours"), median(largest, "json", "pydantic"))
    targets = {
        "ours_over_pydantic_json": {
            "size": largest,
            "ratio": pydantic_ratio,
            "target": TARGET_PYDANTIC,
            "met": None if pydantic_ratio is None else pydantic_ratio < TARGET_PYDANTIC,
            "at_100k": largest == 100_000,
        },
        "ours_over_msgspec_json": {
            "size": largest,
            "ratio": msgspec_ratio,
            "target": TARGET_MSGSPEC,
            "met": None if msgspec_ratio is None else msgspec_ratio <= TARGET_MSGSPEC,
            "at_100k": largest == 100_000,
        },
        "yaml_over_json": {
            "ratios": yaml_json,
            "target": TARGET_YAML,
            "met": None
            if any(v is None for v in yaml_json.values())
            else all(v <= TARGET_YAML for v in yaml_json.values()),
        },
    }
    return {"clock": "cpu" if cpu else "wall", "rows": rows, "yaml_over_json": yaml_json, "targets": targets}


def print_table(summary: dict[str, Any]) -> None:
    head = (
        "size",
        "format",
        "ours s",
        "msgspec s",
        "ms+yaml-rs s",
        "pydantic s",
        "ours/msgspec",
        "ours/ms+yaml-rs",
        "ours/pydantic",
        "records/s",
        "peak MiB ours/msgspec/pydantic",
    )
    lines = [head]
    for row in summary["rows"]:
        peaks = row["peak_mib"]
        lines.append(
            (
                f"{row['size']:,}",
                row["format"],
                _fmt(row["ours_s"]),
                _fmt(row["msgspec_s"]),
                _fmt(row["msgspec_yamlrs_s"]),
                _fmt(row["pydantic_s"]),
                _fmt(row["ours_over_msgspec"], 2),
                _fmt(row["ours_over_msgspec_yamlrs"], 2),
                _fmt(row["ours_over_pydantic"], 2),
                "-" if row["records_per_s"] is None else f"{row['records_per_s']:,.0f}",
                "/".join(_fmt(peaks[lib], 0) for lib in ("ours", "msgspec", "pydantic")),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for index, line in enumerate(lines):
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * width for width in widths))
    print()
    print(
        f"seconds: median {'CPU time (process_time)' if summary['clock'] == 'cpu' else 'wall-clock time'} of one load."
    )
    print(
        "msgspec s for YAML = msgspec.yaml.decode (PyYAML C loader); ms+yaml-rs = yaml-rs.loads + msgspec.convert."
    )
    print(
        "ours YAML / ours JSON: "
        + ", ".join(f"{n:,}: {_fmt(v, 2)}" for n, v in summary["yaml_over_json"].items())
    )
    print()
    t = summary["targets"]["ours_over_msgspec_json"]
    verdict = {True: "MET", False: "NOT MET", None: "not measured"}
    note = "" if t["at_100k"] else f" (measured at {t['size']:,}, the target is for 100,000)"
    print(
        f"target ours/msgspec <= {t['target']:.1f}x at 100,000 JSON: {_fmt(t['ratio'], 2)}x -> {verdict[t['met']]}{note}"
    )
    t = summary["targets"].get("ours_over_pydantic_json")
    if t is not None:
        note = "" if t["at_100k"] else f" (measured at {t['size']:,}, the target is for 100,000)"
        print(
            f"target ours/pydantic < {t['target']:.1f}x at 100,000 JSON (run with and without --gc-off): "
            f"{_fmt(t['ratio'], 2)}x -> {verdict[t['met']]}{note}"
        )
    t = summary["targets"]["yaml_over_json"]
    print(f"target ours YAML/JSON <= {t['target']:.1f}x at every size: {verdict[t['met']]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated resource counts"
    )
    parser.add_argument("--quick", action="store_true", help="1,000 resources only")
    parser.add_argument("--formats", default="json,yaml")
    parser.add_argument(
        "--libs",
        default="ours,msgspec,pydantic",
        help="ours, msgspec, pydantic (msgspec adds msgspec-yamlrs for YAML)",
    )
    parser.add_argument(
        "--repeats", type=int, help="timed runs per case after the first (default by size: 7/5/3)"
    )
    parser.add_argument(
        "--packs",
        metavar="DIR",
        help="keep the generated packs in DIR and reuse them (default: a temp folder)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--gc-off",
        action="store_true",
        help="pause the cyclic gc during every library's loads (ours, msgspec, pydantic alike)",
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="table in CPU time (process_time) instead of wall time: steadier on a busy machine",
    )
    parser.add_argument("--table", metavar="FILE", help="print the table of a saved --json output and exit")
    parser.add_argument("--worker", nargs=7, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        lib, fmt, folder, warm, n, repeats, gc_off = args.worker
        print(json.dumps(worker(lib, fmt, Path(folder), Path(warm), int(n), int(repeats), gc_off == "1")))
        return 0
    if args.table:
        saved = json.loads(Path(args.table).read_text(encoding="utf-8"))
        sizes = sorted({r["size"] for r in saved["results"]})
        formats = [f for f in FORMATS if any(r["format"] == f for r in saved["results"])]
        print_table(summarise(saved["results"], sizes, formats, args.cpu))
        return 0

    from packgen import ensure_pack, is_complete, resources

    sizes = [1_000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",")]
    formats = [f.strip() for f in args.formats.split(",")]
    wanted = [lib.strip() for lib in args.libs.split(",")]
    with tempfile.TemporaryDirectory(prefix="ob-bench-") as tmp:
        base = Path(args.packs) if args.packs else Path(tmp)
        log = sys.stderr
        results = []
        for n in sizes:
            records = None
            for fmt in formats:
                start = time.perf_counter()
                if records is None and not is_complete(base, n, fmt):
                    records = resources(n)
                folder = ensure_pack(base, n, fmt, records)
                warm = ensure_pack(base, WARM_SIZE, fmt)
                mib = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1048576
                print(
                    f"# pack {n:,} {fmt}: {mib:.1f} MiB on disk ({time.perf_counter() - start:.1f} s to generate)",
                    file=log,
                )
                for lib in libs_for(fmt, wanted):
                    table = SLOW_REPEATS if (lib == "msgspec" and fmt == "yaml") else REPEATS
                    repeats = args.repeats if args.repeats is not None else table.get(n, 3)
                    result = run_case(lib, fmt, folder, warm, n, repeats, args.gc_off)
                    result["disk_mib"] = mib
                    results.append(result)
                    print(
                        f"#   {lib:15} median {result['median_s']:.3f} s (cpu {result['median_cpu_s']:.3f} s)  "
                        f"first {result['first_s']:.3f} s  "
                        f"peak {result['peak_mib']:.0f} MiB  runs {[round(t, 3) for t in result['times_s']]}",
                        file=log,
                    )
            del records
    summary = summarise(results, sizes, formats, args.cpu)
    if args.json:
        print(
            json.dumps(
                {
                    "python": sys.version.split()[0],
                    "rivals_gc_off": args.gc_off,
                    "results": results,
                    **summary,
                },
                indent=2,
            )
        )
    else:
        print_table(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
