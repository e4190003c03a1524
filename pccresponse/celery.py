"""The Celery application: JSON only, tasks found in each app's tasks.py."""

import os

from celery import Celery

from health.celery_steps import WorkerHeartbeat

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pccresponse.settings.local")

app = Celery("pccresponse")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Each worker tells /readyz it is alive (a bootstep on the worker's own timer).
app.steps["worker"].add(WorkerHeartbeat)
