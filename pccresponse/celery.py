"""The Celery application: JSON only, tasks found in each app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pccresponse.settings.local")

app = Celery("pccresponse")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
