"""Meta-tests over the rule base: every rule is well-formed, sourced, dated and reachable."""
import inspect
import re
from datetime import date

import pytest

import rules
from advisor.engine._experta import Rule
from advisor.engine.engine import engine, rule_metas
from advisor.knowledge import CONTRACT_INSTRUMENTS, catalogue
from advisor.engine.registry import RULE_ID, meta_of

METAS = rule_metas()
CAT = catalogue()


def _rule_methods():
    """Every experta Rule defined in the family classes, seen by name."""
    for family in rules.FAMILIES:
        for name, value in vars(family).items():
            if isinstance(value, Rule):
                yield family, name, value


def test_no_rule_vanishes_or_shadows_another():
    # A decorator above @Rule, or two methods of the same name in two families, would make
    # a rule disappear silently: the engine must see exactly the Rule objects we wrote.
    methods = list(_rule_methods())
    names = [name for _, name, _ in methods]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
    assert len(engine().get_rules()) == len(methods)


def test_every_rule_has_metadata():
    missing = [f"{fam.__name__}.{name}" for fam, name, r in _rule_methods() if meta_of(r) is None]
    assert not missing, f"rules without @rule_meta below @Rule: {missing}"


def test_rule_ids_are_unique_and_well_formed():
    ids = [m.id for m in METAS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert all(RULE_ID.match(i) for i in ids), [i for i in ids if not RULE_ID.match(i)]


@pytest.mark.parametrize("meta", METAS, ids=[m.id for m in METAS])
def test_rule_is_documented_sourced_and_dated(meta):
    assert meta.en and meta.nl and meta.en != meta.nl, "needs an English and a Dutch reason"
    assert "Condition:" in meta.doc and "Law:" in meta.doc, "docstring needs Condition: and Law: lines"
    assert meta.sources, "every rule cites at least one source"
    unknown = [s for s in meta.sources if s not in CAT.sources]
    assert not unknown, f"unknown sources {unknown}"
    if meta.valid_from and meta.valid_until:
        assert meta.valid_from < meta.valid_until
    for day in (meta.valid_from, meta.valid_until):
        assert day is None or date(1990, 1, 1) <= day <= date(2030, 1, 1)
    placeholders = set(re.findall(r"{(\w+)}", meta.en))
    assert placeholders == set(re.findall(r"{(\w+)}", meta.nl)), "both languages use the same placeholders"


def test_every_contract_instrument_is_in_the_catalogue():
    assert sorted(CAT.instruments) == sorted(CONTRACT_INSTRUMENTS)


def test_every_instrument_is_concluded_by_its_families():
    families = {m.family for m in METAS}
    for inst in CAT.instruments.values():
        assert inst.families, inst.id
        for fam in inst.families:
            assert fam in families, f"{inst.id}: no rules of family {fam}"
        assert inst.sources and all(s in CAT.sources for s in inst.sources), inst.id
        assert inst.last_checked <= date.today()


def test_rule_modules_name_instruments_of_the_catalogue():
    # Every quoted kebab-case id used as an instrument constant must exist in the catalogue.
    for family in rules.FAMILIES:
        source = inspect.getsource(inspect.getmodule(family))
        for const in re.findall(r'^[A-Z0-9_]+ = "([a-z][a-z0-9-]*)"$', source, re.M):
            assert const in CAT.instruments, f"{family.__name__}: unknown instrument {const}"
