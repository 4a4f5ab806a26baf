"""The built Rete network, kept between processes: building it costs about 0.6 s on every
start, loading it about 30 ms.

The network is pickled with cloudpickle (experta's checks hold closures and lambdas, which
the standard pickle cannot store). Two things are stored by reference, not by value: the
engine (the matcher is attached to a new one) and each rule's function (looked up by rule id
in the rule classes of this process), so a loaded network runs this process's rule code.

The file lives in the user's private cache (``advisor.knowledge.read_cached``: loading a
pickle runs code, so only a folder 0700 and a file 0600 of the user are read); its name
carries a key of everything the network depends on, so a change to any of them builds anew.
"""
from __future__ import annotations

import io
import pickle
import types
from collections import ChainMap
from importlib import metadata

from advisor.engine._experta import (
    AND, EXISTS, FORALL, NOT, OR, TEST, ANDFC, FactCapture, FeatureCheck, L, NOTFC, ORFC, P, Rule,
    TypeCheck, W,
)
from advisor.knowledge import cache_key


def _tuple_of(ce):
    return type(ce), tuple(ce)


# experta's checks and constraints are tuples with a __new__ of their own: store the
# arguments that __new__ takes, so that loading rebuilds them (and shares equal checks)
_REDUCERS = {
    FeatureCheck: lambda c: (FeatureCheck, (c.what, c.how)),
    TypeCheck: lambda c: (TypeCheck, (c.fact_type,)),
    FactCapture: lambda c: (FactCapture, (c.bind,)),
    L: lambda c: (L, (c.value, c.__bind__)),
    W: lambda c: (W, (c.__bind__,)),
    P: lambda c: (P, (c.match, c.__bind__)),
    Rule: lambda r: (Rule, tuple(r), dict(r.__dict__)),
    **{k: _tuple_of for k in (ANDFC, ORFC, NOTFC, AND, OR, NOT, TEST, EXISTS, FORALL)},
}


def rule_functions(engine_class: type) -> dict[str, types.FunctionType]:
    """The function of each rule of ``engine_class``, by rule id (read from the class
    dictionaries, so that no Rule descriptor is triggered)."""
    found = {}
    for klass in engine_class.__mro__:
        for value in vars(klass).values():
            if isinstance(value, Rule) and hasattr(value, "rule_meta"):
                found[value.rule_meta.id] = value._wrapped
    return found


def dumps(matcher, engine, functions: dict[str, types.FunctionType]) -> bytes:
    import cloudpickle

    by_identity = {id(fn): rule_id for rule_id, fn in functions.items()}

    class Pickler(cloudpickle.Pickler):
        dispatch_table = ChainMap(_REDUCERS, cloudpickle.Pickler.dispatch_table)

        def persistent_id(self, obj):
            if obj is engine:
                return "engine"
            if isinstance(obj, types.FunctionType) and id(obj) in by_identity:
                return ("rule", by_identity[id(obj)])
            return None

    buffer = io.BytesIO()
    Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(matcher)
    return buffer.getvalue()


def loads(data: bytes, engine, functions: dict[str, types.FunctionType]):
    class Unpickler(pickle.Unpickler):
        def persistent_load(self, pid):
            if pid == "engine":
                return engine
            return functions[pid[1]]

    return Unpickler(io.BytesIO(data)).load()


def name() -> str:
    """The cache file of the network: its key covers the knowledge and the code (see
    advisor.knowledge.cache_key) and the pickler."""
    return f"engine-{cache_key(metadata.version('cloudpickle'))}.pickle"
