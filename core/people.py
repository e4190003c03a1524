"""How a person is named on every page, email, export and PDF, in Python and in SQL.

Both spellings must agree (tests/core/test_people.py checks them on awkward names): the first
and last name joined by one space with the spaces at either end trimmed, else the username.
Python's str.strip() would also trim tabs and other Unicode spaces, which SQL's TRIM() does
not, so both trim the ASCII space only.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import CharField, F, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, Concat, NullIf, Trim


def display_name(user: AbstractBaseUser | None, fallback: str = "") -> str:
    """`user`'s name as shown: "Ann Smith", "Ann", else the username; `fallback` for no user."""
    if user is None:
        return fallback
    first, last = getattr(user, "first_name", ""), getattr(user, "last_name", "")
    return f"{first} {last}".strip(" ") or user.get_username()


def display_name_sql(path: str = "") -> Combinable:
    """The same name as a database expression; `path` leads to the user ("owner_user__")."""
    full_name = Trim(Concat(F(f"{path}first_name"), Value(" "), F(f"{path}last_name")))
    return Coalesce(NullIf(full_name, Value("")), F(f"{path}username"), output_field=CharField())
