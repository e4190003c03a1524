"""The demo's JASP update report: a paper frozen for the panel's next meeting, a fortnight
ahead, so `make run` shows one in the list (the worker renders its PDF once it starts)."""

import datetime

from django.utils import timezone

from dashboards.models import UpdateReport
from dashboards.update_reports import update_report_freeze

NEXT_MEETING_IN = datetime.timedelta(days=14)


def load_demo_update_report(users: dict) -> str:
    if UpdateReport.objects.exists():
        return "Already frozen: a JASP update report"
    paper = update_report_freeze(
        meeting_date=timezone.localdate() + NEXT_MEETING_IN, since=None, by=users["opcc"]
    )
    return f"Frozen: {paper} (its PDF renders once the worker starts)"
