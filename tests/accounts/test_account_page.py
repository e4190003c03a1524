"""The account page: who you are signed in as and what your role lets you do."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def test_it_shows_the_dcc_their_name_and_what_their_role_allows(client, dcc):
    client.force_login(dcc)
    page = client.get(reverse("account")).content.decode()
    assert dcc.get_full_name() in page
    assert "rachel@example.org" in page
    assert (
        "Deputy Chief Constable</strong>: As force staff, and signs off or returns actions." in page
    )


def test_the_jasp_member_reads_that_they_change_nothing(client, jasp):
    client.force_login(jasp)
    page = client.get(reverse("account")).content.decode()
    assert "JASP member</strong>: Reads the register" in page
    assert "Deputy Chief Constable</strong>" not in page


def test_the_name_in_the_navigation_leads_to_the_account_page(client, jasp):
    client.force_login(jasp)
    page = client.get(reverse("inspections:report_list")).content.decode()
    assert f'href="{reverse("account")}"' in page


def test_it_reads_nothing_but_the_session_the_user_and_their_roles(client, jasp):
    client.force_login(jasp)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("account")).status_code == 200
    tables = [q["sql"].split(" FROM ")[1].split()[0] for q in captured if " FROM " in q["sql"]]
    # ...and whether a second factor is set up, which the page says.
    assert tables == ['"django_session"', '"auth_user"', '"auth_group"', '"mfa_authenticator"']
