"""Compile the CSS selectors and JMESPath expressions of a config at load time."""

from __future__ import annotations

import jmespath
from cssselect import SelectorError
from jmespath.exceptions import JMESPathError
from parsel.csstranslator import css2xpath


def css_selector(value: str) -> str:
    """``value`` if it compiles as a CSS selector, else ValueError saying why."""
    try:
        css2xpath(value)
    except SelectorError as exc:
        raise ValueError(f"{value!r} is not a valid CSS selector ({exc}); fix it") from None
    return value


def jmespath_expression(value: str) -> str:
    """``value`` if it compiles as a JMESPath expression, else ValueError saying why."""
    try:
        jmespath.compile(value)
    except JMESPathError as exc:
        message = str(exc).splitlines()[0].rstrip(":").removesuffix(", for expression")
        raise ValueError(f"{value!r} is not a valid JMESPath expression ({message})") from None
    return value
