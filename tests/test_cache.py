"""The catalogue cache: nothing is read from a place others can write, a broken file is
rebuilt, and the cache can be turned off."""
from __future__ import annotations

import os
import pickle

import pytest

from advisor.knowledge import cache_folder, cached, load_catalogue, read_cached, write_cached


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(folder))
    monkeypatch.delenv("ADVISOR_NO_CACHE", raising=False)
    return folder


def test_the_cached_catalogue_is_the_loaded_one(private_cache):
    built = cached("catalogue", load_catalogue)  # loads and stores
    assert any(p.name.startswith("catalogue-") for p in private_cache.iterdir())
    again = cached("catalogue", load_catalogue)  # from the file
    assert again is not built and again == built == load_catalogue()


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
