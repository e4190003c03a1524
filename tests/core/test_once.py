"""Nothing twice: a form posted twice (a double click, a retry, two posts racing) acts once."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from inspections.models import ProgressUpdate


def rendered_key(client, url: str) -> str:
    page = client.get(url).content.decode()
    return re.search(r'name="submission_key" value="([0-9a-f-]{36})"', page).group(1)


@pytest.mark.django_db
def test_a_second_post_of_one_form_changes_nothing_and_lands_where_the_first_did(
    client, action, force_officer
):
    client.force_login(force_officer)
    url = reverse("inspections:update_create", args=[action.pk])
    form = {
        "text": "Training delivered to 40 officers.",
        "submission_key": rendered_key(client, url),
    }

    first = client.post(url, form)
    second = client.post(url, form, follow=True)

    assert ProgressUpdate.objects.filter(action=action).count() == 1
    assert second.redirect_chain[0][0] == first.url == action.get_absolute_url()
    assert "nothing was saved twice" in second.content.decode()


@pytest.mark.django_db
def test_each_render_of_the_form_is_its_own_submission(client, action, force_officer):
    client.force_login(force_officer)
    url = reverse("inspections:update_create", args=[action.pk])

    for _ in range(2):
        client.post(url, {"text": "Another week.", "submission_key": rendered_key(client, url)})

    assert ProgressUpdate.objects.filter(action=action).count() == 2


@pytest.mark.django_db
def test_a_refused_post_leaves_its_key_free_for_the_corrected_one(client, action, force_officer):
    client.force_login(force_officer)
    url = reverse("inspections:update_create", args=[action.pk])
    key = rendered_key(client, url)

    refused = client.post(url, {"text": "   ", "submission_key": key})
    corrected = client.post(url, {"text": "Now with words.", "submission_key": key})

    assert refused.status_code == 200 and corrected.status_code == 302
    assert ProgressUpdate.objects.filter(action=action).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("role_groups")  # a transactional test's flush removed the migration's
def test_two_posts_racing_create_one_update(action, force_officer):
    url = reverse("inspections:update_create", args=[action.pk])
    browser = Client()
    browser.force_login(force_officer)
    form = {"text": "Posted twice at once.", "submission_key": rendered_key(browser, url)}
    start = threading.Barrier(2)
    codes = []

    def post():
        racer = Client()
        racer.force_login(force_officer)
        start.wait()
        try:
            codes.append(racer.post(url, form).status_code)
        finally:
            connection.close()

    racers = [threading.Thread(target=post) for _ in range(2)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()

    assert codes == [302, 302]
    assert ProgressUpdate.objects.filter(action=action).count() == 1
