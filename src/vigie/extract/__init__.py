"""The extractors. Importing this package imports every module in it, and each module
registers its extractors with :func:`vigie.registry.extractor` (no central if-chain)."""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
