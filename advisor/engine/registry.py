"""Rule metadata: the one place where a rule's id, sources, reason texts and validity live.

A rule method is written as::

    @Rule(...)
    @rule_meta("DC-001", sources=["S150"], nl="...", valid_from="2004-01-01")
    def household_help_fits_service_vouchers(self, ...):
        '''English plain-language reason, the text a user reads.

        Condition: ...
        Law: ...
        '''

``rule_meta`` must stand *below* ``@Rule``: experta copies the function's attributes
onto the Rule object, so the metadata travels with every activation. Above ``@Rule``
it would hide the rule from the engine (a meta-test checks every rule has metadata).

Validity windows are half-open: ``valid_from`` is the first day the rule applies,
``valid_until`` the first day it no longer applies. A change of law is a second rule
whose ``valid_from`` is the first rule's ``valid_until``.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from datetime import date

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]{1,5}-\d{3}$")


@dataclass(frozen=True)
class RuleMeta:
    id: str
    family: str
    name: str
    en: str
    nl: str
    sources: tuple[str, ...]
    valid_from: date | None
    valid_until: date | None
    doc: str
    uncertain: bool = False

    def in_force(self, on: date) -> bool:
        """True when the rule applies to a case advised for ``on``."""
        if self.valid_from and on < self.valid_from:
            return False
        if self.valid_until and on >= self.valid_until:
            return False
        return True

    def text(self, lang: str, params: dict | None = None, fill: str | None = None) -> str:
        """The reason in ``lang`` with its parameters; a parameter not given stays visible as
        ``{name}`` (the maintainer's view of the template) unless ``fill`` stands in for it
        (the view of a person, who is shown the rule before it fired)."""
        template = self.nl if lang == "nl" else self.en
        return template.format_map(_Params(params or {}, fill))

    @property
    def window(self) -> str:
        start = self.valid_from.isoformat() if self.valid_from else "…"
        end = self.valid_until.isoformat() if self.valid_until else "…"
        return f"[{start}, {end})"


class _Params(dict):
    """Leaves unknown placeholders visible (or filled) instead of raising KeyError."""

    def __init__(self, params: dict, fill: str | None = None):
        super().__init__(params)
        self.fill = fill

    def __missing__(self, key):
        return "{" + key + "}" if self.fill is None else self.fill


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def rule_meta(rule_id: str, *, nl: str, sources: list[str], valid_from=None,
              valid_until=None, uncertain: bool = False):
    """Attach metadata to a rule function. Place it directly below ``@Rule``.

    ``uncertain=True`` marks a rule built on an unverified [M] or announced [A] fact of
    the domain brief; its conclusions carry a warning.
    """
    def decorate(fn):
        doc = inspect.cleandoc(fn.__doc__ or "")
        en = doc.split("\n\n", 1)[0].replace("\n", " ").strip()
        fn.rule_meta = RuleMeta(
            id=rule_id,
            family=rule_id.split("-", 1)[0],
            name=fn.__name__,
            en=" ".join(en.split()),
            nl=" ".join(nl.split()),
            sources=tuple(sources),
            valid_from=_as_date(valid_from),
            valid_until=_as_date(valid_until),
            doc=doc,
            uncertain=uncertain,
        )
        return fn
    return decorate


def meta_of(rule) -> RuleMeta | None:
    """The metadata of an experta Rule (or of a plain function), if any."""
    return getattr(rule, "rule_meta", None)
