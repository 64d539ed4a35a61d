"""For developers: load every installed content pack (plus a folder) and query it.

python examples/developer_query.py [--lang fr]
"""

import argparse
from pathlib import Path

import ouderbetrokkenheid as ob

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="nl", help="language for labels (nl, fr, en ...)")
    args = parser.parse_args()

    # Every installed pack, plus the example pack that ships with this repository.
    library = ob.Library.discover([HERE / "voorbeeldpack"])
    for problem in library.report.problems:
        print("problem:", problem.location(), problem.message)

    print(f"{len(library)} records in {len(library.packs)} packs")
    for framework in library.frameworks():
        ordered = [c.ordered for c in framework.collections]
        kind = "ordered" if any(ordered) else "unordered" if ordered else "no collections"
        print(
            f"- {framework.id}: {framework.title.get_text(args.lang)} ({len(framework.concepts)} concepts, {kind})"
        )

    home = [r for r in library.resources() if "home-involvement" in r.themes]
    print(f"resources about home involvement: {len(home)}")
    for resource in home[:5]:
        print(f"  {resource.id}: {resource.title.get_text(args.lang)} [{resource.provenance.status}]")

    for finding in library.findings():
        for effect in finding.effects:
            print(f"effect {effect.value} {effect.metric} ({effect.edition or effect.year}) in {finding.id}")


if __name__ == "__main__":
    main()
