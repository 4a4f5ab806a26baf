"""What rule bodies may do: state conclusions through helpers that stamp the rule id.

A rule body never prints, reads files or checks dates; it calls one of:

- ``consider(instrument, group)``: the instrument fits (a Candidate fact is declared, so
  other rules can build on it). ``group`` is a worker-group id, '' for the organisation.
- ``support(instrument, group)``: a condition of the instrument is met (a "why" reason).
- ``weaken(instrument, group)``: it can work, but only as a "possible" fit (for ``group``;
  a rule that matched a worker group as ``group`` weakens it for that group).
- ``block(instrument, group)``: a hard condition fails (a "why not" reason).
- ``need(field, *instruments)``: an unknown answer that would change the advice.
- ``warn(code, instrument)``: something the starter must know (closed instrument, [M]/[A] fact).
- ``derive(fact)``: declare an intermediate fact (e.g. a kind of service).

Keyword arguments become parameters of the rule's reason text (``{fte}``).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from advisor.engine.facts import Candidate
from advisor.engine.registry import RuleMeta


@dataclass(frozen=True)
class Conclusion:
    kind: str                    # consider | support | weaken | block | need | warn
    meta: RuleMeta
    instrument: str = ""
    group: str = ""
    path: str = ""               # the case field, for need
    code: str = ""               # for warn
    affects: tuple[str, ...] = ()
    params: dict = dataclasses.field(default_factory=dict, compare=False, hash=False)
    support: tuple[tuple[RuleMeta, dict], ...] = dataclasses.field(default=(), compare=False, hash=False)


class ConclusionsMixin:
    """Helpers for rule bodies. The engine sets ``_firing`` (meta, params, support) before
    each rule body runs."""

    def _conclude(self, kind: str, **kw) -> None:
        meta, params, support = self._firing
        merged = {**params, **kw.pop("params", {})}
        self._conclusions.append(Conclusion(kind, meta, params=merged, support=support, **kw))

    def consider(self, instrument: str, group: str = "", **params) -> None:
        self._conclude("consider", instrument=instrument, group=group, params=params)
        self.declare(Candidate(instrument=instrument, group=group))

    def support(self, instrument: str, group: str = "", **params) -> None:
        self._conclude("support", instrument=instrument, group=group, params=params)

    def weaken(self, instrument: str, group: str = "", **params) -> None:
        # a caveat found on one worker group (the rule bound ``group``) concerns that group
        # only: it lowers that group's fit, never another's
        group = group or self._firing[1].get("group", "")
        self._conclude("weaken", instrument=instrument, group=group, params=params)

    def block(self, instrument: str, group: str = "", **params) -> None:
        self._conclude("block", instrument=instrument, group=group, params=params)

    def need(self, field_path: str, *instruments: str, **params) -> None:
        self._conclude("need", path=field_path, affects=tuple(instruments), params=params)

    def warn(self, code: str, instrument: str = "", **params) -> None:
        self._conclude("warn", code=code, instrument=instrument, params=params)

    def derive(self, fact) -> None:
        self.declare(fact)
