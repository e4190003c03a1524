"""factory_boy factories. Objects that carry state are built through the services in the tests
that care about the state; these give valid starting rows.

A report is never without its section 55 response: ReportFactory opens it as
inspections.services.report_create does, through the report_recorded hook (which
responses.services.response_open_for_report answers). `ReportFactory(response=None)` makes a
report without one, for a test that writes its response rows itself. ItemFactory and
ActionFactory write their rows directly and call no hook, so a response's annex does not follow
an ItemFactory item: where the annex matters, record items with inspections.services.item_create."""

import datetime

import factory
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from inspections import hooks
from inspections.choices import ActionStatus, Addressee, ItemKind, ReportType, Scope
from inspections.models import Action, Item, Report
from responses.models import Response

PASSWORD = "correct horse battery staple"
#: Every test user's authenticator app holds this secret (base32), unless made with totp=False:
#: the roles that change data need a second factor (accounts.mfa).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted.value))

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create and extracted is not False and not is_mfa_enabled(self):
            TOTP.activate(self, TOTP_SECRET)


class OpenedResponseFactory(factory.Factory):
    """The response a recorded report opens: what report_create's hook call does."""

    class Meta:
        model = Response

    @classmethod
    def _create(cls, model_class, *, report: Report) -> Response:
        hooks.report_recorded(report=report)
        return Response.objects.get(report=report)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report
        # Saving again after the response opened would add a second history row.
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Inspection report {n}")
    report_type = ReportType.NATIONAL
    scope = Scope.ALL_FORCES
    published_on = datetime.date(2020, 2, 27)
    hmicfrs_url = "https://www.justiceinspectorates.gov.uk/hmicfrs/"
    summary = "A summary of the report."
    # ReportFactory(response=None) leaves it out (factory_boy: a value given replaces it).
    response = factory.RelatedFactory(OpenedResponseFactory, factory_related_name="report")


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    report = factory.SubFactory(ReportFactory)
    kind = ItemKind.RECOMMENDATION
    reference = factory.Sequence(lambda n: f"{n}.1")
    position = factory.Sequence(lambda n: n)
    text = "Chief constables should review how they protect children."
    addressee = Addressee.ALL_CHIEF_CONSTABLES
    action_required = factory.LazyAttribute(
        lambda item: item.addressee in (Addressee.THIS_FORCE, Addressee.ALL_CHIEF_CONSTABLES)
    )


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    item = factory.SubFactory(ItemFactory)
    description = "Review the missing children protocol with partners."
    owner_name = "Public Protection"
    target_date = datetime.date(2030, 6, 30)
    status = ActionStatus.IN_PROGRESS
