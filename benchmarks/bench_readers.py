"""The time and memory bound of every reader: how long it takes and how much memory it adds per MiB
of input, and what that gives at the reader's size limit. Also how fast a file that is not a regular
file (a FIFO, /dev/zero) is refused.

    python benchmarks/bench_readers.py [--quick] [--sizes 1,4,16] [--json]

Readers: one records file of a pack (``validate_pack`` on a pack with that file, YAML and JSON), a
CSV responses file and a JSON responses file (``read_responses``), and a result file (the ``report``
command's reader). Each measurement runs in a fresh subprocess: wall time of the call and the peak
memory it adds (peak RSS minus the RSS before the call; ``VmHWM`` and ``VmRSS`` of /proc). The bound
at the limit is the per-MiB figure of the largest size measured times the limit (every reader is
linear in its input; the fixed costs make the per-MiB figures of small sizes larger).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
EXAMPLE = ROOT / "examples" / "voorbeeldpack"
MANIFEST = (
    "name: bench\nversion: 1.0.0\ntitle: {nl: B}\npublisher: {name: P}\nlicence: CC0-1.0\n"
    "languages: [nl, fr, en]\nsources: [{id: bench-src, title: S}]\n"
)


def _status_kib(field: str) -> int:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process, in KiB, from /proc (Linux). Unlike
    ``ru_maxrss``, the peak starts afresh at exec, so the parent's memory does not count."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(reader: str, path: str) -> None:
    """Run one reader on *path* in this process and print ``{"seconds", "peak_kib", "outcome"}``."""
    import ouderbetrokkenheid as ob
    from ouderbetrokkenheid.cli.report import read_result

    library = ob.Library.discover([EXAMPLE], plugins=False)
    mini = library.get("voorbeeld/mini-scan")
    before = _status_kib("VmRSS")
    start = time.perf_counter()
    outcome = "read"
    try:
        if reader == "records":
            report = ob.validate_pack(Path(path).parent)
            outcome = "valid" if report.ok else "invalid: " + report.errors[0].code
        elif reader in {"responses-csv", "responses-json"}:
            ob.read_responses(Path(path), mini)
        elif reader == "result":
            read_result(Path(path), mini, library=library)
    except ob.ProblemError as exc:
        outcome = "refused: " + exc.problems[0].code
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {"seconds": seconds, "peak_kib": max(0, _status_kib("VmHWM") - before), "outcome": outcome}
        )
    )


def measure(reader: str, path: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", reader, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def records_file(folder: Path, mib: float, fmt: str) -> Path:
    import packgen

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(MANIFEST.replace("name: bench", f"name: {packgen.NAMESPACE}"), "utf-8")
    (folder / "pack.yaml").write_text(packgen.to_yaml(packgen.manifest()), "utf-8")
    per_record = 900  # bytes of one generated resource, roughly
    items = packgen.resources(max(1, int(mib * 1048576 / per_record)))
    records = {"frameworks": [packgen.framework()], "resources": items}
    path = folder / f"records.{fmt}"
    text = json.dumps(records, ensure_ascii=False) if fmt == "json" else packgen.to_yaml(records)
    path.write_text(text, "utf-8")
    return path


def csv_file(path: Path, mib: float) -> Path:
    row = "p{0},parents,3,2\n"
    lines = ["respondent,group,welkom,drempel\n"]
    size, index = 0, 0
    while size < mib * 1048576:
        line = row.format(index)
        lines.append(line)
        size += len(line)
        index += 1
    path.write_text("".join(lines), "utf-8")
    return path


def json_file(path: Path, mib: float) -> Path:
    entry = {
        "assessment": "voorbeeld/mini-scan",
        "version": "1.0",
        "group": "parents",
        "answers": {"welkom": "3", "drempel": "2"},
    }
    one = len(json.dumps({**entry, "respondent": "p000000"})) + 2
    entries = [{**entry, "respondent": f"p{i}"} for i in range(max(1, int(mib * 1048576 / one)))]
    path.write_text(json.dumps({"responses": entries}), "utf-8")
    return path


def result_file(path: Path, mib: float) -> Path:
    dimension = {"dimension": "ontmoeten", "answers": 16, "mean": 3.5, "score": 83.3, "band": "sterk"}
    groups = [
        {"group": name, "respondents": 8, "suppressed": False, "dimensions": [dimension]}
        for name in ("team", "parents")
    ]
    gap = {"dimension": "ontmoeten", "first": "team", "second": "parents", "difference": 0.0}
    gap["items"] = [{"link_id": "welkom", "difference": 0.0}, {"link_id": "drempel", "difference": 0.0}]
    one = len(json.dumps(gap)) + 2
    data = {"assessment": "voorbeeld/mini-scan", "version": "1.0", "min_group_size": 5, "groups": groups}
    data["gaps"] = [gap] * max(1, int(mib * 1048576 / one))  # the bulk of a large result
    path.write_text(json.dumps(data), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1 MiB only")
    parser.add_argument("--sizes", default="1,4,16", help="input sizes in MiB (default 1,4,16)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from ouderbetrokkenheid.loading.documents import MAX_FILE_BYTES as PACK_LIMIT
    from ouderbetrokkenheid.responses.table import MAX_FILE_BYTES as RESPONSES_LIMIT

    sizes = [1.0] if args.quick else [float(s) for s in args.sizes.split(",")]
    limits = {
        "records (yaml)": PACK_LIMIT,
        "records (json)": PACK_LIMIT,
        "responses-csv": RESPONSES_LIMIT,
        "responses-json": RESPONSES_LIMIT,
        "result": PACK_LIMIT,
    }
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for mib in sizes:
            cases = {
                "records (yaml)": ("records", records_file(base / f"y{mib}", mib, "yaml")),
                "records (json)": ("records", records_file(base / f"j{mib}", mib, "json")),
                "responses-csv": ("responses-csv", csv_file(base / f"r{mib}.csv", mib)),
                "responses-json": ("responses-json", json_file(base / f"r{mib}.json", mib)),
                "result": ("result", result_file(base / f"result{mib}.json", mib)),
            }
            for name, (reader, path) in cases.items():
                size = path.stat().st_size / 1048576
                figures = measure(reader, path)
                rows.append({"reader": name, "mib": round(size, 2), **figures})
                print(f"  {name} {size:.1f} MiB: {figures}", file=sys.stderr)
        fifo = base / "fifo.csv"
        os.mkfifo(fifo)
        odd = {
            "fifo (responses)": ("responses-csv", fifo),
            "/dev/zero (responses)": ("responses-csv", Path("/dev/zero")),
        }
        odd_rows = [{"reader": name, **measure(reader, path)} for name, (reader, path) in odd.items()]
    bounds = {}
    for name, limit in limits.items():
        largest = max((r for r in rows if r["reader"] == name), key=lambda r: float(r["mib"]))
        seconds = float(largest["seconds"]) / float(largest["mib"])
        memory = float(largest["peak_kib"]) / 1024 / float(largest["mib"])
        bounds[name] = {
            "limit_mib": limit / 1048576,
            "seconds_per_mib": round(seconds, 3),
            "peak_mib_per_mib": round(memory, 1),
            "seconds_at_limit": round(seconds * limit / 1048576, 1),
            "peak_mib_at_limit": round(memory * limit / 1048576),
        }
    if args.json:
        print(json.dumps({"runs": rows, "refused": odd_rows, "bounds": bounds}, indent=2))
        return
    print(f"{'reader':<16} {'MiB':>6} {'seconds':>8} {'peak MiB':>9}  outcome")
    for row in rows:
        print(
            f"{row['reader']:<16} {row['mib']:>6} {row['seconds']:>8.3f} {row['peak_kib'] / 1024:>9.1f}  {row['outcome']}"
        )
    for row in odd_rows:
        print(f"{row['reader']:<22} {row['seconds'] * 1000:.2f} ms  {row['outcome']}")
    print()
    print(
        f"{'bound per reader':<16} {'limit':>6} {'s/MiB':>6} {'MiB/MiB':>8} {'s at limit':>11} {'MiB at limit':>13}"
    )
    for name, bound in bounds.items():
        print(
            f"{name:<16} {bound['limit_mib']:>6g} {bound['seconds_per_mib']:>6} {bound['peak_mib_per_mib']:>8}"
            f" {bound['seconds_at_limit']:>11} {bound['peak_mib_at_limit']:>13}"
        )


if __name__ == "__main__":
    main()
