"""One "due soon" window, settings.DUE_SOON_DAYS, in every figure, list, heading and badge."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from inspections.choices import Rag
from tests.factories import ActionFactory

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2026, 6, 1, 12, 0), tick=False)
def test_the_window_follows_the_setting_everywhere(client, settings, dcc, item):
    settings.DUE_SOON_DAYS = 10
    near = ActionFactory(item=item, target_date=TODAY + datetime.timedelta(days=9))
    far = ActionFactory(item=item, target_date=TODAY + datetime.timedelta(days=11))
    client.force_login(dcc)

    dashboard = client.get(reverse("dashboards:dcc")).content.decode()
    jasp = client.get(reverse("dashboards:jasp")).content.decode()
    listed = client.get(reverse("dashboards:actions"), {"due": "soon"}).context["actions"]

    assert "Due in the next 10 days" in dashboard and "Due in 10 days" in dashboard
    assert "Deadlines in the next 10 days" in jasp
    assert [action.pk for action in listed] == [near.pk]
    assert near.rag(TODAY) == Rag.AMBER
    assert far.rag(TODAY) == Rag.GREEN
