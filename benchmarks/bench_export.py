"""Exporting a generated catalog with every installed exporter, and the site's search in a browser.

    python benchmarks/bench_export.py [--size 10000] [--runs 3] [--exporters json,html] [--no-browser] [--keep DIR]

Part 1: the catalog of ``bench_search.generate(size)`` (resources with nl/fr/en titles and summaries,
themes, audiences, levels, links) is exported by each exporter that
``ouderbetrokkenheid.get_plugin_manager().exporters()`` lists (plus the ``html`` site exporter when it is
not registered yet), ``--runs`` times, each run in a fresh subprocess: the median time of ``export()``
(and the fastest and slowest run), the median peak memory it adds (peak RSS during the export minus the
RSS before it; ``ru_maxrss``), and the size of what it wrote. An exporter that fails is reported and
makes the script exit with status 1 (after the other exporters ran).

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


def child(name: str, size: int, out: Path) -> None:
    """Run one export in this process and print its figures as JSON."""
    from bench_search import generate

    import ouderbetrokkenheid as ob

    library = generate(size)
    exporters = {key: exporter for key, (_, exporter) in ob.get_plugin_manager().exporters().items()}
    if "html" not in exporters:
        from ouderbetrokkenheid.exporters.site import SiteExporter

        exporters["html"] = SiteExporter()
    exporter = exporters[name]
    destination = out / (name + (exporter.extension or ""))
    before = _rss_kib()
    start = time.perf_counter()
    try:
        exporter.export(library, destination, {"lang": "nl"})
    except Exception as exc:
        print(json.dumps({"name": name, "error": f"{type(exc).__name__}: {exc}"}))
        sys.exit(1)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    written, files = _size(destination)
    print(
        json.dumps(
            {
                "name": name,
                "seconds": seconds,
                "peak_added_mib": max(peak - before, 0) / 1024,
                "peak_mib": peak / 1024,
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


def export_once(name: str, size: int, out: Path) -> dict | str:
    """One export in a fresh subprocess: its figures, or why it failed."""
    result = subprocess.run(
        [sys.executable, __file__, "--child", name, "--size", str(size), "--keep", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    data = json.loads(lines[-1]) if lines else {}
    if "error" in data:
        return data["error"]
    if result.returncode or not data:
        return f"exit {result.returncode}: {result.stderr.strip().splitlines()[-1:]}"
    return data


def export_all(size: int, names: list[str], out: Path, runs: int) -> list[str]:
    """Each exporter *runs* times, each run in a fresh subprocess; the medians. Returns the failures."""
    print(f"\nExport of a generated catalog of {size:,} resources ({runs} runs per exporter, each in a fresh")
    print("subprocess; time and peaks are medians, the spread is the fastest and slowest run)\n")
    print(
        f"{'exporter':<10} {'time s':>8} {'min-max s':>13} {'peak +MiB':>10} {'peak MiB':>9} {'files':>7} {'output':>10}"
    )
    failures = []
    for name in names:
        results = []
        for _ in range(runs):
            found = export_once(name, size, out)
            if isinstance(found, str):
                failures.append(f"{name}: {found}")
                print(f"{name:<10} FAILED: {found}")
                break
            results.append(found)
        else:
            seconds = [r["seconds"] for r in results]
            last = results[-1]
            print(
                f"{name:<10} {statistics.median(seconds):>8.2f} {min(seconds):>6.2f}-{max(seconds):<6.2f} "
                f"{statistics.median(r['peak_added_mib'] for r in results):>10.0f} "
                f"{statistics.median(r['peak_mib'] for r in results):>9.0f} "
                f"{last['files']:>7,} {last['bytes'] / 2**20:>8.1f} MiB"
            )
    return failures


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
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--exporters", help="comma-separated names (default: every installed exporter)")
    parser.add_argument("--runs", type=int, default=3, help="runs per exporter (the median is printed)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per query in the browser")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--keep", help="write the exports into this folder and keep them")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size, Path(args.keep))
        return
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ob-bench-export-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        names = args.exporters.split(",") if args.exporters else installed_exporters()
        failures = export_all(args.size, names, out, max(1, args.runs))
        if not args.no_browser:
            site = out / "html"
            if not site.is_dir():
                from bench_search import generate

                from ouderbetrokkenheid.exporters.site import SiteExporter

                SiteExporter().export(generate(args.size), site, {"lang": "nl"})
            browser_search(site, args.repeats)
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    if failures:
        print(f"\n{len(failures)} exporter(s) failed:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
