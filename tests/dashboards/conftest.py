import pytest
import time_machine

from .dataset import NOW, build


@pytest.fixture
def dataset(force_officer, dcc):
    """A callable: dataset(copies) builds the known register that many times over."""

    built = 0

    def make(copies: int = 1):
        nonlocal built
        build(copies=copies, by=dcc, owner_user=force_officer, start=built)
        built += copies

    return make


@pytest.fixture
def today():
    """15 June 2026, 10 a.m. in London (BST)."""
    with time_machine.travel(NOW, tick=False):
        yield
