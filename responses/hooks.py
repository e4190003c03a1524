"""What a section 55 response tells the apps that follow it: the reminders are planned again
whenever its dates or state change. reminders connects its receiver in its AppConfig.ready()."""

from core.hooks import Hook

#: response=: the response's dates or state changed.
response_changed = Hook("response changed")
