"""The PCC can send back an approved response that is not yet published, from its page."""

from django.urls import reverse

from responses.choices import ResponseStatus
from responses.models import Response


def test_the_pcc_is_offered_and_can_use_return_for_changes_on_an_approved_response(
    response_in, pcc, client
):
    response = response_in(ResponseStatus.APPROVED)
    client.force_login(pcc)
    url = reverse("responses:approve", args=[response.pk])

    detail = client.get(response.get_absolute_url()).text
    assert "Return for changes" in detail
    form = client.get(url)
    assert [value for value, _ in form.context["form"].fields["decision"].choices] == ["return"]

    client.post(
        url,
        {
            "decision": "return",
            "comments": "A recommendation was recorded after approval.",
            "lock_version": response.lock_version,
        },
    )

    stored = Response.objects.get(pk=response.pk)
    assert stored.status == ResponseStatus.DRAFTING
    assert stored.approved_by is None
    assert stored.returned_comments == "A recommendation was recorded after approval."


def test_approving_an_already_approved_response_is_refused_and_changes_nothing(
    response_in, pcc, client
):
    response = response_in(ResponseStatus.APPROVED)
    client.force_login(pcc)

    refused = client.post(
        reverse("responses:approve", args=[response.pk]),
        {"decision": "approve", "comments": "", "lock_version": response.lock_version},
    )

    assert refused.status_code == 200
    assert Response.objects.get(pk=response.pk).lock_version == response.lock_version


def test_nobody_else_is_offered_the_return(response_in, opcc_staff, jasp, client):
    response = response_in(ResponseStatus.APPROVED)
    for user in (opcc_staff, jasp):
        client.force_login(user)
        assert "Return for changes" not in client.get(response.get_absolute_url()).text
