"""Local-only login for the demo users, whose stored passwords are unusable everywhere."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend

from .demo import DEMO_PASSWORD, DEMO_USERNAMES


class DemoLoginBackend(BaseBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not getattr(settings, "DEMO_LOGINS_ENABLED", False):
            return None
        if username not in DEMO_USERNAMES or password != DEMO_PASSWORD:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        return user

    def get_user(self, user_id):
        return get_user_model().objects.filter(pk=user_id, is_active=True).first()
