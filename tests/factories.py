"""factory_boy factories. Objects that carry state are built through the services in the tests
that care about the state; these give valid starting rows."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from inspections.choices import ActionStatus, Addressee, ItemKind, ReportType, Scope
from inspections.models import Action, Item, Report

PASSWORD = "correct horse battery staple"


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


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    title = factory.Sequence(lambda n: f"Inspection report {n}")
    report_type = ReportType.NATIONAL
    scope = Scope.ALL_FORCES
    published_on = datetime.date(2020, 2, 27)
    hmicfrs_url = "https://www.justiceinspectorates.gov.uk/hmicfrs/"
    summary = "A summary of the report."


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
