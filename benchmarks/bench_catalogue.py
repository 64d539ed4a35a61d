"""Catalogue benchmark: opening a compiled word catalogue (``.mo``) the way ``ouderbetrokkenheid.i18n``
reads it (the msgids indexed, a translation decoded when asked for) against the standard library's
``gettext.GNUTranslations`` (every string decoded up front), for each language that has a catalogue.

    python benchmarks/bench_catalogue.py            # 50 opens per round, best of 7 rounds
    python benchmarks/bench_catalogue.py --number 200 --repeat 9

Every ``--help`` opens the catalogue of the interface language once, so this is part of start-up time
(benchmarks/bench_startup.py measures the whole). The figures are processor time (``process_time``)
and wall time (``perf_counter``) per open, best of the rounds; the two readers run interleaved, round by
round. Then the time of the lookups ``--help`` makes (every help text of the parser) is printed for the
lean reader.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import io
import time
from pathlib import Path

from ouderbetrokkenheid import i18n


def _best(make, number: int, repeat: int) -> tuple[float, float]:
    cpu, wall = [], []
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        for _ in range(number):
            make()
        cpu.append((time.process_time() - c) / number * 1000)
        wall.append((time.perf_counter() - w) / number * 1000)
    return min(cpu), min(wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--number", type=int, default=50, help="opens per round")
    parser.add_argument("--repeat", type=int, default=7, help="rounds (the best is kept)")
    args = parser.parse_args()
    print(f"opening a catalogue, ms per open (best of {args.repeat} rounds of {args.number}); shared machine")
    print(
        f"{'lang':6} {'entries':>7} {'KiB':>6} {'lean cpu':>9} {'lean wall':>10} {'gettext cpu':>12} {'gettext wall':>13}"
    )
    for lang in i18n.languages():
        path = Path(i18n._LOCALE) / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
        data = path.read_bytes()
        lean_cpu, lean_wall, std_cpu, std_wall = [], [], [], []
        for _ in range(args.repeat):  # interleaved, round by round
            c, w = _best(lambda data=data: i18n._Catalogue(data), args.number, 1)
            lean_cpu.append(c)
            lean_wall.append(w)
            c, w = _best(lambda data=data: gettext.GNUTranslations(io.BytesIO(data)), args.number, 1)
            std_cpu.append(c)
            std_wall.append(w)
        count = len(gettext.GNUTranslations(io.BytesIO(data))._catalog) - 1
        print(
            f"{lang:6} {count:7} {len(data) / 1024:6.0f} {min(lean_cpu):9.3f} {min(lean_wall):10.3f} "
            f"{min(std_cpu):12.3f} {min(std_wall):13.3f}"
        )
    from ouderbetrokkenheid.cli import build_parser

    catalogue = i18n._Catalogue(
        (Path(i18n._LOCALE) / "nl" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").read_bytes()
    )
    texts = [action.help for action in build_parser()._actions if action.help]
    print(f"\n{len(texts)} lookups of the top-level help texts (nl), lean reader:", end=" ")

    def look() -> None:
        for text in texts:
            with contextlib.suppress(KeyError):
                catalogue.gettext(text)

    cpu, wall = _best(look, args.number, args.repeat)
    print(f"{cpu:.4f} ms cpu, {wall:.4f} ms wall")


if __name__ == "__main__":
    main()
