"""The mechanism behind every plug-in registry: built-ins plus entry points, loaded lazily.

A registry knows specs (a name and a ``"module:callable"`` target); the module is
imported only when the plug-in is first asked for, and an unknown name raises an error
that lists the known ones (as spaCy's registries do). An entry point that does not load
or is not a spec of the registry's type is an error too, never skipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from functools import cached_property
from importlib.metadata import entry_points
from typing import Generic, Protocol, TypeVar

from kg.errors import KGError, UnknownPluginError


class Spec(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def target(self) -> str: ...


S = TypeVar("S", bound=Spec)


class Registry(Generic[S]):
    """Specs of one kind of plug-in, by name."""

    def __init__(
        self,
        kind: str,
        builtin: Sequence[S],
        group: str,
        spec_type: type[S],
        error: Callable[[str], KGError],
    ) -> None:
        self.kind = kind
        self._builtin = tuple(builtin)
        self._group = group
        self._spec_type = spec_type
        self._error = error

    @cached_property
    def specs(self) -> dict[str, S]:
        """Built-ins first, then what installed packages add under the entry-point group."""
        specs = {spec.name: spec for spec in self._builtin}
        for entry in entry_points(group=self._group):
            try:
                spec = entry.load()
            except (ImportError, AttributeError) as exc:
                raise self._error(
                    f"entry point {entry.name!r} = {entry.value!r} in group {self._group!r}"
                    f" could not be loaded: {exc}"
                ) from exc
            # Loud, as rdflib is with a plug-in of the wrong kind: a package that meant to
            # add a plug-in and silently does not is harder to debug than one that fails.
            if not isinstance(spec, self._spec_type):
                raise self._error(
                    f"entry point {entry.name!r} = {entry.value!r} in group {self._group!r}"
                    f" gives a {type(spec).__name__!r} where a {self._spec_type.__name__!r}"
                    " is expected"
                )
            specs[spec.name] = spec
        return specs

    def create(self, name: str) -> object:
        """Import the plug-in registered as ``name`` and call its factory."""
        spec = self.specs.get(name)
        if spec is None:
            raise UnknownPluginError(self.kind, name, list(self.specs))
        module_name, _, attr = spec.target.partition(":")
        try:
            factory = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise self._error(f"{self.kind} {name!r} could not be loaded: {exc}") from exc
        instance: object = factory()
        return instance
