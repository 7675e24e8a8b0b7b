"""Article extraction: one page's HTML -> title, main text, publication date and language.

Read top-down from :func:`extract_article` in ``article.py``: it parses the page
(``parsing.py``), reads the ``<meta>`` map (``meta.py``) and the title (``title.py``), removes
hidden elements and chrome (``hidden.py``, ``chrome.py``), takes the main text (``passes.py``,
with the blocks of it a pass dropped put back by ``recover.py``) and cleans its lines
(``chrome_lines.py``, then the steps ``article.py`` lists in ``_trimmed``), tells an article
from a listing (``kind.py``), and finally finds the publication date (``dates.py``).
"""

from __future__ import annotations

from crawler.extract.article import Extracted, ExtractionSettings, extract_article

__all__ = ["Extracted", "ExtractionSettings", "extract_article"]
