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
from experta.strategies import DepthStrategy  # noqa: E402

logging.root.handlers[:] = _root_handlers


class FullScanDepthStrategy(DepthStrategy):
    """DepthStrategy with a correct removal of deactivated activations.

    experta's ``_update_agenda`` looks for a removed activation only at ``idx``,
    ``idx+1`` and ``idx-1`` after ``bisect_left``. When three or more activations
    share a key (same salience, same fact ids: routine for NOT(...) rules and for
    many rules on the one organisation fact) it can miss, and the stale activation
    fires anyway. We scan the whole run of equal keys instead.
    """

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
    "AND", "AS", "MATCH", "NOT", "OR", "TEST", "W", "Fact", "KnowledgeEngine", "L", "P",
    "Rule", "Agenda", "FullScanDepthStrategy", "experta",
]
