"""Start-up benchmark: ``ouderbetrokkenheid --help`` against a bare ``python -c pass``, and every command
on the bundled packs end to end.

    python benchmarks/bench_startup.py              # 20 runs each, top 15 imports
    python benchmarks/bench_startup.py --runs 50 --top 25 --json
    python benchmarks/bench_startup.py --commands   # each command on the installed packs, a table

Each command runs ``--runs`` times as a subprocess (interleaved, after one unmeasured warm-up run of
each so the OS file cache is warm); the best and the median wall-clock time are printed, and the ratio
of each ``--help`` to ``python -c pass``. Target: the median ratio at most 2.5x. Then
``python -X importtime -c "import ouderbetrokkenheid.cli"`` and ``python -X importtime -m ouderbetrokkenheid
--help`` (which also shows what is imported while the parser is built) are run a few times each and the
modules with the largest cumulative import time (the best of those runs, per module) are listed.

Bytecode: an installed package has its ``.pyc`` files; an editable checkout run with
``PYTHONDONTWRITEBYTECODE=1`` recompiles every module of ours on every start (~3-4 ms here). The main
figures are therefore taken "as installed": ``PYTHONDONTWRITEBYTECODE`` unset and ``PYTHONPYCACHEPREFIX``
pointing at a temporary folder (nothing is written next to the sources), warmed by the first run. When
the environment sets ``PYTHONDONTWRITEBYTECODE``, the same table is also printed for the environment as it is.

``--commands`` runs each command of :data:`COMMANDS` on the installed (bundled) packs, ``--runs`` times,
interleaved, as installed (bytecode cached), with the cache (:mod:`ouderbetrokkenheid.catalog.cache`) in a
temporary folder: "warm" runs find the packs and the search index stored by the run before, "no cache"
runs have it off (``OUDERBETROKKENHEID_CACHE_DIR=""``: every pack read and validated). Medians of the
wall time and of the processor time (user + system of the command's process; on a shared machine the
wall time is mostly waiting). Target (issue 13): every command at most 0.25 s. ``validate`` checks every
pack in full by design (it is the command that validates) and is listed apart.
"""

from __future__ import annotations

import argparse
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

TARGET = 2.5
#: The commands timed by ``--commands`` (on the bundled packs), and the target for each.
COMMANDS: dict[str, list[str]] = {
    "--help": ["--help"],
    "plugins": ["plugins"],
    "schemas": ["schemas"],
    "catalog": ["catalog"],
    "catalog --format json": ["--format", "json", "catalog"],
    "show": ["show", "ocb/boekje-bij-de-thee"],
    "show (concept)": ["show", "ref/epstein#parenting"],
    "frameworks": ["frameworks"],
    "crosswalk": ["crosswalk", "ocb/themas", "ref/epstein"],
    "search": ["search", "ouders betrekken"],
    "search --kind boek --facets": ["search", "ouders", "--kind", "boek", "--facets"],
    "validate (checks every pack in full)": ["validate"],
}
COMMAND_TARGET = 0.25


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - start


def commands() -> dict[str, list[str]]:
    python = sys.executable
    found = {
        "python -c pass": [python, "-c", "pass"],
        "python -m ouderbetrokkenheid --help": [python, "-m", "ouderbetrokkenheid", "--help"],
    }
    script = Path(python).parent / "ouderbetrokkenheid"
    if script.is_file():
        found["ouderbetrokkenheid --help (console script)"] = [str(script), "--help"]
    return found


def environment(pycache: str | None) -> dict[str, str]:
    """The environment of the measured commands: with a bytecode cache in *pycache*, or as it is (None)."""
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def measure(runs: int, env: dict[str, str]) -> dict[str, dict[str, Any]]:
    cmds = commands()
    for command in cmds.values():  # warm the file cache, and fail early if a command is broken
        _time(command, env)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, command in cmds.items():
            times[name].append(_time(command, env))
    base = statistics.median(times["python -c pass"])
    base_best = min(times["python -c pass"])
    return {
        name: {
            "command": command,
            "best_ms": min(times[name]) * 1000,
            "median_ms": statistics.median(times[name]) * 1000,
            "ratio_median": statistics.median(times[name]) / base,
            "ratio_best": min(times[name]) / base_best,
        }
        for name, command in cmds.items()
    }


