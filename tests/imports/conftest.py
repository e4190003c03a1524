import pytest

from inspections.services import report_create
from tests.conftest import NCPI_2019


@pytest.fixture
def recorded_report(opcc_staff):
    """A report recorded through the service, so its section 55 response is open for drafting."""
    return report_create(by=opcc_staff, **NCPI_2019)


#: Recommendations as an office would copy them from the report's web page.
PASTED = """Recommendations
1. By 30 September 2020, chief constables should review how they record children's voices.
2. By 30 September 2020, the Home Office should fund a national missing children protocol.
3. Within six months, the College of Policing should update its guidance on strategy meetings.
"""
