from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "responses"
    verbose_name = "Section 55 responses"

    def ready(self):
        from core.pdf_fetcher import allow_static

        from .pdf import STYLESHEET

        allow_static(STYLESHEET)
        follow_the_register()
        report_figures()


def follow_the_register() -> None:
    """The response opens with its report and follows its title, date and items (following.py)."""
    from inspections import hooks

    from . import following, services

    hooks.report_recorded.connect(services.response_open_for_report)
    hooks.report_changed.connect(following.response_report_changed)
    hooks.item_added.connect(following.response_for_new_item)
    hooks.item_changed.connect(following.response_item_changed)
    hooks.items_changed.connect(following.response_items_changed)
    hooks.report_withdrawal_changed.connect(following.response_report_withdrawal_changed)


def report_figures() -> None:
    """The figures /metrics reports for the responses (health.metrics)."""
    import datetime

    from django.utils import timezone

    from core.jobs import JobState
    from health.metrics import register_gauge

    from .models import RenderJob, Response

    def failed_today() -> int:
        since = timezone.now() - datetime.timedelta(days=1)
        return RenderJob.objects.filter(state=JobState.FAILED, finished_at__gte=since).count()

    register_gauge(
        "pccresponse_render_jobs_waiting",
        "PDF renders waiting for a worker",
        lambda: RenderJob.objects.filter(state=JobState.QUEUED).count(),
    )
    register_gauge(
        "pccresponse_render_jobs_failed_last_day",
        "PDF renders failed in the last day",
        failed_today,
    )
    register_gauge(
        "pccresponse_responses_overdue",
        "Section 55 responses past their deadline and unpublished",
        lambda: Response.objects.overdue(timezone.localdate()).count(),
    )
