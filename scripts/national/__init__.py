"""The national-scale register behind `make bench`, written straight into PostgreSQL with COPY.

Rows are built in Python in the shapes the services would have left (see each module), with ids
assigned here so that rows can point at each other before anything is written.
"""
