"""Scoring benchmark: read + check + score responses from a CSV file, end to end.

    python benchmarks/bench_scoring.py                          # 20,000 respondents x 50 items (1,000,000 answers)
    python benchmarks/bench_scoring.py --quick                  # 2,000 x 50 (CI)
    python benchmarks/bench_scoring.py --respondents 100000 --items 50 --repeats 3 --json
    python benchmarks/bench_scoring.py --objects                # also score from Response objects, for comparison

A generated assessment (5 dimensions of ``items / 5`` items; a 1-5 agreement scale with a "don't know"
option; every third item reversed; weights 1 to 3; two respondent groups; every tenth item optional)
and a CSV file of answers to it (fixed seed; ~5% "na", ~10% blanks on optional items) are written to a
temporary folder. A fresh subprocess then imports the library, warms up on a 100-respondent file,
and runs ``read_responses`` (parse, check every answer against the instrument) followed by ``score``:

* time: the median of ``repeats`` runs (``gc.collect()`` before each), split into read and score;
* memory: ``ru_maxrss`` after the first run minus the resident set size before it (what the process
  really needed, the result still alive), and in a separate run the ``tracemalloc`` peak of Python
  allocations (tracemalloc slows the run down, so that run is not timed);
* throughput: answers (respondents x items) per second, end to end.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

GROUPS = ("team", "parents")
CODES = ("1", "2", "3", "4", "5")


def make_assessment(items: int) -> Any:
    """A valid assessment with *items* items over five dimensions (content made up here, marked so)."""
    import ouderbetrokkenheid as ob

    def text(value: str) -> Any:
        return ob.LocalizedText({"nl": value, "en": value})

    scale = ob.Scale(
        id="agree",
        options=(
            *(ob.Option(code=code, label=text(f"option {code}"), score=float(code)) for code in CODES),
            ob.Option(code="na", label=text("don't know"), not_applicable=True),
        ),
    )
    dimensions = tuple(ob.Dimension(id=f"d{d}", label=text(f"dimension {d}")) for d in range(5))
    item_list = tuple(
        ob.Item(
            link_id=f"q{i:03d}",
            dimension=f"d{i % 5}",
            scale="agree",
            text={group: text(f"question {i} for {group}") for group in GROUPS},
            reverse=i % 3 == 2,
            weight=float(1 + i % 3),
            required=i % 10 != 9,
        )
        for i in range(items)
    )
    return ob.Assessment(
        id="bench/scan",
        title=text("Benchmark scan"),
        version="1.0",
        provenance=ob.Provenance(source="bench", status="example-authored-here"),
        groups=tuple(ob.RespondentGroup(id=g, label=text(g), role="parent") for g in GROUPS),
        scales=(scale,),
        dimensions=dimensions,
        sections=(ob.Section(id="s", title=text("all"), items=item_list),),
        bands=(
            ob.Band(id="low", min=0, max=50, label=text("low"), needs_work=True),
            ob.Band(id="mid", min=50, max=75, label=text("mid")),
            ob.Band(id="high", min=75, max=100, label=text("high")),
        ),
    )


def write_csv(path: Path, respondents: int, items: int, seed: int = 20260301) -> None:
    """Answers of *respondents* to *items* items (see the module docstring)."""
    rng = random.Random(seed)
    header = ["respondent", "group", *(f"q{i:03d}" for i in range(items))]
    optional = {i for i in range(items) if i % 10 == 9}
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for r in range(respondents):
            cells = [f"r{r:07d}", GROUPS[0] if rng.random() < 0.3 else GROUPS[1]]
            for i in range(items):
                roll = rng.random()
                if i in optional and roll < 0.1:
                    cells.append("")
                elif roll > 0.95:
                    cells.append("na")
                else:
                    cells.append(rng.choice(CODES))
            out.write(",".join(cells) + "\n")


def _rss_kib() -> int:
    resident_pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
    return resident_pages * (os.sysconf("SC_PAGE_SIZE") // 1024)


def _maxrss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


# -- worker (a fresh subprocess) -----------------------------------------------------------------
def worker(csv_path: Path, warm_path: Path, items: int, repeats: int, objects: bool) -> dict[str, Any]:
    from ouderbetrokkenheid.responses import read_responses
    from ouderbetrokkenheid.scoring import score

    assessment = make_assessment(items)
    score(assessment, read_responses(warm_path, assessment))  # warm-up: imports, schemas, code paths
    gc.collect()
    rss_before, maxrss_before = _rss_kib(), _maxrss_kib()
    start = time.perf_counter()
    responses = read_responses(csv_path, assessment)
    middle = time.perf_counter()
    result = score(assessment, responses)
    end = time.perf_counter()
    maxrss_after = _maxrss_kib()
    runs = [(middle - start, end - middle)]
    n = len(responses)
    del responses, result
    for _ in range(repeats - 1):
        gc.collect()
        start = time.perf_counter()
        responses = read_responses(csv_path, assessment)
        middle = time.perf_counter()
        score(assessment, responses)
        end = time.perf_counter()
        runs.append((middle - start, end - middle))
        del responses
    gc.collect()
    import tracemalloc

    tracemalloc.start()
    score(assessment, read_responses(csv_path, assessment))
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out: dict[str, Any] = {
        "respondents": n,
        "items": items,
        "answers": n * items,
        "runs": [round(a + b, 4) for a, b in runs],
        "read_s": statistics.median(a for a, _ in runs),
        "score_s": statistics.median(b for _, b in runs),
        "total_s": statistics.median(a + b for a, b in runs),
        "peak_rss_mib": max(0, maxrss_after - rss_before) / 1024,
        "baseline_rss_mib": rss_before / 1024,
        "maxrss_grew_mib": max(0, maxrss_after - maxrss_before) / 1024,
        "tracemalloc_peak_mib": traced_peak / 1048576,
    }
    if objects:
        rows = list(read_responses(csv_path, assessment).responses())
        gc.collect()
        start = time.perf_counter()
        score(assessment, rows)
        out["score_from_objects_s"] = time.perf_counter() - start
    return out


# -- driver --------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--respondents", type=int, default=20_000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs (the first also gives the memory)")
    parser.add_argument("--quick", action="store_true", help="2,000 respondents, 3 runs")
    parser.add_argument("--objects", action="store_true", help="also score from Response objects")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        csv_path, warm_path, items, repeats, objects = args.worker
        figures = worker(Path(csv_path), Path(warm_path), int(items), int(repeats), objects == "1")
        print(json.dumps(figures))
        return 0
    if args.quick:
        args.respondents, args.repeats = 2_000, 3
    with tempfile.TemporaryDirectory(prefix="obscore-") as folder:
        csv_path, warm_path = Path(folder) / "answers.csv", Path(folder) / "warm.csv"
        start = time.perf_counter()
        write_csv(csv_path, args.respondents, args.items)
        write_csv(warm_path, 100, args.items, seed=1)
        print(
            f"wrote {csv_path.stat().st_size / 1048576:.1f} MiB of CSV in {time.perf_counter() - start:.1f} s",
            file=sys.stderr,
        )
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            str(csv_path),
            str(warm_path),
            str(args.items),
            str(max(1, args.repeats)),
            "1" if args.objects else "0",
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        figures = json.loads(done.stdout)
    figures["csv_mib"] = round(csv_path.stat().st_size / 1048576, 2) if csv_path.exists() else None
    figures["answers_per_s"] = figures["answers"] / figures["total_s"]
    figures["python"] = sys.version.split()[0]
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"{figures['respondents']:,} respondents x {figures['items']} items = {figures['answers']:,} answers"
        f" (CSV, {args.repeats} runs, median)"
    )
    print(f"  read + check   {figures['read_s']:8.3f} s")
    print(f"  score          {figures['score_s']:8.3f} s")
    print(f"  end to end     {figures['total_s']:8.3f} s   {figures['answers_per_s']:,.0f} answers/s")
    print(f"  runs           {', '.join(f'{r:.3f}' for r in figures['runs'])} s")
    print(
        f"  peak memory    {figures['peak_rss_mib']:8.1f} MiB above the {figures['baseline_rss_mib']:.0f} MiB"
        " baseline (ru_maxrss)"
    )
    print(f"  tracemalloc    {figures['tracemalloc_peak_mib']:8.1f} MiB peak of Python allocations")
    if "score_from_objects_s" in figures:
        print(f"  score from Response objects (for comparison): {figures['score_from_objects_s']:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
