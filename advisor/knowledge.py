"""Loads and cross-checks the YAML catalogue under ``rules/catalogue``.

Everything is validated in one pass; every problem is reported with its file, so a
maintainer who breaks the catalogue sees the whole list at once.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.errors import InputError, load_yaml, validate
from advisor.vocabulary import IsoDate, LegalForm

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "rules" / "catalogue"
CODE_DIR = Path(__file__).resolve().parent
CACHE_DIR_ENV = "ADVISOR_CACHE_DIR"
NO_CACHE_ENV = "ADVISOR_NO_CACHE"

#: The instrument ids of the public contract (shared/contract/case-format.md).
CONTRACT_INSTRUMENTS = (
    "beschutte-werkplaats", "sociale-werkplaats", "maatwerkbedrijf", "maatwerkafdeling",
    "individueel-maatwerk", "vop", "invoegbedrijf", "buurt-en-nabijheidsdiensten",
    "lokale-diensteneconomie", "lokale-regie", "arbeidszorg", "arbeidsmatige-activiteiten",
    "wep-plus", "tijdelijke-werkervaring", "artikel-60", "artikel-61", "pwa", "wijk-werken",
    "dienstencheques", "sine", "activa", "gesco",
)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(Entry):
    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def __call__(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Source(Entry):
    id: Annotated[str, Field(pattern=r"^S\d{1,3}$")]
    title: Annotated[str, Field(min_length=3)]
    address: Annotated[str, Field(min_length=3)]
    date: IsoDate | None = Field(description="page, article or act date; null when the brief gives none")
    date_note: str | None = None


class Authority(Entry):
    """Who decides, in a given period (half-open window)."""
    valid_from: IsoDate | None = None
    valid_until: IsoDate | None = None
    text: Text


class Instrument(Entry):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    name: Text
    summary: Text
    kind: Literal["organisation", "staffing"]
    families: list[Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]{1,5}$")]]
    sources: list[str]
    open_from: IsoDate | None = Field(description="first day open to new starters; null: before 2005")
    open_until: IsoDate | None = Field(description="first day no longer open (exclusive); null: open")
    successor: str | None = None
    organisers: list[LegalForm]
    organisers_note: Text
    authority: list[Authority]
    uncertain: list[Text] = []
    last_checked: IsoDate

    def open_on(self, on: date) -> bool:
        if self.open_from and on < self.open_from:
            return False
        return not (self.open_until and on >= self.open_until)

    def authority_on(self, on: date) -> Text | None:
        for a in self.authority:
            if (a.valid_from is None or on >= a.valid_from) and (a.valid_until is None or on < a.valid_until):
                return a.text
        return None


class KnowledgeFile(Entry):
    covers_from: IsoDate


class MunicipalityFile(Entry):
    home_region: list[str]
    neighbouring: list[str]
    flanders: list[str]
    former: dict[str, str] = Field(default={}, description="merged-away name -> current name")


def fold(name: str) -> str:
    """Municipality names match without regard to case, accents, hyphens or spaces."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.casefold() if ch.isalnum())


@dataclass(frozen=True)
class Municipalities:
    home: frozenset[str]
    neighbouring: frozenset[str]
    by_key: dict[str, str]
    current: dict[str, str]  # former municipality -> the one that absorbed it

    def canonical(self, name: str) -> str:
        """The official spelling of ``name``; ValueError with suggestions when unknown."""
        hit = self.by_key.get(fold(name))
        if hit:
            return hit
        close = difflib.get_close_matches(fold(name), list(self.by_key), n=3, cutoff=0.75)
        hint = f"; did you mean {', '.join(self.by_key[c] for c in close)}?" if close else ""
        raise ValueError(f"unknown municipality {name!r}{hint} Allowed: a Flemish municipality "
                         f"(list in rules/catalogue/municipalities.yaml)")

    def region_of(self, name: str) -> str:
        name = self.current.get(name, name)
        if name in self.home:
            return "home"
        return "neighbouring" if name in self.neighbouring else "flanders"


@dataclass(frozen=True)
class Catalogue:
    instruments: dict[str, Instrument]
    sources: dict[str, Source]
    municipalities: Municipalities
    version: str
    covers_from: date      # the first date the knowledge covers
    checked_until: date    # the law as known on this date (the oldest last_checked)

    def instrument(self, instrument_id: str) -> Instrument:
        return self.instruments[instrument_id]

    def open_on(self, on: date) -> list[Instrument]:
        return [i for i in self.instruments.values() if i.open_on(on)]


def _load_list(path: Path, model: type[Entry], problems: list[str]) -> list:
    data = load_yaml(path)
    if not isinstance(data, list):
        raise InputError(path, ["the file must be a list of entries"])
    items = []
    for n, raw in enumerate(data):
        try:
            items.append(validate(model, raw, path, prefix=f"[{n}]"))
        except InputError as exc:
            problems.extend(f"{path.name}: {p}" for p in exc.problems)
    return items


