"""Article extraction: one page's HTML -> title, main text, publication date and language.

Read top-down from :func:`extract_article` in ``article.py``: it parses the page, reads the
``<meta>`` map and title (``meta.py``), removes chrome (``chrome.py``), takes the main text and
cleans its lines (``chrome_lines.py``), and finally the publication date (``dates.py``).
"""

from __future__ import annotations

from crawler.extract.article import Extracted, ExtractionSettings, extract_article

__all__ = ["Extracted", "ExtractionSettings", "extract_article"]
