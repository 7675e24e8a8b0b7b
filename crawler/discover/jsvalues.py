"""Read JavaScript literals (objects, arrays, strings, numbers) out of a page's inline script.

Enough of the language to read the arguments of an ``$.ajax({...})`` or ``fetch(url, {...})``
call: quoted or bare keys, single, double or back-quoted strings, trailing commas,
``JSON.stringify(x)`` and ``new URLSearchParams(x)`` wrappers. Anything else (a variable, an
expression) reads as :data:`UNKNOWN`, skipped up to the next comma or closing bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)+", re.DOTALL)
_NAME = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_WORDS = {"true": True, "false": False, "null": None, "undefined": None}
_CLOSERS = {"(": ")", "[": "]", "{": "}"}


class _Unknown:
    """A value the script computes: a variable or an expression."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


@dataclass(frozen=True)
class Wrapped:
    """A literal passed through ``JSON.stringify`` (json) or ``URLSearchParams`` (form)."""

    how: str
    value: Any


def read_arguments(text: str, start: int) -> list[Any]:
    """The arguments of the call whose ``(`` is at ``start``; [] when they cannot be read."""
    try:
        values, _ = _sequence(text, start + 1, ")")
    except (IndexError, ValueError):
        return []
    return values


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _value(text: str, at: int) -> tuple[Any, int]:
    at = _skip(text, at)
    char = text[at]
    if char == "{":
        return _object(text, at + 1)
    if char == "[":
        return _sequence(text, at + 1, "]")
    if char in "'\"`":
        return _string(text, at)
    number = _NUMBER.match(text, at)
    if number:
        literal = number.group()
        return _after(text, float(literal) if "." in literal else int(literal), number.end())
    return _named(text, at)


def _named(text: str, at: int) -> tuple[Any, int]:
    name = _NAME.match(text, at)
    if name is None:
        return UNKNOWN, _expression_end(text, at)
    word, end = name.group(), _skip(text, name.end())
    if word in _WORDS:
        return _after(text, _WORDS[word], end)
    if word == "new":
        return _named(text, end)
    wrapper = {"JSON.stringify": "json", "URLSearchParams": "form", "qs.stringify": "form"}
    if word in wrapper and text[end] == "(":
        inner, close = _sequence(text, end + 1, ")")
        value = Wrapped(wrapper[word], inner[0]) if inner else UNKNOWN
        return _after(text, value, close)
    return UNKNOWN, _expression_end(text, at)


def _after(text: str, value: Any, at: int) -> tuple[Any, int]:
    """``value`` when the expression ends at ``at``; UNKNOWN when it goes on (``'a' + b``)."""
    end = _skip(text, at)
    if text[end] in ",)]}":
        return value, end
    return UNKNOWN, _expression_end(text, end)


def _string(text: str, at: int) -> tuple[Any, int]:
    quote, out, index = text[at], [], at + 1
    while text[index] != quote:
        if text[index] == "\\":
            index += 1
            out.append({"n": "\n", "t": "\t"}.get(text[index], text[index]))
        else:
            out.append(text[index])
        index += 1
    value = "".join(out)
    if quote == "`" and "${" in value:
        return UNKNOWN, _expression_end(text, index + 1)
    return _after(text, value, index + 1)


def _object(text: str, at: int) -> tuple[dict[str, Any], int]:
    found: dict[str, Any] = {}
    at = _skip(text, at)
    while text[at] != "}":
        key, at = _key(text, at)
        at = _skip(text, at)
        if text[at] == ":":
            found[key], at = _value(text, at + 1)
        else:
            found[key] = UNKNOWN  # shorthand { page }
        at = _skip(text, at)
        if text[at] == ",":
            at = _skip(text, at + 1)
    return found, at + 1


def _key(text: str, at: int) -> tuple[str, int]:
    if text[at] in "'\"":
        value, end = _string(text, at)
        return str(value), end
    name = _NAME.match(text, at) or _NUMBER.match(text, at)
    if name is None:
        raise ValueError(f"no object key at {at}")
    return name.group(), name.end()


def _sequence(text: str, at: int, closer: str) -> tuple[list[Any], int]:
    values: list[Any] = []
    at = _skip(text, at)
    while text[at] != closer:
        value, at = _value(text, at)
        values.append(value)
        at = _skip(text, at)
        if text[at] == ",":
            at = _skip(text, at + 1)
        elif text[at] != closer:
            raise ValueError(f"unexpected {text[at]!r} at {at}")
    return values, at + 1


def _expression_end(text: str, at: int) -> int:
    """Where an unread expression ends: the next comma or closer at its own depth."""
    depth, index = 0, at
    while True:
        char = text[index]
        if char in "'\"`":
            index = _string_end(text, index)
            continue
        if char in _CLOSERS:
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return index
            depth -= 1
        elif char == "," and depth == 0:
            return index
        index += 1


def _string_end(text: str, at: int) -> int:
    quote, index = text[at], at + 1
    while text[index] != quote:
        index += 2 if text[index] == "\\" else 1
    return index + 1