def load_catalogue(directory: Path = CATALOGUE_DIR) -> Catalogue:
    """Load and cross-check the catalogue; raise one InputError listing every problem."""
    problems: list[str] = []
    sources = _load_list(directory / "sources.yaml", Source, problems)
    instruments = _load_list(directory / "instruments.yaml", Instrument, problems)
    muni = validate(MunicipalityFile, load_yaml(directory / "municipalities.yaml"),
                    directory / "municipalities.yaml")
    span = validate(KnowledgeFile, load_yaml(directory / "knowledge.yaml"), directory / "knowledge.yaml")

    source_ids = {s.id for s in sources}
    by_id: dict[str, Instrument] = {}
    for inst in instruments:
        if inst.id in by_id:
            problems.append(f"instruments.yaml: instrument id {inst.id} appears twice")
        by_id[inst.id] = inst
    for s in sources:
        if [x.id for x in sources].count(s.id) > 1:
            problems.append(f"sources.yaml: source id {s.id} appears twice")
    for inst in instruments:
        for sid in inst.sources:
            if sid not in source_ids:
                problems.append(f"instruments.yaml: {inst.id}.sources: unknown source {sid}")
        if inst.successor and inst.successor not in by_id:
            problems.append(f"instruments.yaml: {inst.id}.successor: unknown instrument {inst.successor}")
        if inst.open_from and inst.open_until and inst.open_until <= inst.open_from:
            problems.append(f"instruments.yaml: {inst.id}: open_until must be after open_from")
        if not inst.authority:
            problems.append(f"instruments.yaml: {inst.id}.authority: at least one entry is required")
    missing = [i for i in CONTRACT_INSTRUMENTS if i not in by_id]
    if missing and instruments:
        problems.append(f"instruments.yaml: contract instrument ids missing: {', '.join(missing)}")

    by_key: dict[str, str] = {}
    for name in [*muni.home_region, *muni.neighbouring, *muni.flanders]:
        by_key[fold(name)] = name
    for old, new in muni.former.items():
        if fold(new) not in by_key:
            problems.append(f"municipalities.yaml: former.{old}: unknown current name {new}")
        by_key.setdefault(fold(old), old)
    if problems:
        raise InputError(directory, problems)

    return Catalogue(
        instruments={i.id: i for i in instruments},
        sources={s.id: s for s in sources},
        municipalities=Municipalities(frozenset(muni.home_region), frozenset(muni.neighbouring),
                                      by_key, dict(muni.former)),
        version=_version(directory),
        covers_from=span.covers_from,
        checked_until=min(i.last_checked for i in instruments),
    )


def _version(directory: Path) -> str:
    """Identifies the knowledge: a digest of the catalogue and the rule modules."""
    digest = hashlib.sha256()
    for path in sorted([*directory.glob("*.yaml"), *directory.parent.glob("*.py")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"werkwaardig-{digest.hexdigest()[:12]}"


@cache
def catalogue() -> Catalogue:
    """The catalogue of this installation, loaded once per process (or from the cache)."""
    return cached("catalogue", load_catalogue)


# --- the private cache: what is costly to build, kept between processes ------------------
#
# Validating the YAML catalogue, steps, pool and questions costs about 0.3 s and building the
# engine's network 0.6 s on every start; both are kept as pickles in the user's cache folder.
# Loading a pickle runs code, so a file is only read from a folder that belongs to the user
# and that nobody else can write (folder 0700, file 0600, no links); anything else is ignored
# and the objects are built as before. ``ADVISOR_CACHE_DIR`` moves the folder;
# ``ADVISOR_NO_CACHE=1`` turns the cache off.


def cache_key(*parts: str) -> str:
    """A key of the knowledge (rule modules, catalogue), the package's code and Python: any
    change of one of them gives another key, so a stale file is never read."""
    digest = hashlib.sha256()
    for part in (_version(CATALOGUE_DIR), sys.version, *parts):
        digest.update(part.encode())
    for path in sorted(CODE_DIR.rglob("*.py")):
        digest.update(path.relative_to(CODE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_folder() -> Path | None:
    """The user's private cache folder (made 0700), or None when it is off or not private."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    if os.environ.get(CACHE_DIR_ENV):
        path = Path(os.environ[CACHE_DIR_ENV])
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("werkwaardig-advisor", appauthor=False))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return path if _private(path) else None


def _private(path: Path) -> bool:
    """Owned by this user and writable by nobody else; never a link."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode):
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_cached(name: str) -> bytes | None:
    where = cache_folder()
    if where is None or not _private(where / name):
        return None
    try:
        return (where / name).read_bytes()
    except OSError:
        return None


def write_cached(name: str, data: bytes) -> None:
    """Write atomically (a 0600 temporary file, then a rename); drop older files of the kind."""
    where = cache_folder()
    if where is None:
        return
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, where / name)
        kind = name.split("-", 1)[0]
        for old in where.glob(f"{kind}-*.pickle"):
            if old.name != name:
                old.unlink(missing_ok=True)
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def cached(kind: str, load: Callable[[], object]):
    """``load()``, or what an earlier process stored of it for this knowledge and code."""
    name = f"{kind}-{cache_key()}.pickle"
    data = read_cached(name)
    if data is not None:
        try:
            return pickle.loads(data)
        except Exception:  # noqa: BLE001 - a broken file: load anew (and replace it)
            pass
    value = load()
    write_cached(name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
