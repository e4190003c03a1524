from django.core.exceptions import ValidationError


class IncompleteResponse(ValidationError):
    """The completeness gate refused: `missing` lists every part still needed."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(
            ["This response is not complete. Still needed:", *missing], code="incomplete"
        )