def importtime(env: dict[str, str], args: list[str], runs: int = 5) -> list[dict[str, Any]]:
    """Modules by cumulative import time (µs) while running ``python -X importtime *args*``, best of *runs*."""
    best: dict[str, tuple[int, int]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
            env=env,
        )
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            self_us, cumulative_us, name = line[len("import time:") :].split("|")
            key = name.rstrip()
            value = (int(self_us), int(cumulative_us))
            if key not in best or value[1] < best[key][1]:
                best[key] = value
    rows = [
        {
            "module": name.strip(),
            "depth": (len(name) - len(name.lstrip())) // 2,
            "self_us": s,
            "cumulative_us": c,
        }
        for name, (s, c) in best.items()
    ]
    return sorted(rows, key=lambda row: -row["cumulative_us"])


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and processor time (user + system of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _time(command, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_commands(runs: int, pycache: str) -> dict[str, dict[str, float]]:
    """Each command of :data:`COMMANDS`, warm (cache kept) and without the cache, medians in seconds."""
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="ob-cache-") as cache:
        modes = {
            "warm": dict(environment(pycache), OUDERBETROKKENHEID_CACHE_DIR=cache),
            "no cache": dict(environment(pycache), OUDERBETROKKENHEID_CACHE_DIR=""),
        }
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for args in COMMANDS.values():  # warm-up: bytecode, file cache, the packs' cache entries
            for env in modes.values():
                _run([python, "-m", "ouderbetrokkenheid", *args], env)
        for _ in range(runs):
            for name, args in COMMANDS.items():
                for mode, env in modes.items():
                    times.setdefault((name, mode), []).append(
                        _run([python, "-m", "ouderbetrokkenheid", *args], env)
                    )
    return {
        f"{name}|{mode}": {
            "wall_s": statistics.median(w for w, _ in rows),
            "cpu_s": statistics.median(c for _, c in rows),
        }
        for (name, mode), rows in times.items()
    }


def print_commands(results: dict[str, dict[str, float]], runs: int) -> None:
    print(
        f"every command on the installed packs, {runs} runs each (interleaved), medians; target <= {COMMAND_TARGET} s"
    )
    width = max(len(name) for name in COMMANDS)
    print(
        f"{'command':<{width}}  {'warm s':>7}  {'warm cpu s':>10}  {'no cache s':>10}  {'no cache cpu s':>14}"
    )
    for name in COMMANDS:
        warm, cold = results[f"{name}|warm"], results[f"{name}|no cache"]
        print(
            f"{name:<{width}}  {warm['wall_s']:7.3f}  {warm['cpu_s']:10.3f}  {cold['wall_s']:10.3f}  {cold['cpu_s']:14.3f}"
        )
    checked = [name for name in COMMANDS if not name.startswith("validate")]
    worst_cpu = max(results[f"{name}|warm"]["cpu_s"] for name in checked)
    worst_wall = max(results[f"{name}|warm"]["wall_s"] for name in checked)
    print(
        f"slowest warm command (validate apart): {worst_wall:.3f} s wall, {worst_cpu:.3f} s processor time -> "
        f"{'MET' if worst_wall <= COMMAND_TARGET else 'NOT MET'} on wall time, "
        f"{'MET' if worst_cpu <= COMMAND_TARGET else 'NOT MET'} on processor time"
    )


def print_table(title: str, results: dict[str, dict[str, Any]]) -> float:
    print(title)
    width = max(map(len, results))
    print(f"{'command':<{width}}  {'best ms':>8}  {'median ms':>9}  {'x median':>8}  {'x best':>6}")
    for name, r in results.items():
        print(
            f"{name:<{width}}  {r['best_ms']:8.1f}  {r['median_ms']:9.1f}  {r['ratio_median']:8.2f}  {r['ratio_best']:6.2f}"
        )
    ratio = max(r["ratio_median"] for name, r in results.items() if name != "python -c pass")
    print(
        f"target --help <= {TARGET}x python -c pass (median): {ratio:.2f}x -> {'MET' if ratio <= TARGET else 'NOT MET'}"
    )
    print()
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=15, help="how many imports to list")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--commands", action="store_true", help="time every command on the installed packs")
    args = parser.parse_args(argv)
    if args.commands:
        with tempfile.TemporaryDirectory(prefix="ob-pycache-") as pycache:
            timed = measure_commands(args.runs, pycache)
        if args.json:
            print(json.dumps({"runs": args.runs, "target_s": COMMAND_TARGET, "commands": timed}, indent=2))
        else:
            print_commands(timed, args.runs)
        return 0
    with tempfile.TemporaryDirectory(prefix="ob-pycache-") as pycache:
        installed = environment(pycache)
        results = {"as installed (bytecode cached)": measure(args.runs, installed)}
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            results["this environment (PYTHONDONTWRITEBYTECODE=1)"] = measure(args.runs, environment(None))
        imports = importtime(installed, ["-c", "import ouderbetrokkenheid.cli"])
        help_imports = importtime(installed, ["-m", "ouderbetrokkenheid", "--help"])
    ratios = {
        mode: max(r["ratio_median"] for name, r in rows.items() if name != "python -c pass")
        for mode, rows in results.items()
    }
    if args.json:
        print(
            json.dumps(
                {
                    "python": sys.version.split()[0],
                    "runs": args.runs,
                    "target": TARGET,
                    "results": results,
                    "ratios": ratios,
                    "met": ratios["as installed (bytecode cached)"] <= TARGET,
                    "imports": imports[: args.top],
                },
                indent=2,
            )
        )
        return 0
    print(f"{args.runs} runs each (interleaved); {sys.executable}")
    print()
    for mode, rows in results.items():
        print_table(mode, rows)
    for title, rows in (
        ('python -X importtime -c "import ouderbetrokkenheid.cli"', imports),
        (
            "python -X importtime -m ouderbetrokkenheid --help (adds what the command imports while it runs)",
            help_imports,
        ),
    ):
        print(f"{title}: top {args.top} by cumulative time, bytecode cached, best of 5 runs")
        print(f"{'cumulative ms':>13}  {'self ms':>7}  module (indented by nesting)")
        for row in rows[: args.top]:
            print(
                f"{row['cumulative_us'] / 1000:13.1f}  {row['self_us'] / 1000:7.1f}  {'  ' * row['depth']}{row['module']}"
            )
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
