"""Rows for one model at a time, written with PostgreSQL's COPY (far faster than INSERTs)."""

import json

from django.core.management.color import no_style
from django.db import connection, models


class Table:
    """The rows of one model. `add` assigns the primary key, so later rows can refer to it."""

    def __init__(self, model: type[models.Model]):
        self.model = model
        fields = model._meta.concrete_fields
        self.attnames = [field.attname for field in fields]
        self.columns = [field.column for field in fields]
        self.pk_name = model._meta.pk.attname
        self.json = {f.attname for f in fields if isinstance(f, models.JSONField)}
        self.rows: list[tuple] = []

    def add(self, **values) -> int:
        pk = len(self.rows) + 1
        values[self.pk_name] = pk
        for name in self.json:
            values[name] = json.dumps(values[name])
        missing = set(self.attnames) - values.keys()
        if missing:
            raise ValueError(f"{self.model.__name__} row lacks {sorted(missing)}")
        self.rows.append(tuple(values[name] for name in self.attnames))
        return pk

    def write(self) -> int:
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for row in self.rows:
                copy.write_row(row)
        return len(self.rows)


def reset_sequences(tables: list[Table]) -> None:
    """Ids were chosen here, so each table's sequence must continue after the last one."""
    statements = connection.ops.sequence_reset_sql(no_style(), [t.model for t in tables])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
