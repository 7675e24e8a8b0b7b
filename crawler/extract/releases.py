"""A newswire release's closing furniture: its contacts, its wire's notes and its end mark.

A press release ends with the issuer's boilerplate ("About Example Studio": the company's own
words, kept), then lines for the journalist rather than the reader: a contact block ("Media
Contact:" and a name, an address, a phone), the wire's "SOURCE Example Studio" and "View
original content to download multimedia: ..." notes, and the "###" that marks the end of the
release. In a release (its dateline, below any list of highlights it opens with, names the
wire: "/PRNewswire/ --", "(GLOBE NEWSWIRE) --", or is a city in capitals and a dash: "WASHINGTON
—"; or an "About ..." paragraph heads its closing boilerplate, the company's legal form
abbreviated or not: "About Example Holdings, Inc.") those go from its last paragraphs, and the
end mark takes all after it; on other pages a contact line may be the page's content.
An end mark closing the text ("###", "-30-", a news agency's "(END)", a government wire's telex
"NNNN") goes from any page, and so do the few lines after one when each is a short contact or
notice line (an agency's media line and its notice that the release is unofficial); in a column
"###" may part its sections, and the prose after it stays.
"""

from __future__ import annotations

import re

# "###", "-30-", "(END)", "NNNN"
_END_MARK_RE = re.compile(r"(?:#\s*){3}|-\s*30\s*-|\(END\)|NNNN")
_AFTER_MARK = 3  # paragraphs after an end mark that go with it from any page
_WIRE_NOTE_RE = re.compile(
    r"(?i)^view (?:original content|source version|the original (?:press )?release)\b"
    r"|^(?-i:SOURCE):? [A-Z0-9][^.!?]{0,80}$"
)
_CONTACT_LABEL_RE = re.compile(
    r"(?i)^(?:(?:media|press|investor|investors|company|agency|pr|ir)\s+)?"
    r"(?:contacts?|inquiries|enquiries|relations)(?: (?:data|details|information|info))?\s*:?$"
    r"|^(?:media|press|investors?)\s*:|^for (?:more|further) information,?(?: please)? contact\b"
)
# A wire named in a dateline: "/PRNewswire/", "(GLOBE NEWSWIRE)", "--(BUSINESS WIRE)--".
_WIRE_RE = re.compile(r"(?i)[/(]\s*[a-z][\w .-]{0,20}wire\s*[/)]")
# A release's dateline: its city in capitals and a dash ("WASHINGTON —", "SAN MATEO, Calif. --").
_DATELINE_RE = re.compile(r"[A-Z][A-Z .'-]{2,30}(?:, [A-Z][\w.]{1,12}\.?)?\s*(?:—|–|--)\s")
_ABOUT_RE = re.compile(r"About [A-Z0-9][^.!?\n]{0,80}")
# A company's legal form, abbreviated ("About Example Holdings, Inc."): its dot ends no sentence.
_LEGAL_FORM_RE = re.compile(r"\b(Inc|Ltd|Corp|Co|Plc|PLC|LLC|Bhd|S\.A|N\.V|L\.P)\.")
_DATELINE = 2  # the dateline stands in one of the text's first this many paragraphs ...
_ITEM = "- "  # ... after the list of highlights a release may open with (its items' lines)
_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\(?\d[\d ().-]{7,}\d")
_CLOSING = 8  # the furniture sits among the text's last this many paragraphs
_MAX_CONTACT = 300  # a longer paragraph is prose
_DETAIL = 80  # a contact block's detail lines after its lone label are shorter than this
# A notice after an end mark: "Media contact ...", "Source: ...", "This is an unofficial
# announcement of Commission action."
# "Photo sources: ...", "This is an unofficial announcement of Commission action."
_NOTICE_RE = re.compile(
    r"(?i)(?:media|press|investor)s?(?: relations)?\s*(?:contacts?\b|:)"
    r"|(?:(?:photo|image)s? )?(?:sources?|credits?)\s*:"
    r"|this is an? (?:(?:un)?official )?(?:announcement|release|notice|statement)\b"
)
_NOTICE = 160  # a longer line after an end mark naming a phone or an email is prose
_MAX_NOTICE = 400  # a longer line after an end mark is prose, however it starts


def drop_release_tail(paras: list[str]) -> list[str]:
    """The paragraphs less a release's contact blocks, wire notes and end mark among the last
    few (never all of them)."""
    paras = _before_end_mark(paras)
    start = max(len(paras) - _CLOSING, 0)
    if not _is_release(paras, start):
        return paras
    kept = paras[:start]
    details = False  # after a lone contact label: its name, phone and address lines
    for para in paras[start:]:
        line = para.strip()
        if _END_MARK_RE.fullmatch(line):
            break
        if details and len(line) < _DETAIL:
            continue
        details = False
        if _WIRE_NOTE_RE.search(line):
            continue
        if len(line) < _MAX_CONTACT and _CONTACT_LABEL_RE.search(line.split("\n", 1)[0]):
            if _CONTACT_RE.search(line):
                continue
            if "\n" not in line:
                details = True
                continue
        kept.append(para)
    return kept or paras


def _before_end_mark(paras: list[str]) -> list[str]:
    """The paragraphs before an end mark among the last few (not the first paragraph), the
    end marks closing them dropped too. The lines after a mark go with it in a release, or when
    each is a short contact or notice line; otherwise only a mark closing the text goes (a
    column's "###" parts its sections)."""
    release = _is_release(paras, max(len(paras) - _CLOSING, 0))
    for at in range(len(paras) - 1, max(len(paras) - _AFTER_MARK - 2, 0), -1):
        if _END_MARK_RE.fullmatch(paras[at].strip()):
            if release or all(_is_notice(para) for para in paras[at + 1 :]):
                return _before_end_mark(paras[:at])
            return paras
    return paras


def _is_notice(para: str) -> bool:
    """Tell whether a line after an end mark is a short contact or notice line: an email, a
    phone number, a contact label, a wire's note, "This is an unofficial announcement ..."."""
    line = para.strip()
    if len(line) < _NOTICE and _CONTACT_RE.search(line):
        return True
    return len(line) < _MAX_NOTICE and bool(
        _CONTACT_LABEL_RE.search(line.split("\n", 1)[0])
        or _WIRE_NOTE_RE.search(line)
        or _NOTICE_RE.match(line)
    )


def _is_release(paras: list[str], closing: int) -> bool:
    """Tell whether the text is a release: its dateline names a wire or is a city in capitals
    and a dash (after the highlights it may open with), or an "About ..." paragraph stands
    among its last few."""
    opening = [para for para in paras[: _DATELINE + _CLOSING] if not para.startswith(_ITEM)]
    return any(
        _WIRE_RE.search(para) or _DATELINE_RE.match(para) for para in opening[:_DATELINE]
    ) or any(
        _ABOUT_RE.fullmatch(_LEGAL_FORM_RE.sub(r"\1", para.strip())) for para in paras[closing:]
    )
