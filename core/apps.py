from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares and none owns: errors, optimistic locking, form and view bases,
    background jobs, PDF rendering, hooks between apps, the site's address and people's names.
    It imports no other app of this project (the import-linter contract in pyproject.toml)."""

    name = "core"
    verbose_name = "Core"
