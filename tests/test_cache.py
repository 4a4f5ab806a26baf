"""The engine and catalogue cache: loaded results are exactly the built ones, and nothing is
read from a place others can write."""
from __future__ import annotations

import os
import pickle

import pytest

from advisor.engine import cache
from advisor.engine.engine import build_engine
from advisor.knowledge import cache_folder, cached, catalogue, read_cached, write_cached
from advisor.regression.scenarios import collect
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(folder))
    monkeypatch.delenv("ADVISOR_NO_CACHE", raising=False)
    return folder


def _conclusions(eng, case):
    cat = catalogue()
    muni = case.organisation.municipality
    region = cat.municipalities.region_of(muni) if muni else None
    out = [(c.kind, c.meta.id, c.instrument, c.group, c.path, c.code, tuple(sorted(c.params.items())))
           for c in eng.run_case(case, case.as_of, region)]
    return out, list(eng.fired), list(eng.skipped)


def test_the_cached_engine_concludes_exactly_what_a_built_one_does_on_every_scenario(private_cache):
    built = build_engine(cached=False)
    build_engine(cached=True)  # builds and stores
    assert any(p.name.startswith("engine-") for p in private_cache.iterdir())
    loaded = build_engine(cached=True)  # loads
    assert loaded.matcher is not built.matcher
    entries = [e for e in collect([ROOT / "scenarios"]) if e.loaded]
    assert len(entries) > 200
    for e in entries:
        case = e.loaded.scenario.case
        assert _conclusions(loaded, case) == _conclusions(built, case), e.id


def test_the_cache_is_private(private_cache):
    assert cache_folder() == private_cache
    assert oct(private_cache.stat().st_mode & 0o777) == "0o700"
    write_cached("probe-1.pickle", b"x")
    assert oct((private_cache / "probe-1.pickle").stat().st_mode & 0o777) == "0o600"
    assert read_cached("probe-1.pickle") == b"x"
    os.chmod(private_cache / "probe-1.pickle", 0o666)  # writable by others: never read
    assert read_cached("probe-1.pickle") is None
    os.chmod(private_cache, 0o777)
    assert cache_folder() is None and read_cached("probe-1.pickle") is None


def test_a_link_is_never_followed(private_cache, tmp_path):
    cache_folder()
    target = tmp_path / "elsewhere.pickle"
    target.write_bytes(pickle.dumps("hostile"))
    (private_cache / "probe-1.pickle").symlink_to(target)
    assert read_cached("probe-1.pickle") is None


def test_a_broken_cache_file_is_rebuilt(private_cache):
    calls = []
    first = cached("probe", lambda: calls.append(1) or {"a": 1})
    name = next(p for p in private_cache.iterdir() if p.name.startswith("probe-"))
    name.write_bytes(b"not a pickle")
    assert cached("probe", lambda: calls.append(1) or {"a": 1}) == first and len(calls) == 2
    assert cached("probe", lambda: calls.append(1) or {"a": 1}) == first and len(calls) == 2  # stored again


def test_off_means_off(private_cache, monkeypatch):
    monkeypatch.setenv("ADVISOR_NO_CACHE", "1")
    assert cache_folder() is None
    cached("probe", lambda: 1)
    assert not private_cache.exists()


def test_the_key_follows_the_code():
    assert cache.name().startswith("engine-") and cache.name().endswith(".pickle")
