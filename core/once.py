"""Nothing twice: a form that must act once carries a key made when it is rendered; the first
post to use the key claims it (a unique row, in the same transaction as the change), and any
other post with it, even one racing the first, finds it taken and changes nothing.

Two posts in flight at once: the second INSERT waits on the first's unique-index entry and, when
the first commits, fails; if the first is refused (a validation error), its transaction rolls
back, the key is free again, and the second is judged on its own.
"""

import uuid
from typing import Any

from django import forms
from django.db import IntegrityError, transaction

from .models import FormSubmission


class OnceMixin(forms.Form):
    """For forms whose post must act at most once: each render carries a new key. A post with
    no key (a script, not the page's form) is taken as it comes."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)


class AlreadySubmitted(Exception):
    """This form was posted before; `url` is where the first post led."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def claim(key: uuid.UUID) -> FormSubmission:
    """Take the key for this post, inside the caller's transaction; AlreadySubmitted if taken."""
    try:
        with transaction.atomic():
            return FormSubmission.objects.create(key=key)
    except IntegrityError:
        first = FormSubmission.objects.filter(key=key).first()
        raise AlreadySubmitted(first.result_url if first else "") from None


def record_result(submission: FormSubmission, url: Any) -> None:
    FormSubmission.objects.filter(pk=submission.pk).update(result_url=str(url)[:500])
