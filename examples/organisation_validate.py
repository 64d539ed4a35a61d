"""For organisations publishing a pack: validate a pack folder and print every problem.

    python examples/organisation_validate.py [PACK_FOLDER]

Exits 0 when the pack is valid, 1 when it has errors.
"""

import sys
from pathlib import Path

import ouderbetrokkenheid as ob

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else HERE / "voorbeeldpack"
    report = ob.validate_pack(folder)
    for problem in report.problems:
        print(f"{problem.location()}: {problem.severity.value}[{problem.code}] {problem.message}")
        if problem.pointer:
            print(f"    at {problem.pointer}")
        if problem.hint:
            print(f"    hint: {problem.hint}")
    print(
        f"{folder}: {'valid' if report.ok else 'invalid'}, {len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    )
    if report.ok:
        pack = ob.load_pack(folder)
        print(
            f"pack {pack.name} {pack.manifest.version}: "
            + ", ".join(
                f"{len(getattr(pack, kind))} {kind}"
                for kind in ("resources", "findings", "frameworks", "mappings", "assessments")
            )
        )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
