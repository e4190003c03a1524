"""The register's services tell the apps that follow it: the section 55 response (created with
its report, deadline moved with its date, annex kept in step with its items) and the reminders
(planned again on each change). Both apps depend on this one, so they are imported on first
use."""


class _ResponsesHooks:
    """The section 55 response follows its report (created with it, deadline moved with its
    date, annex grown with its items). Imported on first use: responses depends on this app."""

    def __getattr__(self, name):
        from responses import services

        return getattr(services, name)


responses = _ResponsesHooks()


class _RemindersHooks:
    """An action's reminders follow its target date and status (planned again on each change).
    Imported on first use: reminders depends on this app."""

    def __getattr__(self, name):
        from reminders import services

        return getattr(services, name)


reminders = _RemindersHooks()
