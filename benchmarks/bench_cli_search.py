"""The ``search`` command end to end, cold (no cached index) and warm (the index cached), on generated
packs of 10,000 and 100,000 resources; and the size of the cached index.

    python benchmarks/bench_cli_search.py [--sizes 10000,100000] [--runs 5] [--packs DIR] [--src DIR]

Each run is a new process: ``python -m ouderbetrokkenheid search QUERY --path PACK`` with the
installed plugins switched off (``OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD=1``), the cache in a
temporary folder (emptied before each cold run), and Python's bytecode cached in another temporary
folder (as installed: ``PYTHONDONTWRITEBYTECODE`` unset, ``PYTHONPYCACHEPREFIX`` set; an editable
checkout without it recompiles every module of ours on every start). Wall time and processor time (user + system of the
command's process) are printed as medians: on a loaded machine the wall time is mostly waiting. ``--src DIR`` runs the command of another checkout
(``DIR`` is its ``src``), to compare with a version before the cache: every run of it is cold.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from packgen import ensure_pack  # noqa: E402

QUERY = "ouders betrekken"


def run(pack: Path, cache: Path, src: str | None, pycache: Path) -> tuple[float, float]:
    """Wall time and processor time (user + system, of the child process) of one search."""
    env = dict(
        os.environ,
        OUDERBETROKKENHEID_DISABLE_PLUGIN_AUTOLOAD="1",
        OUDERBETROKKENHEID_CACHE_DIR=str(cache),
        PYTHONPYCACHEPREFIX=str(pycache),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if src:
        env["PYTHONPATH"] = src
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ouderbetrokkenheid", "search", QUERY, "--path", str(pack), "--limit", "10"],
        env=env,
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--packs", type=Path, default=None, help="keep the generated packs here")
    parser.add_argument("--src", default=None, help="the src folder of another checkout to run instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = args.packs or Path(scratch) / "packs"
        cache = Path(scratch) / "cache"
        pycache = Path(scratch) / "pycache"
        print(
            f"{'resources':>9} {'cold s (median)':>16} {'cold cpu s':>11} {'warm s (median)':>16} "
            f"{'warm cpu s':>11} {'warm s (max)':>13} {'cache MiB':>10}"
        )
        for size in (int(s) for s in args.sizes.split(",")):
            pack = ensure_pack(base, size, "json")
            run(pack, Path(scratch) / "unmeasured", args.src, pycache)  # bytecode and file cache warm
            cold = []
            for _ in range(max(1, args.runs // 2)):
                for path in cache.glob("*"):
                    path.unlink()
                cold.append(run(pack, cache, args.src, pycache))
            warm = [run(pack, cache, args.src, pycache) for _ in range(args.runs)]
            megabytes = sum(p.stat().st_size for p in cache.glob("*.pickle")) / 2**20
            print(
                f"{size:>9} {statistics.median(w for w, _ in cold):>16.2f} "
                f"{statistics.median(c for _, c in cold):>11.2f} {statistics.median(w for w, _ in warm):>16.2f} "
                f"{statistics.median(c for _, c in warm):>11.2f} {max(w for w, _ in warm):>13.2f} {megabytes:>10.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
