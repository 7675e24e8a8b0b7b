"""Case-insensitive phrase tests without a case-insensitive search.

A search with ``re.IGNORECASE`` tries its pattern at every character of the text; over a
page's whole text that costs several times more than lower-casing the text once and looking
for the phrases in it. Lower-casing alone is not quite what the search matches: the search
takes "ı" and "İ" for an "i" and "ſ" for an "s", which ``str.lower`` keeps, or makes two
characters. :func:`fold` makes those the letters first, so a lower-case phrase is in the
folded text exactly when a case-insensitive search for it finds it in the text.
"""

from __future__ import annotations

from collections.abc import Iterable

# Characters a case-insensitive search matches to an ASCII letter that str.lower() does not
# make that letter.
_ODD_CASES = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def fold(text: str) -> str:
    """The text in lower case, its odd cases of "i" and "s" made those letters."""
    if not text.isascii():
        for odd, letter in _ODD_CASES:
            if odd in text:
                text = text.replace(odd, letter)
    return text.lower()


def holds_any(folded: str, phrases: Iterable[str]) -> bool:
    """Tell whether a :func:`fold`-ed text holds any of the lower-case ASCII ``phrases``."""
    return any(phrase in folded for phrase in phrases)
