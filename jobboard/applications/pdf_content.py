"""What a resume PDF may not carry: script, actions that start programs or send data, embedded files.

A recruiter opens hundreds of resumes on a booth laptop; such a PDF is refused (with a message saying how
to make a plain one) rather than stored. Every object the document reaches from its trailer is read,
compressed object streams included, with names decoded by pypdf (``/J#61vaScript`` is ``/JavaScript``).
"""

from __future__ import annotations

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

# Keys whose presence alone means active content or attachments.
ACTIVE_KEYS = frozenset({"/JavaScript", "/JS", "/EmbeddedFiles", "/EF", "/RichMedia", "/XFA"})
# Kinds of action (``/S``) that run something or reach outside the document.
ACTIVE_ACTIONS = frozenset(
    {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/RichMediaExecute", "/GoToE", "/Rendition"}
)
MAX_OBJECTS = 200_000  # a resume has hundreds; a file built to exhaust the walk is refused as well


class ActiveContent(Exception):
    """The PDF carries ``what``."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def refuse_active_content(reader: PdfReader) -> None:
    """Raises ``ActiveContent`` for the first script, action or attachment found."""
    seen: set[tuple[int, int]] = set()
    pending: list[PdfObject] = [reader.trailer]
    visited = 0
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            resolved = item.get_object()
            if resolved is None:  # a reference to nothing: pypdf reads it as null, so does a viewer
                continue
            item = resolved
        visited += 1
        if visited > MAX_OBJECTS:
            raise ActiveContent("too many objects")
        if isinstance(item, DictionaryObject):
            found = ACTIVE_KEYS.intersection(item.keys())
            if found:
                raise ActiveContent(min(found))
            if item.get("/S") in ACTIVE_ACTIONS or item.get("/Type") == "/EmbeddedFile":
                raise ActiveContent(str(item.get("/S") or item.get("/Type")))
            pending.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, ArrayObject):
            pending.extend(item)
