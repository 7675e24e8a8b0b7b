"""Hidden addresses: the placeholder a CDN's email protection writes for an address.

A page served through an email-protecting CDN shows every address as a link reading
"[email protected]" (its class ``__cf_email__``, its link into ``/cdn-cgi/l/email-protection``)
until a script decodes it. The placeholder is no text of the page: its element goes, its tail
stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_PLACEHOLDER_XPATH = etree.XPath(
    "/descendant::*[contains(@class, '__cf_email__')"
    " or contains(@href, '/cdn-cgi/l/email-protection')]"
)


def drop_hidden_emails(root: HtmlElement, html: str) -> None:
    """Remove, in place, the placeholders of protected addresses (``html``: the page's source,
    which names the protection when it has any)."""
    if "email-protection" in html or "__cf_email__" in html:
        for element in _PLACEHOLDER_XPATH(root):
            element.drop_tree()
