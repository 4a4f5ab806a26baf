"""The only module that imports experta.

experta 1.9.4 (the last release) pins ``frozendict==1.2``, whose import uses
``collections.Mapping``, removed in Python 3.10. We keep the pin (so ``pip install .``
resolves and ``pip check`` is clean) and restore the alias here, before the import,
instead of vendoring or forking experta: one line, nothing else in experta needs it.
"""
import bisect
import collections
import collections.abc
import logging

if not hasattr(collections, "Mapping"):
    collections.Mapping = collections.abc.Mapping  # type: ignore[attr-defined]

# ``import experta`` calls logging.basicConfig(), which would add a handler to the
# root logger of every program that imports us: undo exactly that.
_root_handlers = list(logging.root.handlers)
import experta  # noqa: E402
from experta import (  # noqa: E402,F401
    AND, AS, MATCH, NOT, OR, TEST, W, Fact, KnowledgeEngine, L, P, Rule,
)
from experta.abstract import Matcher  # noqa: E402
from experta.activation import Activation  # noqa: E402
from experta.agenda import Agenda  # noqa: E402
from experta.conditionalelement import EXISTS, FORALL  # noqa: E402
from experta.fact import InitialFact  # noqa: E402
from experta.fieldconstraint import ANDFC, NOTFC, ORFC, FieldConstraint  # noqa: E402
from experta.matchers.rete import ReteMatcher  # noqa: E402
from experta.matchers.rete.check import FactCapture, FeatureCheck, TypeCheck  # noqa: E402
from experta.matchers.rete.utils import generate_checks, prepare_rule  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402

logging.root.handlers[:] = _root_handlers


def key_repr(value) -> str:
    """How a bound value sorts in an activation's key (its repr).

    A declared fact never changes, and its repr is most of the cost of a key: it is kept."""
    if isinstance(value, Fact):
        cached = value.__dict__.get("_advisor_repr")
        if cached is None:
            cached = value.__dict__["_advisor_repr"] = repr(value)
        return cached
    return repr(value)


class FullScanDepthStrategy(DepthStrategy):
    """DepthStrategy with a total, reproducible order and a correct removal of deactivated
    activations.

    experta's ``_update_agenda`` looks for a removed activation only at ``idx``,
    ``idx+1`` and ``idx-1`` after ``bisect_left``. When three or more activations
    share a key (same salience, same fact ids: routine for NOT(...) rules and for
    many rules on the one organisation fact) it can miss, and the stale activation
    fires anyway. We scan the whole run of equal keys instead.
    """

    def get_key(self, activation):
        # experta's key (salience, fact ids) ties for many activations, which then fire in the
        # iteration order of a set of activations, i.e. by object identity: a different order in
        # every process. The rule id and the bindings break every tie, so the same case always
        # fires the same rules in the same order (and derives the same facts from the same rules).
        if activation.key is not None:  # the indexed matcher gives its activations their key
            return activation.key
        meta = getattr(activation.rule, "rule_meta", None)
        context = sorted((k, key_repr(v)) for k, v in activation.context.items() if isinstance(k, str))
        facts = sorted((f["__factid__"] for f in activation.facts), reverse=True)
        return (activation.rule.salience, facts, meta.id if meta else "", context)

    def _update_agenda(self, agenda, added, removed):
        acts = agenda.activations
        for act in removed:
            act.key = self.get_key(act)
            lo = bisect.bisect_left(acts, act)
            hi = bisect.bisect_right(acts, act)
            for idx in range(lo, hi):
                if acts[idx] == act:
                    del acts[idx]
                    break
        for act in added:
            act.key = self.get_key(act)
            bisect.insort(acts, act)


__all__ = [
    "AND", "AS", "MATCH", "NOT", "OR", "TEST", "W", "Fact", "KnowledgeEngine", "L", "P", "Rule",
    "Activation", "Agenda", "EXISTS", "FORALL", "ANDFC", "NOTFC", "ORFC", "FieldConstraint", "InitialFact",
    "Matcher", "ReteMatcher", "FactCapture", "FeatureCheck", "TypeCheck", "generate_checks", "prepare_rule",
    "FullScanDepthStrategy", "key_repr", "experta",
]
