"""Withdraw, never delete: a wrongly recorded report or item is withdrawn with a reason and can be
restored. The default managers (`objects`) leave withdrawn rows out, with everything under them,
so the register, the figures, search, exports, reminders and the gate never see them;
`all_objects` sees everything. Foreign keys still reach a withdrawn row (`_base_manager`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .querysets import ActionQuerySet, ItemQuerySet


class InRegisterManager(models.Manager):
    """Related managers (report.items, item.actions) subclass the default manager and build it
    with no arguments, so each model's withdrawn paths are a class attribute."""

    withdrawn_paths: tuple[str, ...] = ()

    def get_queryset(self):
        lookups = {f"{path}__isnull": True for path in self.withdrawn_paths}
        return super().get_queryset().filter(**lookups)


class EveryRowManager(models.Manager):
    """`all_objects`: withdrawn rows too (the admin, the withdrawn list, restoring)."""


class ReportManager(InRegisterManager):
    withdrawn_paths = ("withdrawn_at",)


# Named at module level, so the type checker's Django plugin can see the queryset's methods.
ItemsInRegister = InRegisterManager.from_queryset(ItemQuerySet)
ActionsInRegister = InRegisterManager.from_queryset(ActionQuerySet)


class ItemManager(ItemsInRegister):
    withdrawn_paths = ("withdrawn_at", "report__withdrawn_at")


class ActionManager(ActionsInRegister):
    withdrawn_paths = ("item__withdrawn_at", "item__report__withdrawn_at")


class Withdrawable(models.Model):
    withdrawn_at = models.DateTimeField("withdrawn", null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="withdrawn by",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    withdrawal_reason = models.TextField("reason for withdrawal", blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


def withdrawn_has_reason(name: str) -> models.CheckConstraint:
    """In the register: no withdrawal fields; withdrawn: who, when and why, all three."""
    in_register = Q(withdrawn_at__isnull=True, withdrawn_by__isnull=True, withdrawal_reason="")
    withdrawn = Q(withdrawn_at__isnull=False, withdrawn_by__isnull=False) & ~Q(withdrawal_reason="")
    return models.CheckConstraint(condition=in_register | withdrawn, name=name)


#: The condition of the unique constraints: a withdrawn row does not block a corrected one.
NOT_WITHDRAWN = Q(withdrawn_at__isnull=True)
