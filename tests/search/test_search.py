"""Search across reports, items and actions: what it finds, in what order, for whom, and cost."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inspections.choices import ItemKind
from search.selectors import KINDS, _contains
from tests.factories import ActionFactory, ItemFactory, ReportFactory, UserFactory

URL = reverse("search:results")
NUMBERS = itertools.count()


def search(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


def found(response, kind: str) -> list:
    group = next(g for g in response.context["groups"] if g.kind.key == kind)
    return group.results


@pytest.fixture
def reader(client, jasp):
    client.force_login(jasp)
    return client


def test_it_finds_a_report_by_a_word_of_its_title(reader):
    wanted = ReportFactory(title="Custody services in Nottinghamshire")
    ReportFactory(title="PEEL 2021/22")

    assert found(search(reader, "custody"), "reports") == [wanted]


def test_it_finds_an_item_by_its_reference_or_its_text(reader):
    afi = ItemFactory(
        kind=ItemKind.AREA_FOR_IMPROVEMENT, reference="AFI 2", text="Supervision of investigations."
    )
    rec = ItemFactory(reference="3.3", text="Chief constables should record missing children.")

    assert found(search(reader, "AFI 2"), "items") == [afi]
    assert found(search(reader, "3.3"), "items") == [rec]
    assert found(search(reader, "missing children"), "items") == [rec]


def test_it_finds_an_action_by_its_owner_or_its_description(reader, force_officer):
    by_user = ActionFactory(owner_user=force_officer, owner_name="", description="Train staff.")
    by_team = ActionFactory(owner_name="Public Protection", description="Audit the MASH referrals.")

    assert found(search(reader, force_officer.last_name), "actions") == [by_user]
    assert found(search(reader, "public protection"), "actions") == [by_team]
    assert found(search(reader, "MASH referrals"), "actions") == [by_team]


def test_it_matches_other_forms_of_a_word(reader):
    report = ReportFactory(title="Joint inspection of child protection arrangements")

    assert found(search(reader, "inspections protecting"), "reports") == [report]


def test_it_puts_a_match_in_the_title_before_a_match_in_the_summary(reader):
    in_summary = ReportFactory(title="Annual assessment", summary="Mentions vetting once.")
    in_title = ReportFactory(title="Vetting, misconduct and misogyny", summary="A thematic.")

    assert found(search(reader, "vetting"), "reports") == [in_title, in_summary]


def test_it_takes_web_search_syntax(reader):
    custody = ReportFactory(title="Custody inspection")
    ReportFactory(title="Fraud inspection")

    assert found(search(reader, "inspection -fraud"), "reports") == [custody]


def test_it_shows_twenty_of_each_kind_and_links_to_the_rest(reader):
    for n in range(25):
        ReportFactory(title=f"PEEL inspection {n}", published_on=datetime.date(2022, 1, 1))

    first = search(reader, "peel")
    every = search(reader, "peel", type="reports")

    assert len(found(first, "reports")) == 20
    assert "Reports: 25 found" in first.content.decode()
    assert f"{URL}?q=peel&amp;type=reports" in first.content.decode()
    assert every.context["paginator"].count == 25
    assert len(every.context["page_obj"].object_list) == 25


def test_each_result_links_to_its_page(reader):
    action = ActionFactory(description="Refresh the stalking protocol.")

    page = search(reader, "stalking").content.decode()

    assert f'href="{action.get_absolute_url()}"' in page


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("", "Type words from a report"),
        ("   ", "Type words from a report"),
        ("x" * 201, "Searches are limited to 200 characters"),
        ("custody&type=nonsense", "There is no such kind of result"),
    ],
)
def test_an_empty_or_overlong_search_says_so(reader, q, message):
    q, _, kind = q.partition("&type=")
    response = search(reader, q, type=kind)

    assert message in response.content.decode()
    assert "groups" not in response.context


@pytest.mark.parametrize("q", ["!!!", "'", '"unclosed', "-", "a & | b", "AFI 2 OR", "\\"])
def test_odd_punctuation_finds_nothing_rather_than_failing(reader, q):
    ReportFactory(title="Custody")

    response = search(reader, q)

    assert [g.count for g in response.context["groups"]] == [0, 0, 0]


def test_every_role_may_search_and_an_outsider_may_not(client, personas):
    for name, user in personas.items():
        client.force_login(user)
        # The administrator manages people and reads no register.
        expected = 403 if name in ("outsider", "administrator") else 200
        assert client.get(URL, {"q": "custody"}).status_code == expected, name


def test_the_nav_offers_the_search_box_to_readers_only(client, jasp, outsider):
    client.force_login(jasp)
    assert 'role="search"' in client.get(reverse("inspections:report_list")).content.decode()
    client.force_login(outsider)
    assert 'role="search"' not in client.get(reverse("public:list")).content.decode()


def test_a_search_costs_the_same_with_5_or_50_matches_of_each_kind(reader):
    owner = UserFactory(last_name="Stalker")

    def add(n):
        for _ in range(n):
            report = ReportFactory(title=f"Stalking inspection {next(NUMBERS)}")
            item = ItemFactory(report=report, text="Stalking protection orders.")
            ActionFactory(item=item, owner_user=owner, description="Stalking training.")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            search(reader, "stalking")
        return len(captured)

    add(5)
    search(reader, "stalking")
    at_5 = queries()
    add(45)
    at_50 = queries()
    print(f"search: {at_5} queries at 5 matches of each kind, {at_50} at 50")

    assert at_5 == at_50
    assert [g.count for g in search(reader, "stalking").context["groups"]] == [50, 50, 50]


def test_the_fallback_without_postgresql_needs_every_word_somewhere(db, force_officer):
    both = ActionFactory(owner_user=force_officer, owner_name="", description="Audit referrals.")
    ActionFactory(owner_name="Public Protection", description="Audit the MASH.")

    found_ = list(_contains(KINDS["actions"], f"audit {force_officer.username}"))

    assert found_ == [both]
