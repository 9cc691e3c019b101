"""Command-line values converted without pydantic where they can be, for
every command `cli/group.py` loads (#14 part 6, #17).

Typer 0.29 converts each parameter's value through a pydantic `TypeAdapter`
it builds on first use, even for an option not given, and imports pydantic
to build it: 330 M instructions, about 0.1 s of CPU, of each command's
start (`show ID --json` started in 848 M). Here a value its type takes as
it is (a `str` given as text, a default of the option's own type, a plain
decimal within an `int` option's bounds) is returned as it is, and a value
not given is None before any converter runs; any other value goes to
Typer's own converter, built then, so what a command receives and every
error message stay Typer's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from typer._click import Context, Parameter
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer.core import _TyperParameter

# Types whose values come as themselves: text as a str, defaults as given.
_PLAIN = (str, int, float, bool)
# What pydantic reads as this int and nothing else: no sign but `-`, no
# leading zero, underscore, space or exponent (those go to Typer's).
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")


@dataclass(frozen=True)
class _Deferred(RuntimeParam):
    """A parameter's converter: a value of a plain type taken as it is,
    else Typer's converter (built, and pydantic imported, only then).
    `RuntimeParam.coerce` answers a value not given before calling it."""

    descriptor: TypeDescriptor
    plain: bool

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        if self.plain:
            annotation = self.annotation
            if type(value) is annotation:  # not `isinstance`: a bool is an int
                if self._within(value):
                    return value
            elif annotation is int and type(value) is str and _DECIMAL.fullmatch(value):
                number = int(value)
                if self._within(number):
                    return number
        typer_own = build_runtime_param(self.descriptor)
        return typer_own._coerce_value(value, param=param, ctx=ctx)

    def _within(self, value: object) -> bool:
        if not isinstance(value, (int, float)):
            return True
        low, high = self.parameter_info.min, self.parameter_info.max
        return (low is None or value >= low) and (high is None or value <= high)


def _plain(descriptor: TypeDescriptor) -> bool:
    """A parameter converted by its type alone: no parser or file of its
    own, and no clamping (a value out of bounds goes to Typer's)."""
    info = descriptor.parameter_info
    return (
        descriptor.annotation in _PLAIN
        and descriptor.file_annotation is None
        and info.parser is None
        and not info.clamp
    )


def convert_plainly(params: Iterable[Parameter]) -> None:
    """Give each of a command's `params` (its `get_params`: its own and its
    `--help`) the converter above. Typer keeps a parameter's converter in
    `_runtime_param`, building it on first use when it is None: one set
    beforehand is used instead. Should a later Typer name it otherwise, its
    own converters are used (slower, the same values);
    tests/present/test_values.py would say so."""
    for param in params:
        if not isinstance(param, _TyperParameter):
            continue
        if getattr(param, "_runtime_param", False) is None:
            descriptor = param.type_descriptor
            param._runtime_param = _Deferred(
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
                descriptor=descriptor,
                plain=_plain(descriptor),
            )
