"""The objects the URLs name: one of each kind, in each state a URL needs (the `world` fixture,
in conftest.py, builds it)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from dashboards.models import UpdateReport
from dashboards.update_reports import store_pdf, update_report_freeze
from imports.models import ImportJob
from inspections import services as inspection_services
from inspections.models import Action, Evidence, Item, Report
from responses import services as response_services
from responses.choices import ResponseStatus
from responses.models import PublishedVersion, RenderJob, Response
from responses.publication import response_send
from responses.rendering import attach_published_pdf
from tests.factories import ItemFactory, ReportFactory

from .routes import Route, access_rule
from .table import ACCESS, ADMIN_SITE, CALENDAR_FEED, SIGN_IN_PAGES, Access


@dataclass
class World:
    report: Report
    item: Item
    action: Action  # in progress, with a progress update and a file as evidence
    pending_action: Action  # submitted for sign-off
    evidence: Evidence
    response: Response  # the report's, not started
    invited_response: Response  # the Chief Constable invited to comment
    drafted_response: Response  # complete, drafting: ready to submit
    submitted_response: Response  # submitted for the PCC's approval
    approved_response: Response  # approved, to be published
    opcc_staff: object  # a user who may own a response
    sent_response: Response  # published (its PDF stored) and sent once
    published_version: PublishedVersion  # the sent response's
    failed_job: RenderJob  # a draft preview whose render failed
    done_job: RenderJob  # a draft preview with its PDF
    failed_paper: UpdateReport  # a JASP update report whose PDF failed to render
    done_paper: UpdateReport  # a JASP update report with its PDF
    import_job: ImportJob  # pasted text read, its items waiting in the preview
    withdrawn_report: Report  # withdrawn by OPCC staff, to be restored
    withdrawn_item: Item  # an item of `report`, withdrawn, to be restored

    def url(self, name: str) -> str:
        rule = ACCESS[name]
        if rule.obj is None:
            return reverse(name)
        return reverse(name, kwargs={"pk": getattr(self, rule.obj).pk})

    def params(self, route: Route) -> dict[str, object]:
        rule = access_rule(route)
        if isinstance(rule, Access):
            return {"pk": getattr(self, rule.obj).pk} if rule.obj else {}
        if rule == ADMIN_SITE:
            return self.admin_params(route)
        if rule == CALENDAR_FEED:
            return {"token": "not-a-token-anyone-was-given-0123456789"}
        if rule == SIGN_IN_PAGES:
            # Keys no one was sent, a provider not configured, a passkey that is not there.
            return {"key": "not-a-key", "uidb36": "zz", "provider_id": "nowhere", "pk": 999999}
        return {}

    def admin_params(self, route: Route) -> dict[str, object]:
        """admin/<app>/<model>/...: a real row of that model; other admin URLs: the report."""
        found = re.match(r"admin/(\w+)/(\w+)/", route.route)
        try:
            model = apps.get_model(*found.groups()) if found else Report
        except LookupError:  # admin/password_change/done/ is not a model's page
            model = Report
        obj = model._default_manager.order_by("pk").first()
        # A model the world has no row of (the sign-in libraries' records): any id will do.
        pk = obj.pk if obj is not None else 999999
        params = {
            "object_id": pk,
            "id": pk,
            "content_type_id": ContentType.objects.get_for_model(model).pk,
            "app_label": "inspections",
            "url": "no-such-page/",
        }
        if hasattr(model, "history") and obj is not None:
            params["history_id"] = model.history.filter(id=obj.pk).first().history_id
        return params


def publication_objects(people: dict) -> dict:
    """A response published and sent through the services, and two draft-preview renders. The
    worker's part (rendering) is stood in for by storing small files: the walk checks who may
    reach them, not what they hold."""
    response = moved_to(ResponseStatus.APPROVED, people)
    version = response_services.response_publish(
        response=response,
        by=people["opcc"],
        expected_version=response.lock_version,
        on=timezone.localdate(),  # approved just now: publication cannot precede it
    )
    stand_in = b"%PDF-1.7 stand-in"
    attach_published_pdf(version_id=version.pk, data=stand_in)
    response_send(response=response, by=people["opcc"])
    preview = {"response": response, "purpose": "preview", "requested_by": people["opcc"]}
    now = timezone.now()
    failed = RenderJob.objects.create(
        source_html="<p>x</p>", state="failed", error="It broke.", finished_at=now, **preview
    )
    done = RenderJob(source_html="<p>x</p>", state="done", finished_at=now, **preview)
    done.pdf.save("preview.pdf", ContentFile(stand_in))
    return {
        "sent_response": Response.objects.get(pk=response.pk),
        "published_version": PublishedVersion.objects.get(pk=version.pk),
        "failed_job": failed,
        "done_job": done,
    }


def update_report_objects(opcc_staff) -> dict:
    """Two JASP update reports frozen through the service: one whose render failed, one with a
    stand-in PDF stored as the worker would."""
    meeting = timezone.localdate() + timedelta(days=7)
    failed = update_report_freeze(meeting_date=meeting, since=None, by=opcc_staff)
    UpdateReport.objects.filter(pk=failed.pk).update(
        state="failed", error="It broke.", finished_at=timezone.now()
    )
    done = update_report_freeze(meeting_date=meeting, since=None, by=opcc_staff)
    store_pdf(done, b"%PDF-1.7 stand-in", 1)
    return {"failed_paper": failed, "done_paper": done}


def withdrawn_objects(report: Report, opcc_staff) -> dict:
    """A report of its own and an item of `report`, each withdrawn through the services."""
    withdrawn_report = inspection_services.report_withdraw(
        report=ReportFactory(), by=opcc_staff, reason="Recorded twice."
    )
    withdrawn_item = inspection_services.item_withdraw(
        item=ItemFactory(report=report, reference="9.9"), by=opcc_staff, reason="Not in the report."
    )
    return {"withdrawn_report": withdrawn_report, "withdrawn_item": withdrawn_item}


def moved_to(status: ResponseStatus, people: dict) -> Response:
    """A response (to a report of its own, with no items) moved by the services to `status`."""
    response = Response.objects.get(report=ReportFactory())
    steps = [
        lambda r: response_services.response_invite_chief_constable(
            response=r,
            by=people["opcc"],
            invited_on=date(2020, 3, 2),
            cc_due_on=date(2020, 3, 26),
            expected_version=r.lock_version,
        ),
        lambda r: response_services.response_record_cc_comments(
            response=r,
            by=people["force"],
            received_on=date(2020, 3, 20),
            comments="The force welcomes the report.",
            expected_version=r.lock_version,
        ),
        lambda r: response_services.response_save_draft(
            response=r,
            by=people["opcc"],
            expected_version=r.lock_version,
            letter={
                "letter_date": date(2020, 4, 20),
                "pcc_comments": "I welcome this report.",
                "pcc_comments_on_cc": "I support the Chief Constable's comments.",
            },
            annex={},
        ),
        lambda r: response_services.response_submit_for_approval(
            response=r, by=people["opcc"], expected_version=r.lock_version
        ),
        lambda r: response_services.response_approve(
            response=r, by=people["pcc"], expected_version=r.lock_version
        ),
    ]
    for step in steps:
        response = step(response)
        if response.status == status:
            break
    assert response.status == status
    return response
