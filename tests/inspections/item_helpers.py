"""What the report and item service tests share: a recommendation's fields and the messages a
refusal gives for one field."""

from django.core.exceptions import ValidationError

from inspections.choices import Addressee, ItemKind

RECOMMENDATION = {
    "kind": ItemKind.RECOMMENDATION,
    "reference": "3.3",
    "text": "Chief constables should review how they respond to missing children.",
    "addressee": Addressee.ALL_CHIEF_CONSTABLES,
}


def messages_for(error: ValidationError, field: str) -> list[str]:
    return error.message_dict.get(field, [])
