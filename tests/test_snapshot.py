"""The snapshot: one user's hunt read as of one moment."""

from __future__ import annotations

import pytest

from hunt_core import snapshot
from hunt_core.models import Company, Contact
from hunt_core.plugins import Plugins
from hunt_core.store import Database
from tests.conftest import NOW

pytestmark = pytest.mark.both_backends


def test_a_write_landing_between_two_reads_is_in_none_of_them(
    db: Database, plugins: Plugins, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader, writer = (db.store(con=db.cursor()) for _ in range(2))
    writer.add_company(Company("Acme"))
    read_companies = reader.companies

    def then_another_session_writes() -> list[Company]:
        found = read_companies()
        late = writer.add_company(Company("Late Co"))
        assert late.id is not None
        writer.add_contact(Contact(late.id, "Pat Doe"))
        return found

    monkeypatch.setattr(reader, "companies", then_another_session_writes)
    snap = snapshot.take(reader, plugins, NOW)
    # Read table by table, the snapshot would hold Pat without Pat's company.
    assert [c.name for c in snap.companies] == ["Acme"]
    assert snap.contact_views == []
    monkeypatch.undo()
    assert [p.name for p in snapshot.take(reader, plugins, NOW).contact_views] == ["Pat Doe"]
