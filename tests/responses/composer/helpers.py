"""What the composer tests share: a script that must never survive a save, a signed-in
client, and the form the composer posts, built from what is stored."""

import re

from django.test import Client
from django.urls import reverse

from responses.models import Response

SCRIPT = "<script>alert('stolen')</script>"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def compose_url(response) -> str:
    return reverse("responses:compose", args=[response.pk])


def composer_post(response, *, lock_version=None, annex=None, **letter) -> dict:
    """What the composer posts, starting from what is stored, with `letter` and `annex`
    ({reference: {field: value}}) changed."""
    response = Response.objects.get(pk=response.pk)
    data = {
        "lock_version": response.lock_version if lock_version is None else lock_version,
        "letter_date": "2020-04-20",
        "addressee": response.addressee,
        "copy_to": response.copy_to,
        "subject": response.subject,
        "opening": response.opening,
        "pcc_comments": response.pcc_comments,
        "cc_comments": response.cc_comments,
        "cc_no_comments_reason": response.cc_no_comments_reason,
        "pcc_comments_on_cc": response.pcc_comments_on_cc,
        "monitoring": response.monitoring,
    }
    data.update(letter)
    entries = list(response.annex.select_related("item"))
    data.update({"annex-TOTAL_FORMS": len(entries), "annex-INITIAL_FORMS": len(entries)})
    for index, entry in enumerate(entries):
        values = {
            "entry": entry.pk,
            "explanation": entry.explanation,
            "text": entry.text,
            "owner": entry.owner,
            "target_date": entry.target_date.isoformat() if entry.target_date else "",
        }
        if entry.included:
            values["included"] = "on"
        values.update((annex or {}).get(entry.item.reference, {}))
        if values.get("included") is False:
            del values["included"]
        data.update({f"annex-{index}-{name}": value for name, value in values.items()})
    return data


def hidden_lock_version(page) -> int:
    match = re.search(r'name="lock_version" value="(\d+)"', page.content.decode())
    return int(match.group(1))
