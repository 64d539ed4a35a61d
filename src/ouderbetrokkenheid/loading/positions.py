"""Find the line and column of a JSON pointer in YAML or JSON text. Used only to report problems,
so it favours simplicity over speed."""

import json
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
