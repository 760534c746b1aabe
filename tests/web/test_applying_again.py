"""No dead ends around one's own application: the apply page of a job already applied for, withdrawing
(asked first, said what it means) and the job page afterwards."""

from __future__ import annotations

from tests.web.conftest import Fair

EN = {"Accept-Language": "en"}


def test_the_apply_page_of_a_job_applied_for_links_to_my_applications_instead_of_the_form(fair: Fair) -> None:
    page = fair.seeker.get(f"/jobs/{fair.job_id}/apply")
    assert page.status_code == 200
    assert "已投递" in page.text and 'href="/me/applications"' in page.text
    assert 'name="resume"' not in page.text  # no form to send a second time
    assert "Already applied" in fair.seeker.get(f"/jobs/{fair.job_id}/apply", headers=EN).text


def test_the_apply_page_still_offers_the_form_to_someone_who_has_not_applied(fair: Fair, visitor) -> None:
    person = visitor()
    person.register_seeker("new@example.cn")
    page = person.get(f"/jobs/{fair.job_id}/apply")
    assert 'name="resume"' in page.text and "已投递" not in page.text


def test_withdrawing_is_asked_first_on_a_page_that_says_what_it_means(fair: Fair) -> None:
    mine = fair.seeker.get("/me/applications").text
    confirm_url = f"/me/applications/{fair.application_id}/withdraw"
    assert f'href="{confirm_url}"' in mine  # a link to the question, not a one-tap form
    assert f'action="{confirm_url}"' not in mine
    page = fair.seeker.get(confirm_url, headers=EN)
    assert page.status_code == 200
    assert "will no longer see your application" in page.text
    assert "You cannot apply for this job again." in page.text
    assert f'<form method="post" action="{confirm_url}"' in page.text  # works without a script
    assert 'href="/me/applications"' in page.text  # and a way to keep it


def test_the_withdrawal_page_says_it_is_too_late_once_withdrawn(fair: Fair) -> None:
    fair.seeker.post(f"/me/applications/{fair.application_id}/withdraw")
    page = fair.seeker.get(f"/me/applications/{fair.application_id}/withdraw", headers=EN)
    assert "can no longer be withdrawn" in page.text and 'method="post"' not in page.text.split("<main")[-1]


def test_another_persons_application_has_no_withdrawal_page(fair: Fair, visitor) -> None:
    person = visitor()
    person.register_seeker("other@example.cn")
    assert person.get(f"/me/applications/{fair.application_id}/withdraw").status_code == 404


def test_after_withdrawing_the_job_page_says_withdrawn_not_applied(fair: Fair) -> None:
    assert "您已经申请过这个职位" in fair.seeker.get(f"/jobs/{fair.job_id}").text
    fair.seeker.post(f"/me/applications/{fair.application_id}/withdraw")
    page = fair.seeker.get(f"/jobs/{fair.job_id}")
    assert "已撤回" in page.text and "您已经申请过这个职位" not in page.text
    assert "You withdrew your application" in fair.seeker.get(f"/jobs/{fair.job_id}", headers=EN).text
    apply_page = fair.seeker.get(f"/jobs/{fair.job_id}/apply", headers=EN).text
    assert "cannot be sent again" in apply_page and 'name="resume"' not in apply_page
