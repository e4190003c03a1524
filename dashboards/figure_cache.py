"""The dashboards' figures, cached until the register changes.

At national scale the figures take hundreds of milliseconds of aggregate queries, and nearly
every view of a dashboard finds the register as the last one left it. So each set of figures is
cached under the register's current *version*, a random token that every save or delete of a
model of the register's apps (inspections, responses, and auth for the owners' names) replaces:
at once, and again when the transaction commits. A reader who computed figures in between, from
data not yet committed, stored them under a version that the commit has already replaced, so no
one reads them. A rolled-back write only costs a recomputation.

Writes that send no signal (a queryset .update(), bulk_create, raw SQL) are not seen. The
services' own .update() calls run in transactions that also save a watched model, whose commit
replaces the version; anything else is bounded by TIMEOUT. If the cache cannot be reached the
figures are computed as if nothing were cached: a dashboard never fails for want of Redis.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import transaction

log = logging.getLogger(__name__)

VERSION_KEY = "dashboards:register-version"
#: The longest any cached figures live, whatever happens.
TIMEOUT = 600
WATCHED_APPS = frozenset({"inspections", "responses", "auth"})


def cached(name: str, compute, *parts):
    """compute(), or what it returned for the same name, parts and register version."""
    try:
        version = cache.get(VERSION_KEY) or _new_version()
        key = ":".join(["dashboards", name, version, *map(str, parts)])
        found = cache.get(key)
    except Exception as error:  # redis-py's ConnectionError, TimeoutError, ...
        log.warning("dashboard cache unavailable, computing the figures: %s", error)
        return compute()
    if found is None:
        found = compute()
        _quietly(cache.set, key, found, TIMEOUT)
    return found


def _new_version() -> str:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    return version


def _quietly(operation, *args) -> None:
    try:
        operation(*args)
    except Exception as error:
        log.warning("dashboard cache unavailable: %s", error)


def register_changed() -> None:
    """Replace the version now, and again once the current transaction commits."""
    _quietly(_new_version)
    transaction.on_commit(lambda: _quietly(_new_version))


def on_model_written(sender, **kwargs) -> None:
    """post_save and post_delete: a row of the register's apps changed."""
    if sender._meta.app_label not in WATCHED_APPS:
        return
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # signing in changes no figure
    register_changed()
