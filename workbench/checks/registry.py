"""Importing this module registers every check, in the order the documentation lists them.

Adding a check: write it in a module of its family (or a new module), decorate
it with ``@check``, and add the module to :data:`MODULES` here; then regenerate
docs/checks.md with ``python -m workbench.checks --markdown > docs/checks.md``.
"""

from __future__ import annotations

import importlib

#: Check modules in reading order: whether the text is whole, time limits, the answers, the
#: reasons, the rights; then the review itself (every ground of the review request answered).
MODULES = (
    "completeness",
    "timeliness",
    "points",
    "searches",
    "exemptions",
    "engagement",
    "personal_data",
    "ncnd",
    "cost_limit",
    "rights",
    "links",
    "grounds",
)

for _name in MODULES:
    importlib.import_module(f"{__package__}.{_name}")
