"""The NCPI 2019 response, as the response page tests meet it."""

import pytest

from responses.models import Response


@pytest.fixture
def ncpi(ncpi_report):
    return Response.objects.get(report=ncpi_report)
