"""Named personas (one per role, plus an outsider with no role) and the objects most tests need."""

import pytest

from accounts.roles import Role

from .factories import ActionFactory, ItemFactory, ReportFactory, UserFactory


@pytest.fixture
def opcc_staff(db):
    return UserFactory(username="olivia", role=Role.OPCC_STAFF)


@pytest.fixture
def pcc(db):
    return UserFactory(username="paddy", role=Role.PCC)


@pytest.fixture
def force_officer(db):
    return UserFactory(username="laura", role=Role.FORCE_STAFF)


@pytest.fixture
def dcc(db):
    return UserFactory(username="rachel", role=Role.DCC)


@pytest.fixture
def jasp(db):
    return UserFactory(username="james", role=Role.JASP)


@pytest.fixture
def outsider(db):
    """Signed in but holding no role: sees nothing."""
    return UserFactory(username="nobody")


@pytest.fixture
def personas(opcc_staff, pcc, force_officer, dcc, jasp, outsider):
    return {
        "opcc_staff": opcc_staff,
        "pcc": pcc,
        "force_officer": force_officer,
        "dcc": dcc,
        "jasp": jasp,
        "outsider": outsider,
    }


@pytest.fixture
def report(db):
    return ReportFactory()


@pytest.fixture
def item(report):
    return ItemFactory(report=report, reference="3.3")


@pytest.fixture
def action(item, force_officer):
    return ActionFactory(item=item, owner_user=force_officer)
