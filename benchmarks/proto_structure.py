"""Prototype for the lead: structuring without cattrs' per-field dispatch, compared with the library's.

    python benchmarks/proto_structure.py                   # 10,000 resources, 5 rounds
    python benchmarks/proto_structure.py --size 100000 --packs /tmp/obpacks

For schema-validated input, a per-class function can be generated once from the attrs fields and call
the class directly: ``o['id']`` for a required scalar, ``o.get('year')`` for an optional one,
``tuple(v)`` for ``tuple[str, ...]``, a list comprehension for tuples of records, ``LocalizedText(v)``
for texts. No hook is called per scalar field. This script builds such functions (:func:`structure_fn`),
checks that they build objects equal to ``ouderbetrokkenheid.converter.structurer``'s for every record of
a generated pack, and times both (CPU time, gc paused as ``load_pack`` pauses it). Not used by the
library; a measurement and a starting point.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import statistics
import sys
import tempfile
import time
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_CACHE: dict[type, Callable[[Any], Any]] = {}
_SCALARS = (str, int, bool)


def _optional_inner(annotation: Any) -> Any | None:
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(annotation)) == 2:
            return args[0]
    return None


def _expr(annotation: Any, value: str, ns: dict[str, Any]) -> str:
    """A Python expression that builds *annotation* from the expression *value*."""
    from ouderbetrokkenheid.model import LocalizedText

    origin = typing.get_origin(annotation)
    if annotation in _SCALARS or annotation is typing.Any:
        return value
    if annotation is float:
        return f"float({value})"
    if annotation is LocalizedText:
        ns["LocalizedText"] = LocalizedText
        return f"LocalizedText({value})"
    if annotation is datetime.date:
        ns["_date"] = datetime.date.fromisoformat
        return f"_date({value})"
    if isinstance(annotation, type) and attrs.has(annotation):
        name = f"_s_{annotation.__name__}"
        ns[name] = structure_fn(annotation)
        return f"{name}({value})"
    if origin is tuple:
        item = typing.get_args(annotation)[0]
        inner = _expr(item, "_e", ns)
        return f"tuple({value})" if inner == "_e" else f"tuple([{inner} for _e in {value}])"
    if origin is dict:
        inner = _expr(typing.get_args(annotation)[1], "_x", ns)
        return f"dict({value})" if inner == "_x" else f"{{_k: {inner} for _k, _x in {value}.items()}}"
    raise TypeError(f"no rule for {annotation!r}")


def structure_fn(cls: type) -> Callable[[Any], Any]:
    """A generated function ``dict -> cls`` for validated data (built once per class)."""
    if cls in _CACHE:
        return _CACHE[cls]
    hints = typing.get_type_hints(cls)
    ns: dict[str, Any] = {"_cls": cls}
    pre: list[str] = []
    args: list[str] = []
    for field in attrs.fields(cls):
        key, annotation = field.name, hints[field.name]
        alias = field.alias or field.name
        inner = _optional_inner(annotation)
        if inner is not None:
            expr = _expr(inner, "_v", ns)
            if expr == "_v":
                args.append(f"{alias}=o.get({key!r})")
            else:
                pre += [f"    _v = o.get({key!r})", f"    _{key} = None if _v is None else {expr}"]
                args.append(f"{alias}=_{key}")
        elif field.default is attrs.NOTHING:
            args.append(f"{alias}={_expr(annotation, f'o[{key!r}]', ns)}")
        else:
            ns[f"_d_{key}"] = field.default
            expr = _expr(annotation, "_v", ns)
            if expr == "_v":
                args.append(f"{alias}=o.get({key!r}, _d_{key})")
            else:
                pre += [f"    _v = o.get({key!r})", f"    _{key} = _d_{key} if _v is None else {expr}"]
                args.append(f"{alias}=_{key}")
    source = "\n".join([f"def structure_{cls.__name__}(o):", *pre, f"    return _cls({', '.join(args)})", ""])
    exec(compile(source, f"<generated structure {cls.__name__}>", "exec"), ns)
    function: Callable[[Any], Any] = ns[f"structure_{cls.__name__}"]
    function.__doc__ = source
    _CACHE[cls] = function
    return function


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--packs", metavar="DIR", help="keep the generated packs in DIR and reuse them")
    parser.add_argument("--show", action="store_true", help="print the generated function for Resource")
    args = parser.parse_args(argv)

    import orjson
    from packgen import data_files, ensure_pack

    from ouderbetrokkenheid.converter import structurer
    from ouderbetrokkenheid.model import Framework, Resource

    with tempfile.TemporaryDirectory(prefix="ob-proto-") as tmp:
        folder = ensure_pack(Path(args.packs) if args.packs else Path(tmp), args.size, "json")
        documents = [orjson.loads(path.read_bytes()) for path in data_files(folder)[1]]
    records = [r for d in documents for r in d.get("resources", ())]
    frameworks = [r for d in documents for r in d.get("frameworks", ())]
    ours, generated = structurer(Resource), structure_fn(Resource)
    if args.show:
        print(generated.__doc__)
    if any(generated(r) != ours(r) for r in records) or any(
        structure_fn(Framework)(r) != structurer(Framework)(r) for r in frameworks
    ):
        raise SystemExit("the generated structurer builds different objects")
    times: dict[str, list[float]] = {"library (cattrs hooks)": [], "generated": []}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(args.rounds):
            for name, build in (("library (cattrs hooks)", ours), ("generated", generated)):
                start = time.process_time()
                built = [build(r) for r in records]
                times[name].append(time.process_time() - start)
                del built
    finally:
        if enabled:
            gc.enable()
    print(f"structure {len(records):,} resources (CPU time, gc paused), {args.rounds} rounds:")
    for name, values in times.items():
        print(
            f"  {name:24} median {statistics.median(values) * 1000:8.1f} ms  best {min(values) * 1000:8.1f} ms"
            f"  ({statistics.median(values) / len(records) * 1e6:.1f} µs/record)"
        )
    ratio = statistics.median(times["library (cattrs hooks)"]) / statistics.median(times["generated"])
    print(f"  library / generated: {ratio:.2f}x (objects checked equal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
