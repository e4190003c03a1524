"""Scale-out on real processes: two gunicorn servers on their own ports, two Celery workers and
one beat, sharing one PostgreSQL and one Redis, all started here. Work asked for through either
server is done exactly once; what one server saves the other shows at once; a session made on
one works on the other; and a second beat, running alongside the first for a minute, sends no
reminder twice (decision 0015, docs/deploy.md)."""

import datetime
import threading
import time

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core.jobs import JobState
from dashboards.models import UpdateReport
from inspections.models import Item
from reminders.choices import DigestState
from reminders.models import Delivery, Digest
from responses.choices import ResponseStatus
from responses.models import Office, PublishedVersion, RenderJob
from tests.access.world import moved_to
from tests.dashboards.pages import read, table
from tests.factories import ReportFactory
from tests.reminders.due import due_reminders
from tests.reminders.processes import SmtpSink, free_port, wait_until

from .cluster import Browser, Cluster

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("role_groups"),
]

REMINDERS = 40
SECOND_BEAT_SECONDS = 60
ALL_ITEMS = "All recommendations and AFIs"


@pytest.fixture
def cluster(tmp_path):
    db = connection.settings_dict
    redis_port = free_port()
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.reminders.fault_settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "REMINDERS_SCAN_SECONDS": "1",
        "REMINDERS_LEASE_SECONDS": "3",
    }
    with SmtpSink() as sink, Cluster(tmp_path, env) as processes:
        processes.sink = sink
        processes.env["REMINDERS_SMTP_PORT"] = str(sink.port)
        processes.start_redis(redis_port)
        for name in ("web1", "web2"):
            processes.start_server(name)
        for name in ("worker1", "worker2"):
            processes.start_worker(name)
        processes.start_beat("beat1")
        processes.wait_for_servers()
        yield processes


def publish_form(response) -> dict:
    return {
        "published_on": timezone.localdate().isoformat(),
        "late_reason": "",
        "lock_version": response.lock_version,
    }


def all_at_once(*calls) -> list:
    """Run the calls in threads released together; their answers, in order."""
    gate, answers = threading.Barrier(len(calls)), [None] * len(calls)

    def run(n, call):
        gate.wait()
        answers[n] = call()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def jasp_item_count(browser, base) -> int:
    """The JASP dashboard's count of every recommendation and AFI, as that server shows it."""
    page = read(browser.get(base, reverse("dashboards:jasp")))
    return table(page, ALL_ITEMS)["All"][0]


def owners_sent() -> int:
    """Digests sent to the owners of the due reminders (tests.reminders.due)."""
    sent = Digest.objects.filter(state=DigestState.SENT, recipient__username__startswith="owner")
    return sent.count()


def wait_for_jobs(processes, model, count: int) -> None:
    try:
        wait_until(
            lambda: model.objects.filter(state=JobState.DONE).count() >= count,
            180,
            f"{count} {model.__name__} renders",
            every=0.5,
        )
    except TimeoutError as error:
        pytest.fail(f"{error}\n{processes.logs()}")


def test_two_servers_two_workers_one_beat_and_a_second_beat(cluster, personas, signatory):
    Office.objects.create(name="Office of the Police and Crime Commissioner", address="Nottingham")
    people = {"opcc": personas["opcc_staff"], "force": personas["dcc"], "pcc": personas["pcc"]}
    approved = [moved_to(ResponseStatus.APPROVED, people) for _ in range(3)]
    due_reminders(REMINDERS)
    web1, web2 = cluster.servers["web1"], cluster.servers["web2"]
    second_beat_started = time.monotonic()
    cluster.start_beat("beat2")

    office = Browser()
    office.sign_in(web1, "olivia")
    # The session made on web1 is good on web2: sessions are rows in the shared database.
    assert office.get(web2, reverse("account")).status_code == 200

    # One publication through each server, and a third posted to both at the same moment.
    path = lambda response: reverse("responses:publish", args=[response.pk])  # noqa: E731
    assert office.post(web1, path(approved[0]), publish_form(approved[0])).status_code == 302
    assert office.post(web2, path(approved[1]), publish_form(approved[1])).status_code == 302
    both = all_at_once(
        lambda: office.post(web1, path(approved[2]), publish_form(approved[2])),
        lambda: office.post(web2, path(approved[2]), publish_form(approved[2])),
    )
    assert sorted(answer.status_code for answer in both) == [200, 302]  # one told of the clash
    # A JASP paper through each server.
    for base, days in ((web1, 14), (web2, 28)):
        meeting = timezone.localdate() + datetime.timedelta(days=days)
        paper = {"meeting_date": meeting.isoformat(), "since": ""}
        assert office.post(base, reverse("dashboards:update_reports"), paper).status_code == 302

    # What one server saves, the other's dashboard shows on the next visit (a shared cache).
    before = jasp_item_count(office, web2)
    report = ReportFactory(response=None)
    item = {
        "kind": "afi",
        "reference": "AFI 1",
        "text": "The force should act.",
        "addressee": "this_force",
        "addressee_other": "",
        "action_required": "",
        "action_required_reason": "",
        "hmicfrs_deadline": "",
        "cause_of_concern": "",
        "position": "",
    }
    created = office.post(web1, reverse("inspections:item_create", args=[report.pk]), item)
    assert created.status_code == 302, created.text[:500]
    assert Item.objects.filter(report=report).count() == 1
    assert jasp_item_count(office, web2) == before + 1

    wait_for_jobs(cluster, RenderJob, 3)
    wait_for_jobs(cluster, UpdateReport, 2)
    try:
        wait_until(
            lambda: owners_sent() == REMINDERS,
            120,
            "every due reminder's digest to be sent",
            every=0.5,
        )
    except TimeoutError as error:
        pytest.fail(f"{error}: {owners_sent()} sent\n{cluster.logs()}")
    # Both beats keep scanning for the rest of the minute; they must send nothing more.
    time.sleep(max(0.0, SECOND_BEAT_SECONDS - (time.monotonic() - second_beat_started)))

    for response in approved:
        version = PublishedVersion.objects.get(response=response)  # one version each
        job = RenderJob.objects.get(version=version)  # one render each
        assert (job.state, version.pdf_sha256 != "") == (JobState.DONE, True)
    papers = UpdateReport.objects.all()
    assert [paper.state for paper in papers] == [JobState.DONE, JobState.DONE]
    assert all(paper.pdf_sha256 for paper in papers)
    received = cluster.sink.message_ids
    sent = set(Digest.objects.filter(state=DigestState.SENT).values_list("message_id", flat=True))
    print(
        f"\nscale-out: 2 servers, 2 workers, 2 beats for {SECOND_BEAT_SECONDS} s; "
        f"{RenderJob.objects.count()} publication renders for 3 publications, "
        f"{papers.count()} JASP papers, {len(received)} reminder emails for {len(sent)} digests "
        f"sent, {len(received) - len(set(received))} repeated"
    )
    assert len(received) == len(set(received))  # no email twice
    assert set(received) == sent  # and every digest sent arrived
    # One delivery per reminder and person, whichever beat planned it.
    pairs = Delivery.objects.values_list("reminder_id", "recipient_id")
    assert len(pairs) == len(set(pairs)) >= REMINDERS
