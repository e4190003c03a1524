"""Every URL of the project x every persona x GET and POST, checked against one explicit table.

ACCESS (in table.py) says, for each URL name, which roles may read it (GET) and which may write
through it (POST). The walking test (test_every_url.py) finds the URL patterns itself (the admin's
and auth's included), so a view added later without an entry in ACCESS fails there: it cannot ship
without someone deciding who may use it. The role sets are spelt out literally rather than
imported from accounts.roles, so widening a role constant there is caught here too.

Nothing a refused request does may reach the database: every request is bracketed by a snapshot
of every row of every project table (the auth users and groups, the register and its history),
which covers row counts and each record's lock_version alike.
"""

import pytest

# The helpers' own asserts (a URL built for the wrong view, a response stuck short of its status)
# report their values as a test module's do.
pytest.register_assert_rewrite(
    "tests.access.outcomes",
    "tests.access.routes",
    "tests.access.snapshot",
    "tests.access.table",
    "tests.access.valid_posts",
    "tests.access.world",
)
