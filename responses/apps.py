from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "responses"
    verbose_name = "Section 55 responses"

    def ready(self):
        from core.pdf_fetcher import allow_static

        from .pdf import STYLESHEET

        allow_static(STYLESHEET)
        follow_the_register()


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
