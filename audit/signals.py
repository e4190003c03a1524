"""Sign-in, failed sign-in and sign-out, from Django's auth signals (whatever view signs in),
and lockouts from django-axes's."""

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import signals
from django.utils import timezone

from .models import AuditEntry, AuditKind
from .services import record

USERNAME_MAX = 150


def signed_in(sender, request, user, **kwargs):
    record(AuditKind.SIGN_IN, request=request, actor=user, username=user.get_username())


def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked anything that looks secret in `credentials`; only the name
    # tried is kept, never a password.
    username = str(credentials.get("username", ""))[:USERNAME_MAX]
    record(AuditKind.SIGN_IN_FAILED, request=request, actor_label=username, username=username)


def signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(AuditKind.SIGN_OUT, request=request, actor=user, username=user.get_username())


def locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    # axes sends this for every refused try during the cool-off too: those are failed
    # sign-ins already, so a lockout is recorded once per cool-off, when it begins.
    name = str(username or "")[:USERNAME_MAX]
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    already = AuditEntry.objects.filter(
        kind=AuditKind.LOCKOUT, actor_label=name, remote_addr=ip_address, created_at__gte=since
    )
    if not already.exists():
        record(AuditKind.LOCKOUT, request=request, actor_label=name, username=name)


def listen_to_sign_ins() -> None:
    signals.user_logged_in.connect(signed_in, dispatch_uid="audit_signed_in")
    signals.user_login_failed.connect(sign_in_failed, dispatch_uid="audit_sign_in_failed")
    signals.user_logged_out.connect(signed_out, dispatch_uid="audit_signed_out")
    user_locked_out.connect(locked_out, dispatch_uid="audit_locked_out")
