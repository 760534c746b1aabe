"""What a person reads on a page, and in which language the page says it is written."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

PO_FILE = (
    Path(__file__).resolve().parents[2] / "jobboard" / "translations" / "zh" / "LC_MESSAGES" / "messages.po"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")
RAW_DATA = {"code", "samp", "kbd"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sd]")


@dataclass(frozen=True)
class Chunk:
    text: str
    lang: str  # the nearest lang attribute, e.g. "zh-CN" or "en"; "raw" inside <code> or translate="no"
    where: str  # the element (and attribute) it came from


class PageText(HTMLParser):
    """Collects text nodes and the attributes people read (placeholders, labels, meta descriptions)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.chunks: list[Chunk] = []
        self.json_ld: list[object] = []
        self._script_type: str | None = None

    @property
    def lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        lang = attributes.get("lang") or self.lang
        if tag in RAW_DATA or attributes.get("translate") == "no":
            lang = "raw"  # codes, file names, machine values: marked as not for translation
        for name in READ_ATTRIBUTES:
            if attributes.get(name):
                self.chunks.append(Chunk(attributes[name], lang, f"{tag}[{name}]"))
        if tag == "meta" and (
            attributes.get("name") == "description"
            or attributes.get("property", "") in ("og:title", "og:description", "og:site_name")
        ):
            self.chunks.append(
                Chunk(
                    attributes.get("content", ""),
                    lang,
                    f"meta[{attributes.get('name') or attributes.get('property')}]",
                )
            )
        if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
            self.chunks.append(Chunk(attributes["value"], lang, "input[value]"))
        if tag == "script":
            self._script_type = attributes.get("type", "text/javascript")
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_type = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if self._script_type is not None:
            if self._script_type == "application/ld+json":
                self.json_ld.append(json.loads(data))
            return
        if self.stack and self.stack[-1][0] == "style":
            return
        if data.strip():
            where = "/".join(tag for tag, _ in self.stack[-3:])
            self.chunks.append(Chunk(" ".join(data.split()), self.lang, where))


def page_text(html: str) -> PageText:
    parser = PageText()
    parser.feed(html)
    parser.close()
    return parser


def html_lang(html: str) -> str | None:
    match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", html)
    return match.group(1) if match else None


def catalogue() -> dict[str, str]:
    """English msgid (singular) → Chinese msgstr, for every entry of the Chinese catalogue."""
    with PO_FILE.open("rb") as source:
        entries = read_po(source, locale="zh")
    result = {}
    for message in entries:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        msgstr = message.string[0] if isinstance(message.string, tuple) else message.string
        result[msgid] = msgstr or ""
    return result


def literal_parts(message: str) -> list[str]:
    """The fixed text of a message around its placeholders, e.g. 'Booth %(booth)s' → ['Booth']."""
    return [part.strip() for part in PLACEHOLDER.split(message) if part.strip()]
