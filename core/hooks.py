"""Named hooks: how an app tells the apps that depend on it that something happened, without
importing them.

A lower app declares a hook and calls it with keyword arguments; an app above it connects a
receiver in its AppConfig.ready(). Unlike a Django signal, a receiver's exception reaches the
caller and undoes its transaction: a response that cannot follow its report must refuse the
change, not be skipped. A hook marked `required` refuses to run with no receiver, so a missing
app is a loud configuration error, not a silently lost duty.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

Receiver = Callable[..., Any]


class Hook:
    def __init__(self, name: str, *, required: bool = False) -> None:
        self.name = name
        self.required = required
        self._receivers: list[Receiver] = []

    def connect(self, receiver: Receiver) -> Receiver:
        """Add `receiver` once (connecting again, as a reloaded ready() does, changes nothing)."""
        if receiver not in self._receivers:
            self._receivers.append(receiver)
        return receiver

    @property
    def receivers(self) -> tuple[Receiver, ...]:
        return tuple(self._receivers)

    def __call__(self, **kwargs: Any) -> None:
        if self.required and not self._receivers:
            raise ImproperlyConfigured(f"Nothing is connected to the '{self.name}' hook.")
        for receiver in self._receivers:
            receiver(**kwargs)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._receivers)} receiver(s)>"
