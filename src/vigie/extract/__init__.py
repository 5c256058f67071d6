"""The extractors. Importing this package registers them (see :mod:`vigie.registry`)."""

from vigie.extract import entities  # noqa: F401
