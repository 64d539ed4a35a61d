"""Text for a terminal: control characters shown escaped, never obeyed.

Content comes from packs, responses and file names that anyone may have written. An escape sequence
in a title (``ESC ]0;...`` retitles the terminal, ``ESC [2J`` clears it) must be shown, not run.
Line feeds and tabs are kept (the command line's own layout uses them); every other control
character (C0, DEL, C1) is written as ``\\xHH``.
"""

#: Control characters that are written escaped: C0 but line feed and tab, DEL, and C1.
_CONTROLS = [*range(0x20), *range(0x7F, 0xA0)]
_ESCAPES = {code: f"\\x{code:02x}" for code in _CONTROLS if chr(code) not in "\n\t"}
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def terminal_safe(text: str) -> str:
    """*text* with every control character but line feed and tab written as ``\\xHH``.

    >>> from ouderbetrokkenheid import terminal_safe
    >>> terminal_safe("Titel\\x1b]0;pwned\\x07 ok\\n")
    'Titel\\\\x1b]0;pwned\\\\x07 ok\\n'
    """
    return text.translate(_ESCAPES)


def json_terminal_safe(text: str) -> str:
    """JSON text (from :func:`json.dumps`, which escapes C0 itself) with DEL and C1 escaped as
    ``\\u00HH`` too: the same JSON value, safe on a terminal."""
    return text.translate(_JSON_ESCAPES)
