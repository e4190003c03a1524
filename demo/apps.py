from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo office: its register, responses, users and JASP paper, loaded through the real
    services by `manage.py load_demo`. It sits above every other app and none imports it."""

    name = "demo"
    verbose_name = "Demo data"
