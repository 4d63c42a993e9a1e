"""The read-only views a hook receives, built from the records a test writes, as the host does.

Tests of one plugin call its hooks directly with records (``Company("Acme", remote="yes")``);
the host only ever passes views (``hunt_core.views``), so the tests convert with the same
helpers. A record a test never stored has no id, and the host refuses to view it; here it gets
id 0, which no stored record has and which plugins read like no id (``company.id or -1``).
"""

from __future__ import annotations

import dataclasses
from typing import overload

from hunt_core import models, views


@overload
def view(record: models.Company) -> views.Company: ...
@overload
def view(record: models.Contact) -> views.Contact: ...
@overload
def view(record: models.Profile) -> views.Profile: ...
@overload
def view(record: models.Posting) -> views.Posting: ...
@overload
def view(record: models.Connection) -> views.Connection: ...
def view(
    record: models.Company | models.Contact | models.Profile | models.Posting | models.Connection,
) -> views.Company | views.Contact | views.Profile | views.Posting | views.Connection:
    """The view the host would hand a hook for this record (an unsaved one gets id 0)."""
    if not isinstance(record, models.Profile) and record.id is None:
        record = dataclasses.replace(record, id=0)
    return views.view(record)
