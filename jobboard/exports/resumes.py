"""One ZIP of a company's resumes, named 公司-岗位-姓名.pdf, streamed as it is written.

``zipfile`` writes to an unseekable sink (it then puts each entry's sizes in a data descriptor after
the data), and every piece it writes is handed on at once: memory holds one 64 KB piece, the disk
holds nothing, and the first bytes leave before the last file is read.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

from jobboard.applications.resumes import ResumeStore
from jobboard.exports.cells import FairClock
from jobboard.exports.rows import ApplicantRow
from jobboard.exports.writers import CHUNK_BYTES, Batches, Tally

# Characters that Windows, macOS or Linux refuse in a file name, and every control character.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_SPACES = re.compile(r"\s+")
_PART_CHARS = {"company": 60, "job": 60, "name": 40}
_MAX_NAME_BYTES = 240  # most file systems allow 255 bytes per name; leave room for a -NN suffix


class _Sink:
    """A write-only, unseekable file for ``zipfile``: it collects bytes until they are taken."""

    def __init__(self) -> None:
        self._data = bytearray()

    def write(self, data: bytes) -> int:
        self._data += data
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:  # part of the file protocol zipfile asks for; the bytes are taken, not closed
        pass

    def take(self) -> bytes:
        data = bytes(self._data)
        self._data.clear()
        return data


def name_part(text: str, kind: str) -> str:
    """One part of an entry name, safe on every file system: no separators, no control characters."""
    cleaned = _SPACES.sub(" ", unicodedata.normalize("NFC", text))  # line breaks and tabs become spaces
    cleaned = _UNSAFE.sub("_", cleaned).strip(" ._")
    return cleaned[: _PART_CHARS[kind]].rstrip(" .") or "_"


def entry_name(company: str, job: str, person: str) -> str:
    stem = "-".join((name_part(company, "company"), name_part(job, "job"), name_part(person, "name")))
    while len(stem.encode("utf-8")) > _MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + ".pdf"


class EntryNames:
    """Hands out 公司-岗位-姓名.pdf, with -2, -3 … when a name (compared case-insensitively) is taken."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def next(self, company: str, job: str, person: str) -> str:
        name = entry_name(company, job, person)
        stem, candidate, number = name[: -len(".pdf")], name, 1
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{stem}-{number}.pdf"
        self._taken.add(candidate.casefold())
        return candidate


def zip_chunks(batches: Batches, resumes: ResumeStore, tally: Tally) -> Iterator[bytes]:
    """The archive as byte chunks; a resume whose file is gone is left out, counted in ``tally.missing``."""
    sink = _Sink()
    names = EntryNames()
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        for row in (ApplicantRow._make(values) for batch in batches for values in batch):
            source = _resume_path(resumes, row.resume_key)
            if source is None:
                tally.missing += 1
                continue
            info = _entry_info(names.next(row.company, row.job_title, row.name), row, source)
            yield from _copy_into(archive, info, source, sink)
            tally.rows += 1
    yield sink.take()


def _resume_path(resumes: ResumeStore, key: str) -> Path | None:
    try:
        path = resumes.path(key)
    except ValueError:
        return None
    return path if path.is_file() else None


def _entry_info(name: str, row: ApplicantRow, source: Path) -> zipfile.ZipInfo:
    """The entry carries the time the person applied, at the fair."""
    moment = FairClock().text(row.created_at)
    year, month, day = (int(part) for part in moment[:10].split("-"))
    hour, minute = (int(part) for part in moment[11:16].split(":"))
    info = zipfile.ZipInfo(name, date_time=(max(year, 1980), month, day, hour, minute, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size = source.stat().st_size
    return info


def _copy_into(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: Path, sink: _Sink) -> Iterator[bytes]:
    with source.open("rb") as reader, archive.open(info, mode="w") as writer:
        while piece := reader.read(CHUNK_BYTES):
            writer.write(piece)
            if data := sink.take():
                yield data
    if data := sink.take():
        yield data
