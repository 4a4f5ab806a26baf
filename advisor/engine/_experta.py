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
from experta.agenda import Agenda  # noqa: E402
from experta.matchers.rete import ReteMatcher  # noqa: E402
from experta.matchers.rete.nodes import ConflictSetNode  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402

logging.root.handlers[:] = _root_handlers


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
        meta = getattr(activation.rule, "rule_meta", None)
        context = sorted((k, repr(v)) for k, v in activation.context.items() if isinstance(k, str))
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


class DirtyTrackingReteMatcher(ReteMatcher):
    """ReteMatcher that collects activations only from the rules a change touched.

    experta asks every rule's conflict-set node for new activations after each declaration;
    with ~400 rules that is about half of a consultation. Each node now reports itself as
    touched when a token reaches it, and ``changes`` visits only those, in network order,
    so the activations (and so the advice) are exactly those of the original matcher.
    """

    def __init__(self, *args, **kwargs):
        self._touched: dict = {}
        super().__init__(*args, **kwargs)
        nodes = self._get_conflict_set_nodes()
        self._position = {node: n for n, node in enumerate(nodes)}
        for node in nodes:
            node._touched = self._touched

    def changes(self, adding=None, deleting=None):
        for fact in deleting or ():
            self.root_node.remove(fact)
        for fact in adding or ():
            self.root_node.add(fact)
        added, removed = [], []
        for node in sorted(self._touched, key=self._position.__getitem__):
            node_added, node_removed = node.get_activations()
            added.extend(node_added)
            removed.extend(node_removed)
        self._touched.clear()
        return added, removed

    def reset(self):
        super().reset()
        for node in self._touched:
            node.get_activations()
        self._touched.clear()


_activate = ConflictSetNode._activate


def _activate_and_report(self, token):
    _activate(self, token)
    touched = getattr(self, "_touched", None)
    if touched is not None:
        touched[self] = None


ConflictSetNode._activate = _activate_and_report


__all__ = [
    "AND", "AS", "MATCH", "NOT", "OR", "TEST", "W", "Fact", "KnowledgeEngine", "L", "P",
    "Rule", "Agenda", "FullScanDepthStrategy", "DirtyTrackingReteMatcher", "ReteMatcher", "experta",
]
