"""What the register tells the apps that follow it. The section 55 response (responses) is
opened with its report, moves its deadline with the report's date and keeps its annex in step
with the items; the reminders (reminders) are planned again when an action changes. Both apps
depend on this one and connect their receivers in their AppConfig.ready()."""

from core.hooks import Hook

#: report=: a report was recorded; its response must open with it.
report_recorded = Hook("report recorded", required=True)
#: report=, old_title=, old_date=, by=: the report's title or publication date may have changed.
report_changed = Hook("report changed", required=True)
#: item=, by=: an item was added to a report.
item_added = Hook("item added", required=True)
#: item=, before= (its field values before the edit), by=: an item was edited.
item_changed = Hook("item changed", required=True)
#: report=, by=, reason=: items were withdrawn or restored.
items_changed = Hook("items changed", required=True)
#: report=: the report was withdrawn or restored; what follows it is planned again.
report_withdrawal_changed = Hook("report withdrawn or restored")
#: action=: an action's status, owner or target date changed.
action_changed = Hook("action changed")


def field_values(instance) -> dict:
    """The instance's own field values, for a hook's `before`."""
    return {
        field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields
    }
