"""Formula-safe cells: nothing exported runs as a formula, and every cell reads back exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hunt_core import export
from hunt_core.cells import DANGEROUS, from_xlsx, neutralise, to_xlsx, unneutralise
from hunt_core.importers.spreadsheets import read_table, read_workbook

# NUL is the one character refused on the way in: a file holding one is taken for binary.
CELLS = st.text(
    st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30
) | st.sampled_from(
    ["=SUM(A1)", "+1 555", "-x", "@cmd", "\tx", "\rx", "'=x", "''+x", "'", "_x000D_", "a\r\nb"]
)


@given(st.text())
def test_neutralise_round_trips_and_defuses(text: str) -> None:
    safe = neutralise(text)
    assert unneutralise(safe) == text
    assert not safe.startswith(DANGEROUS)


@given(st.text())
def test_excel_cells_round_trip_and_defuse(text: str) -> None:
    safe = to_xlsx(text)
    assert from_xlsx(safe) == text
    assert not safe.startswith(DANGEROUS)


def test_a_quote_goes_only_where_export_put_one() -> None:
    assert unneutralise("'hello") == "'hello"  # a quote the person typed stays
    assert unneutralise("'=x") == "=x"
    assert unneutralise("''=x") == "'=x"


@given(st.lists(CELLS, min_size=1, max_size=8))
def test_an_exported_csv_reads_back_the_original_cells(texts: list[str]) -> None:
    rows = [{"criterion": t, "weight": float(i)} for i, t in enumerate(texts)]
    data = export._csv_bytes("weights", rows)
    read = read_table(data, "weights.csv", max_rows=None)
    assert [r["criterion"] for _, r in read.records()] == texts


@settings(max_examples=50, deadline=None)  # a workbook takes milliseconds to zip and unzip
@given(st.lists(CELLS, min_size=1, max_size=8))
def test_an_exported_workbook_reads_back_the_original_cells(texts: list[str]) -> None:
    rows = [{"criterion": t, "weight": float(i)} for i, t in enumerate(texts)]
    data = export._xlsx_bytes({"weights": rows})
    [read] = read_workbook(data, "x.xlsx", ["weights"], max_rows=None).values()
    assert [r["criterion"] for _, r in read.records()] == texts
