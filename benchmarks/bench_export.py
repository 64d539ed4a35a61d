"""Exporting a generated catalog with every installed exporter, and the site's search in a browser.

    python benchmarks/bench_export.py [--sizes 1000,10000] [--runs 3] [--exporters json,html] [--workers 1,2]
                                     [--records realistic|thin] [--data DIR] [--no-browser] [--keep DIR]

Part 1: a generated catalog of each size is exported by each exporter that
``ouderbetrokkenheid.get_plugin_manager().exporters()`` lists (plus the ``html`` site exporter when it is
not registered yet), ``--runs`` times, each run in a fresh subprocess, the runs of all sizes, exporters and
worker counts interleaved (round after round), so that a busy machine slows them alike. The records are
``--records realistic`` (default: ``packgen.realistic_pack``, shaped like the bundled packs: authors,
publishers, four frameworks and their crosswalks, concepts, related resources, parts, findings with
effects, several languages; loaded with ``load_pack``, not timed) or ``thin`` (``bench_search.generate``:
titles, summaries, themes, audiences, levels, links). The site exporter runs once per ``--workers`` count
(its ``workers`` option; 1 renders every page in one process, ``auto`` leaves the choice to the
exporter). Printed per row, medians over the runs:
wall time of ``export()``, processor time (the process and its workers: ``getrusage`` of self and
children; "of it sys" is the part spent in the kernel, mostly creating and writing the files), the
growth of the wall time against the previous size, peak memory of the process and of its
largest worker (``ru_maxrss``), files and bytes written; and the load average of the machine while the
rows ran. An exporter that fails is reported and makes the script exit with status 1 (after the other
exporters ran).

Every run writes a new folder (its run number in the name), and the outputs are deleted only when the
script ends: deleting 30,000 files right before the next run is timed would make the file system
(ext4) search past the freshly freed inodes for every file that run creates (seconds of kernel time,
and always the row that runs next). Outputs of 100,000 resources or more (3.5 GB each) are deleted
right after their run, and the script then waits ``SETTLE`` seconds before the next one.

Part 2: the exported site's catalog page in headless Chromium (``/usr/bin/chromium`` through Playwright;
skipped with a message when either is missing): the page load (until the first results are shown), then
for each of ten queries typed into the search field, the time from the last keystroke to the results
rendered (``performance.now()`` in the page; includes the 120 ms debounce) and the time the search and
rendering themselves take. Each query is timed ``--repeats`` times; median and p95 are printed.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHROMIUM = Path(os.environ.get("OUDERBETROKKENHEID_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Whether the exports are kept (``--keep``); otherwise each child removes what it wrote.
KEEP = False

#: From this many resources a run's output is deleted right after it (disk space), and the next run
#: waits :data:`SETTLE` seconds: ext4 treats inodes freed in the last 30 seconds as not yet reusable
#: and searches past them when it creates a file.
DISCARD_FROM = 100_000
SETTLE = 35
QUERIES = (
    ("thuis", "nl"),
    ("ouders betrekken", "nl"),
    ("communicatie met ouders", "nl"),
    ("quickscan ouderraad", "nl"),
    ("kleuters voorlezen", "nl"),
    ("gelijkwaardig partnerschap", "nl"),
    ("brochure", "nl"),
    ("meertaligheid diversiteit", "nl"),
    ("école parents", "fr"),
    ("home involvement", "en"),
)


def _rss_kib() -> int:
    with open("/proc/self/statm") as handle:  # noqa: PTH123 - Linux only, like ru_maxrss in KiB
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _size(path: Path) -> tuple[int, int]:
    if path.is_file():
        return path.stat().st_size, 1
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def catalog(size: int, records: str, data: Path):
    """The generated library of *size* resources (*records*: ``realistic`` or ``thin``)."""
    import ouderbetrokkenheid as ob

    if records == "thin":
        from bench_search import generate

        return generate(size)
    from packgen import realistic_pack

    return ob.Library([ob.load_pack(realistic_pack(size, data / f"realistic-{size}"))])


def child(
    name: str, size: int, out: Path, records: str, data: Path, workers: int, discard: bool, run: int
) -> None:
    """Run one export in this process and print its figures as JSON."""
    import ouderbetrokkenheid as ob

    library = catalog(size, records, data)
    exporters = {key: exporter for key, (_, exporter) in ob.get_plugin_manager().exporters().items()}
    if "html" not in exporters:
        from ouderbetrokkenheid.exporters.site import SiteExporter

        exporters["html"] = SiteExporter()
    exporter = exporters[name]
    destination = out / f"{name}-{size}-{workers}-{run}{exporter.extension or ''}"  # a new folder each run
    options: dict = {"lang": "nl"}
    if name == "html" and workers:  # 0: the exporter's own choice (--workers auto)
        options["workers"] = workers
    before = _rss_kib()
    sys_before = resource.getrusage(resource.RUSAGE_SELF).ru_stime
    start, cpu = time.perf_counter(), time.process_time()
    try:
        exporter.export(library, destination, options)
    except Exception as exc:
        print(json.dumps({"name": name, "error": f"{type(exc).__name__}: {exc}"}))
        sys.exit(1)
    seconds = time.perf_counter() - start
    own = time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    system = resource.getrusage(resource.RUSAGE_SELF).ru_stime - sys_before + children.ru_stime
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    written, files = _size(destination)
    if discard:  # a 100,000-resource site is 3 GB
        shutil.rmtree(destination, ignore_errors=True) if destination.is_dir() else destination.unlink()
    print(
        json.dumps(
            {
                "name": name,
                "seconds": seconds,
                "cpu": own + children.ru_utime + children.ru_stime,
                "sys": system,
                "peak_added_mib": max(peak - before, 0) / 1024,
                "peak_mib": peak / 1024,
                "worker_peak_mib": children.ru_maxrss / 1024,
                "bytes": written,
                "files": files,
                "records": len(library),
            }
        )
    )


def installed_exporters() -> list[str]:
    import ouderbetrokkenheid as ob

    names = list(ob.get_plugin_manager().exporters())
    if "html" not in names:
        print("note: no exporter 'html' is registered yet; using SiteExporter directly", file=sys.stderr)
        names.append("html")
    return names


def export_once(
    name: str, size: int, out: Path, records: str, data: Path, workers: int, run: int
) -> dict | str:
    """One export in a fresh subprocess: its figures, or why it failed."""
    command = [sys.executable, __file__, "--child", name, "--sizes", str(size), "--keep", str(out)]
    command += ["--records", records, "--data", str(data), "--workers", str(workers), "--run", str(run)]
    discard = not KEEP and size >= DISCARD_FROM
    command += ["--discard"] if discard else []
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if discard:
        time.sleep(SETTLE)  # the freed inodes reusable again before the next run creates files
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    data_ = json.loads(lines[-1]) if lines else {}
    if "error" in data_:
        return data_["error"]
    if result.returncode or not data_:
        return f"exit {result.returncode}: {result.stderr.strip().splitlines()[-1:]}"
    return data_


def export_all(
    sizes: list[int], names: list[str], out: Path, runs: int, records: str, data: Path, workers: list[int]
) -> list[str]:
    """Every (exporter, size, workers) *runs* times, interleaved round by round, each run in a fresh
    subprocess; the medians. Returns the failures."""
    rows = [(name, size, w) for name in names for w in (workers if name == "html" else [1]) for size in sizes]
    print(
        f"\nExport of generated catalogs ({records} records; {runs} runs per row, each in a fresh subprocess,"
    )
    print("the rows interleaved round by round; medians, the spread is the fastest and slowest wall time)")
    if records == "realistic":
        from packgen import realistic_pack

        for size in sizes:  # written before the first timed run (loaded in each child)
            realistic_pack(size, data / f"realistic-{size}")
    results: dict[tuple[str, int, int], list[dict]] = {row: [] for row in rows}
    failed: dict[tuple[str, int, int], str] = {}
    loads = []
    for run in range(runs):
        for row in rows:
            if row in failed:
                continue
            found = export_once(row[0], row[1], out, records, data, row[2], run)
            loads.append(os.getloadavg()[0])
            if isinstance(found, str):
                failed[row] = found
            else:
                results[row].append(found)
    print(
        f"\n{'exporter':<8} {'records':>8} {'workers':>7} {'wall s':>8} {'min-max s':>13} {'cpu s':>7} {'of it sys':>9} "
        f"{'growth':>6} {'peak MiB':>8} {'worker MiB':>10} {'files':>7} {'output':>10}"
    )
    previous: dict[tuple[str, int], float] = {}
    for row in rows:
        name, size, w = row
        if row in failed:
            print(f"{name:<8} {size:>8,} {w or 'auto':>7} FAILED: {failed[row]}")
            continue
        found = results[row]
        wall = statistics.median(r["seconds"] for r in found)
        walls = [r["seconds"] for r in found]
        growth = f"{wall / previous[(name, w)]:.1f}x" if (name, w) in previous else "-"
        previous[(name, w)] = wall
        last = found[-1]
        print(
            f"{name:<8} {last['records']:>8,} {w or 'auto':>7} {wall:>8.2f} {min(walls):>6.2f}-{max(walls):<6.2f} "
            f"{statistics.median(r['cpu'] for r in found):>7.2f} {statistics.median(r['sys'] for r in found):>9.2f} "
            f"{growth:>6} "
            f"{statistics.median(r['peak_mib'] for r in found):>8.0f} "
            f"{statistics.median(r['worker_peak_mib'] for r in found):>10.0f} "
            f"{last['files']:>7,} {last['bytes'] / 2**20:>8.1f} MiB"
        )
    if loads:
        print(
            f"\nload average (1 min) after each run: median {statistics.median(loads):.1f}, "
            f"max {max(loads):.1f} on {os.cpu_count()} processors"
        )
    return [f"{row[0]} {row[1]}: {why}" for row, why in failed.items()]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def browser_search(site: Path, repeats: int) -> None:
    print("\nSearch in the browser over the exported site (headless Chromium, file://)\n")
    if not CHROMIUM.exists():
        print(f"skipped: Chromium not found at {CHROMIUM} (apt-get install chromium)")
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped: Playwright is not installed (pip install playwright; no `playwright install` needed)")
        return
    for lang in ("nl", "fr", "en"):
        index = site / "assets" / f"search-index.{lang}.js"
        print(f"search-index.{lang}.js: {index.stat().st_size / 2**20:.1f} MiB")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith("file://") else outside.append(r.url))
        loads = []
        for lang in ("nl", "fr", "en"):
            start = time.perf_counter()
            page.goto((site / lang / "catalog.html").as_uri())
            _wait(page, "Number(document.documentElement.dataset.obRuns || 0) >= 1")
            loads.append((lang, (time.perf_counter() - start) * 1000))
        print(
            "catalog page load until the first results: "
            + ", ".join(f"{lang} {ms:.0f} ms" for lang, ms in loads)
        )
        print(f"\n{'query':<28} {'lang':<4} {'hits':>6} {'keystroke→shown ms':>19} {'search+render ms':>17}")
        total: list[float] = []
        work: list[float] = []
        for query, lang in QUERIES:
            page.goto((site / lang / "catalog.html").as_uri())
            _wait(page, "Number(document.documentElement.dataset.obRuns || 0) >= 1")
            latencies, computes, hits = [], [], 0
            for _ in range(repeats):
                runs = _runs(page)
                page.fill("#ob-q", query[:-1])
                _wait(page, f"Number(document.documentElement.dataset.obRuns) > {runs}")
                runs = _runs(page)
                page.focus("#ob-q")
                page.keyboard.press("End")
                page.keyboard.type(query[-1])
                _wait(page, f"Number(document.documentElement.dataset.obRuns) > {runs}")
                timing = page.evaluate("window.OB_TIMING")
                latencies.append(timing["end"] - timing["start"])
                computes.append(timing["end"] - timing["began"])
                hits = timing["results"]
            total += latencies
            work += computes
            print(
                f"{query:<28} {lang:<4} {hits:>6} {statistics.median(latencies):>19.1f} "
                f"{statistics.median(computes):>17.1f}"
            )
        print(
            f"\nall queries ({len(total)} timings): keystroke→shown median {statistics.median(total):.1f} ms, "
            f"p95 {_percentile(total, 0.95):.1f} ms (incl. the 120 ms debounce); "
            f"search+render median {statistics.median(work):.1f} ms, p95 {_percentile(work, 0.95):.1f} ms"
        )
        if outside:
            print(f"WARNING: requests left the page: {outside[:5]}")
        browser.close()


def _runs(page) -> int:
    return int(page.evaluate("document.documentElement.dataset.obRuns || '0'"))


def _wait(page, expression: str, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if page.evaluate(expression):
            return
        page.wait_for_timeout(2)
    raise TimeoutError(expression)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", "--size", default="10000", help="comma-separated sizes (default 10000)")
    parser.add_argument("--exporters", help="comma-separated names (default: every installed exporter)")
    parser.add_argument("--runs", type=int, default=3, help="runs per row (the median is printed)")
    parser.add_argument(
        "--workers",
        default="1,2",
        help="worker counts of the html exporter, 'auto' for its default (default 1,2)",
    )
    parser.add_argument("--records", choices=("realistic", "thin"), default="realistic")
    parser.add_argument(
        "--data", help="folder for the generated packs (default: a folder in the system's temporary folder)"
    )
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per query in the browser")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--keep", help="write the exports into this folder and keep them")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--discard", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--run", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    workers = [0 if w == "auto" else int(w) for w in args.workers.split(",")]
    data = Path(args.data) if args.data else Path(tempfile.gettempdir()) / "ob-bench-packs"
    if args.child:
        child(args.child, sizes[0], Path(args.keep), args.records, data, workers[0], args.discard, args.run)
        return
    global KEEP  # noqa: PLW0603
    KEEP = bool(args.keep)
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ob-bench-export-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        names = args.exporters.split(",") if args.exporters else installed_exporters()
        failures = export_all(sizes, names, out, max(1, args.runs), args.records, data, workers)
        if not args.no_browser:
            from ouderbetrokkenheid.exporters.site import SiteExporter

            site = out / "html"
            SiteExporter().export(catalog(sizes[-1], args.records, data), site, {"lang": "nl"})
            browser_search(site, args.repeats)
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    if failures:
        print(f"\n{len(failures)} exporter(s) failed:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
