"""The records and plugin types: constructors written out by hand still match their fields."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from hunt_core.models import Channel, Signal

WRITTEN_OUT = (Signal, Channel)  # init=False: their own __init__, for speed


@pytest.mark.parametrize("kind", WRITTEN_OUT, ids=lambda t: t.__name__)
def test_a_written_out_constructor_takes_exactly_the_fields_with_their_defaults(
    kind: type,
) -> None:
    parameters = list(inspect.signature(kind).parameters.values())
    fields = dataclasses.fields(kind)
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    for parameter, field in zip(parameters, fields, strict=True):
        default = inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        assert parameter.default == default, field.name


@pytest.mark.parametrize("kind", WRITTEN_OUT, ids=lambda t: t.__name__)
def test_a_written_out_constructor_sets_every_field_and_stays_frozen(kind: type) -> None:
    values = {f.name: f"value of {f.name}" for f in dataclasses.fields(kind)}
    made = kind(**values)
    assert dataclasses.asdict(made) == values
    assert made == kind(**values) and hash(made) == hash(kind(**values))
    assert dataclasses.replace(made, **{next(iter(values)): "other"}) != made
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, next(iter(values)), "changed")
