"""The people: the office, the PCCs who signed over the years, and a force's few hundred users."""

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from accounts.roles import Role
from responses.models import Office, Signatory

FIRST = [
    "Amelia",
    "Oliver",
    "Isla",
    "George",
    "Ava",
    "Harry",
    "Mia",
    "Noah",
    "Grace",
    "Jack",
    "Freya",
    "Leo",
    "Ivy",
    "Arthur",
    "Florence",
    "Oscar",
    "Rosie",
    "Charlie",
    "Evie",
    "Henry",
    "Poppy",
    "Thomas",
    "Ruby",
    "James",
    "Sophie",
    "William",
    "Alice",
    "Jacob",
    "Daisy",
]
LAST = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
]
DEPARTMENTS = (
    "Public Protection",
    "Custody",
    "Professional Standards",
    "Contact Management",
    "Crime and Justice",
    "Neighbourhood Policing",
    "Vetting Unit",
    "Organisational Learning",
)


@dataclass
class People:
    opcc: list = field(default_factory=list)
    pcc: object = None
    dcc: object = None
    jasp: list = field(default_factory=list)
    force: list = field(default_factory=list)


def _user(username: str, role: Role, rng: random.Random, password: str):
    user = get_user_model()(
        username=username,
        first_name=rng.choice(FIRST),
        last_name=rng.choice(LAST),
        email=f"{username}@example.org",
        password=password,
        date_joined=datetime.datetime(2016, 1, 4, 9, tzinfo=datetime.UTC),
    )
    user.role = role
    return user


def make_people(*, rng: random.Random, force_users: int, password: str) -> People:
    """Every user shares one password hash (made once: hashing is slow by design)."""
    hashed = make_password(password)
    people = People()
    people.opcc = [_user(f"opcc{n}", Role.OPCC_STAFF, rng, hashed) for n in range(1, 6)]
    people.pcc = _user("pcc", Role.PCC, rng, hashed)
    people.dcc = _user("dcc", Role.DCC, rng, hashed)
    people.jasp = [_user(f"jasp{n}", Role.JASP, rng, hashed) for n in range(1, 4)]
    people.force = [_user(f"force{n}", Role.FORCE_STAFF, rng, hashed) for n in range(force_users)]
    everyone = [*people.opcc, people.pcc, people.dcc, *people.jasp, *people.force]
    get_user_model().objects.bulk_create(everyone, batch_size=1000)
    groups = {group.name: group for group in Group.objects.all()}
    Membership = get_user_model().groups.through
    Membership.objects.bulk_create(
        Membership(user_id=user.pk, group_id=groups[user.role.value].pk) for user in everyone
    )
    return people


def make_office(*, first_day: datetime.date) -> None:
    """The letterhead, and three PCCs' terms of office covering every letter's date."""
    Office.objects.create(
        name="Office of the Police and Crime Commissioner",
        address="1 Example Street\nExampletown\nEX1 1AA",
        force_name="Example Police",
    )
    terms = [
        (first_day - datetime.timedelta(days=800), datetime.date(2021, 5, 12)),
        (datetime.date(2021, 5, 13), datetime.date(2024, 5, 12)),
        (datetime.date(2024, 5, 13), None),
    ]
    for n, (start, end) in enumerate(terms, start=1):
        Signatory.objects.create(name=f"Commissioner {n}", valid_from=start, valid_to=end)
