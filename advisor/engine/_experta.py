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
from experta.agenda import Agenda  # noqa: E402
from experta.conditionalelement import EXISTS, FORALL  # noqa: E402
from experta.fieldconstraint import ANDFC, NOTFC, ORFC  # noqa: E402
from experta.matchers.rete.check import FactCapture, FeatureCheck, TypeCheck  # noqa: E402
from experta.matchers.rete import ReteMatcher  # noqa: E402
from experta.matchers.rete.abstract import OneInputNode, TwoInputNode  # noqa: E402
from experta.matchers.rete.token import Token  # noqa: E402
from experta.matchers.rete.utils import generate_checks  # noqa: E402
from experta.matchers.rete.nodes import ConflictSetNode, NotNode, OrdinaryMatchNode  # noqa: E402
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
    """ReteMatcher that visits only what a consultation touched.

    - ``changes``: experta asks every rule's conflict-set node for new activations after each
      declaration; with ~400 rules that is about half of a consultation. Each node now reports
      itself as touched when a token reaches it, and ``changes`` visits only those, in network
      order, so the activations (and so the advice) are exactly those of the original matcher.
    - ``reset``: experta walks the whole network (about 2,200 nodes) before every consultation;
      only the nodes with a memory that a token reached since the last reset are wiped here.
    """

    def __init__(self, engine):
        restore = getattr(engine, "restore_network", None)
        network = restore(engine) if restore else None
        if network is not None:  # a network built before (advisor.engine.cache): no build
            Matcher.__init__(self, engine)
            self.__dict__.update({k: v for k, v in network.__dict__.items() if k != "engine"})
            return
        self._touched: dict = {}
        self._dirty: dict = {}
        super().__init__(engine)
        nodes = self._get_conflict_set_nodes()
        self._position = {node: n for n, node in enumerate(nodes)}
        for node in nodes:
            node._touched = self._touched
        for node in _walk(self.root_node):
            if isinstance(node, _MEMORY_NODES):
                node._dirty = self._dirty

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
        for node in self._dirty:
            node._reset()
            if isinstance(node, ConflictSetNode):
                node.get_activations()  # drop what was not collected
        self._dirty.clear()
        self._touched.clear()


_MEMORY_NODES = (OrdinaryMatchNode, NotNode, ConflictSetNode)


def _walk(root):
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(child.node for child in node.children)


_activate = ConflictSetNode._activate


def _activate_and_report(self, token):
    _activate(self, token)
    touched = getattr(self, "_touched", None)
    if touched is not None:
        touched[self] = None
    dirty = getattr(self, "_dirty", None)
    if dirty is not None:
        dirty[self] = None


ConflictSetNode._activate = _activate_and_report


# experta's two-input nodes log every activation at debug level (tens of thousands of calls
# per consultation, each paying for a logging check); these versions do the same work without
# the logging, and note the node as holding memory for DirtyTrackingReteMatcher.reset.
def _activate_left(self, token):
    dirty = getattr(self, "_dirty", None)
    if dirty is not None:
        dirty[self] = None
    return self._activate_left(token.copy())


def _activate_right(self, token):
    dirty = getattr(self, "_dirty", None)
    if dirty is not None:
        dirty[self] = None
    return self._activate_right(token.copy())


TwoInputNode.activate_left = _activate_left
TwoInputNode.activate_right = _activate_right


def _activate_one(self, token):  # experta's, without the per-token logging check
    return self._activate(token.copy())


def _copy_token(self):
    # experta's Token.copy re-validates the tag, every fact and the context through
    # Token.__new__ on each of the ~1,000 copies of a consultation; a copy of a token is
    # already valid, so only its mutable parts are copied here
    return tuple.__new__(type(self), (self.tag, self.data.copy(), self.context.copy()))


OneInputNode.activate = _activate_one
Token.copy = _copy_token


__all__ = [
    "AND", "AS", "MATCH", "NOT", "OR", "TEST", "W", "Fact", "KnowledgeEngine", "L", "P",
    "Rule", "EXISTS", "FORALL", "ANDFC", "NOTFC", "ORFC", "FactCapture", "FeatureCheck", "TypeCheck", "generate_checks", "Agenda", "FullScanDepthStrategy", "DirtyTrackingReteMatcher", "ReteMatcher", "experta",
]
