"""Find the line and column of a JSON pointer in YAML or JSON text. Used only to report problems,
so it favours simplicity over speed, except in large JSON records files: there the place of every
record is found once (:func:`record_spans`) and only the record is read for each problem."""

import json
import re
from typing import Any

_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\r\n"


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def split_pointer(pointer: str) -> list[str]:
    """Split an RFC 6901 pointer into its unescaped parts (``""`` is the whole document)."""
    if not pointer:
        return []
    return [_unescape(part) for part in pointer.lstrip("/").split("/")]


def locate(text: str, fmt: str, pointer: str) -> tuple[int | None, int | None]:
    """Return the 1-based ``(line, column)`` of the value at *pointer*, or of its nearest ancestor that
    exists; ``(None, None)`` when nothing can be found."""
    try:
        if fmt == "json":
            offset = _locate_json(text, split_pointer(pointer))
            line = text.count("\n", 0, offset) + 1
            return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
        return _locate_yaml(text, split_pointer(pointer))
    except (ValueError, RecursionError, IndexError):
        return None, None
    except Exception:
        return None, None


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WHITESPACE:
        i += 1
    return i


def _locate_json(text: str, parts: list[str]) -> int:
    i = _skip_ws(text, 0)
    for part in parts:
        if text[i] == "{":
            i = _skip_ws(text, i + 1)
            while text[i] != "}":
                key, i = _DECODER.raw_decode(text, i)
                i = _skip_ws(text, i)
                i = _skip_ws(text, i + 1)  # the colon
                if key == part:
                    break
                _, i = _DECODER.raw_decode(text, i)
                i = _skip_ws(text, i)
                if text[i] == ",":
                    i = _skip_ws(text, i + 1)
            else:
                return i
        elif text[i] == "[":
            index = int(part)
            i = _skip_ws(text, i + 1)
            for _ in range(index):
                _, i = _DECODER.raw_decode(text, i)
                i = _skip_ws(text, i)
                if text[i] != ",":
                    return i
                i = _skip_ws(text, i + 1)
        else:
            return i
    return i


def _locate_yaml(text: str, parts: list[str]) -> tuple[int | None, int | None]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    node: Any = yaml.compose(text, Loader=loader)
    if node is None:
        return None, None
    for part in parts:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    node = value
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode):
            index = int(part)
            if index >= len(node.value):
                break
            node = node.value[index]
        else:
            break
    return node.start_mark.line + 1, node.start_mark.column + 1


def find_duplicate_key(text: str) -> tuple[int | None, int | None]:
    """Return the 1-based position of the first key that repeats a key of the same YAML mapping."""
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None, None
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if key.value in seen:
                    return key.start_mark.line + 1, key.start_mark.column + 1
                seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None, None


# -- a JSON records file: where each record starts, found in one pass --------------------------------
_KEY_GAP = re.compile(rb'[ \t\r\n]*,?[ \t\r\n]*("(?:[^"\\]|\\.)*")[ \t\r\n]*:[ \t\r\n]*')
_ITEM_GAP = re.compile(rb"[ \t\r\n]*,?[ \t\r\n]*")

#: Where an item of a top-level list is in its file: ``(start, end, line, column)``, the byte offsets
#: of its first byte and past its last, the 1-based line and column of its first character.
Span = tuple[int, int, int, int]


def record_spans(source: bytes) -> dict[str, list[Span]] | None:
    """For a JSON file whose top level is an object: ``{key: [span, ...]}`` giving where each item of
    every top-level list is (:data:`Span`), found in one pass over the file; ``None`` when the file
    cannot be read so (not JSON, not an object, a repeated key). Used to locate the problems of a large
    records file without reading it again for each problem.

    msgspec splits the file into each value's raw text; the scan then walks the gaps between them (only
    white space, commas, keys and colons) and checks that every value is where it is expected.
    """
    import msgspec

    try:
        top = _TOP.decode(source)
    except msgspec.DecodeError:
        return None
    body = source.lstrip(b" \t\r\n")
    if body[:1] != b"{":
        return None
    pos = len(source) - len(body) + 1
    found_items: dict[str, list[tuple[int, int]]] = {}
    for key, value in top.items():
        found = _KEY_GAP.match(source, pos)
        if found is None or json.loads(found[1]) != key:
            return None  # a repeated key: msgspec kept one value, the file has two
        text = memoryview(value)
        begin = found.end()
        if source[begin : begin + text.nbytes] != text:
            return None
        if text[:1] == b"[":
            items = _items(source, begin, _RAW_LIST.decode(text))
            if items is None:
                return None
            found_items[key] = items
        pos = begin + text.nbytes
    spots = sorted(
        (start, end, key, index)
        for key, items in found_items.items()
        for index, (start, end) in enumerate(items)
    )
    spans: dict[str, list[Span]] = {key: [(0, 0, 0, 0)] * len(items) for key, items in found_items.items()}
    line, last = 1, 0
    for start, end, key, index in spots:
        line += source.count(b"\n", last, start)
        last = start
        line_start = source.rfind(b"\n", 0, start) + 1
        column = len(source[line_start:start].decode("utf-8", "replace")) + 1
        spans[key][index] = (start, end, line, column)
    return spans


def _items(source: bytes, begin: int, items: list[Any]) -> list[tuple[int, int]] | None:
    pos, out = begin + 1, []
    for item in items:
        text = memoryview(item)
        found = _ITEM_GAP.match(source, pos)
        start = found.end() if found else pos
        if source[start : start + text.nbytes] != text:
            return None
        out.append((start, start + text.nbytes))
        pos = start + text.nbytes
    return out


def locate_in_span(source: bytes, span: Span, parts: list[str]) -> tuple[int | None, int | None]:
    """The 1-based ``(line, column)`` of the value at *parts* inside the item at *span* (from
    :func:`record_spans`): only that item's text is read."""
    start, end, line, column = span
    try:
        text = source[start:end].decode("utf-8")
        inner = _locate_json(text, parts)
    except (ValueError, RecursionError, IndexError):
        return line, column
    inner_line = text.count("\n", 0, inner)
    if inner_line == 0:
        return line, column + inner
    return line + inner_line, inner - (text.rfind("\n", 0, inner) + 1) + 1


def _decoders() -> tuple[Any, Any]:
    import msgspec

    return msgspec.json.Decoder(dict[str, msgspec.Raw]), msgspec.json.Decoder(list[msgspec.Raw])


_TOP, _RAW_LIST = _decoders()
