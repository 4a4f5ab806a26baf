"""Loads and cross-checks the YAML catalogue under ``rules/catalogue``.

Everything is validated in one pass; every problem is reported with its file, so a
maintainer who breaks the catalogue sees the whole list at once.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import pickle
import re
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.errors import InputError, load_yaml, validate
from advisor.i18n import Msg
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
    # defer_build: a model of the catalogue's files is only validated when the catalogue is read
    # from YAML, which a warm start skips (the validated catalogue comes from the cache), so its
    # validator is built on first use instead of at import (about 20 models of the catalogue,
    # the steps, the pool and the questions)
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


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
    messages: dict[str, Text] = Field(default={}, description="what a person reads when a place is refused")


class Merger(Entry):
    on: IsoDate
    into: str
    parts: list[str] = Field(alias="from")


class PlacesFile(Entry):
    """``places.yaml``: mergers, exonyms, postcodes and places outside Flanders (see its header)."""
    mergers: list[Merger]
    exonyms: dict[str, str]
    postcodes: dict[Annotated[str, Field(pattern=r"^[1-9][0-9]{3}$")], dict[str, str]]
    outside_flanders: dict[Literal["brussels", "wallonia"], list[str]]
    outside_postcodes: dict[Literal["brussels", "wallonia"], list[int]]


def fold(name: str) -> str:
    """Municipality names match without regard to case, accents, hyphens or spaces."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.casefold() if ch.isalnum())


class _Texts(Msg):
    """A message whose two texts come from the catalogue (municipalities.yaml), not from
    ``advisor.i18n``: rendered in the user's language like any ``Msg``."""

    __slots__ = ("nl", "en")

    def __init__(self, nl: str, en: str):  # noqa: the texts are given, not a key of advisor.i18n
        self.key, self.params, self.nl, self.en = "place", {}, nl, en

    def render(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class PlaceError(ValueError):
    """A place that cannot be taken as a Flemish municipality, with its message in Dutch and
    English (unrendered: a case file's error is shown in the CLI's --lang); ``text(lang)``
    is the one to show."""

    def __init__(self, nl: str, en: str):
        super().__init__(_Texts(nl, en))
        self.texts = {"nl": nl, "en": en}

    def text(self, lang: str) -> str:
        return self.texts["nl" if lang == "nl" else "en"]


#: "8500", "8500 Kortrijk", "Kortrijk 8500", "Heule (8501)"
_POSTCODE_FIRST = re.compile(r"^([1-9][0-9]{3})(?:[\s,]+(.*))?$")
_POSTCODE_LAST = re.compile(r"^(.*?)[\s,(]+([1-9][0-9]{3})\)?$")
_REGION = {"brussels": {"nl": "het Brussels Hoofdstedelijk Gewest", "en": "the Brussels-Capital Region"},
           "wallonia": {"nl": "Wallonië", "en": "Wallonia"}}


@dataclass(frozen=True)
class Municipalities:
    home: frozenset[str]
    neighbouring: frozenset[str]
    by_key: dict[str, str]
    current: dict[str, str]  # former municipality -> the one that absorbed it
    # --- places as people name them (places.yaml), resolved on a date ----------------
    official: dict[str, str] = field(default_factory=dict)     # fold -> municipality of 2005-2026
    merged: dict[str, tuple[date, str]] = field(default_factory=dict)   # part -> (on, into)
    created: dict[str, tuple[date, tuple[str, ...]]] = field(default_factory=dict)  # new -> (on, parts)
    exonyms: dict[str, str] = field(default_factory=dict)      # fold -> municipality
    localities: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    # fold -> ((locality, municipality of 2019-2024, postcode), ...)
    postcodes: dict[str, dict[str, str]] = field(default_factory=dict)
    outside: dict[str, tuple[str, str]] = field(default_factory=dict)   # fold -> (name, region)
    outside_postcodes: dict[int, str] = field(default_factory=dict)
    messages: dict[str, Text] = field(default_factory=dict)

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

    # --- resolution -------------------------------------------------------------------

    def resolve(self, text: str, on: date) -> str:
        """The municipality in force on ``on`` that ``text`` names: its official name, a
        French or German name, a postcode (optionally with the locality), or a deelgemeente.
        A place in Brussels or Wallonia, an ambiguous one and an unknown one raise
        ``PlaceError`` (nl and en)."""
        return self._on(self._place(text), on)

    def on_date(self, organisation, on: date) -> str:
        """The municipality of a validated case's ``organisation`` on ``on`` (the advice's date,
        which ``--as-of`` may set apart from the case's): from what was typed when that still
        names a place, else from the municipality it resolved to."""
        typed = organisation.municipality_as_typed
        if typed:
            try:
                return self.resolve(typed, on)
            except PlaceError:
                pass
        return self.resolve(organisation.municipality, on)

    def recognise(self, text: str) -> str:
        """``text`` in the official spelling when it is a municipality's name, else as typed
        (stripped); ``PlaceError`` when no date could make it a Flemish municipality."""
        name = self._place(text)
        return name if fold(name) == fold(text) else " ".join(text.split())

    def _place(self, text: str) -> str:
        """The municipality (as in the data, before any date) that ``text`` names."""
        given = " ".join(str(text).split())
        m = _POSTCODE_FIRST.match(given)
        if m:
            return self._by_postcode(given, m[1], m[2])
        m = _POSTCODE_LAST.match(given)
        if m and fold(m[1]):
            return self._by_postcode(given, m[2], m[1])
        key = fold(given)
        if key in self.official:
            return self.official[key]
        flemish = []   # (municipality, label)
        if key in self.exonyms:
            flemish.append((self.exonyms[key], self.exonyms[key]))
        for place, muni, code in self.localities.get(key, ()):
            flemish.append((muni, f"{place} ({' '.join(filter(None, (code, muni)))})"))
        outside = self.outside.get(key)
        if len({m for m, _ in flemish}) == 1 and not outside:
            return flemish[0][0]
        if outside and not flemish:
            raise self._error("outside", given=given, region=outside[1])
        if flemish:
            labels = sorted({label for _, label in flemish})
            extra = {lang: [f"{outside[0]} ({_REGION[outside[1]][lang]})"] if outside else []
                     for lang in ("nl", "en")}
            raise PlaceError(*(self._text("ambiguous", lang, given=given,
                                          candidates=", ".join(labels + extra[lang])) for lang in ("nl", "en")))
        raise self._unknown(given)

    def _by_postcode(self, given: str, code: str, place: str | None) -> str:
        places = self.postcodes.get(code)
        if places is None:
            if int(code) in self.outside_postcodes:
                raise self._error("outside", given=given, region=self.outside_postcodes[int(code)])
            raise self._error("unknown_postcode", given=given, code=code)
        listed = ", ".join(sorted(places))
        if place and fold(place):
            for name, muni in places.items():
                if fold(name) == fold(place) or fold(muni) == fold(place):
                    return muni
            raise self._error("not_in_postcode", given=given, code=code, places=listed)
        munis = sorted(set(places.values()))
        if len(munis) == 1:
            return munis[0]
        raise self._error("ambiguous_postcode", given=given, code=code,
                          candidates=", ".join(f"{p} ({m})" for p, m in sorted(places.items())),
                          example=f"{code} {sorted(places)[0]}")

    def _on(self, name: str, on: date) -> str:
        """``name`` carried through the mergers in force on ``on``. A merged municipality's
        name on a date before its merger is kept: its parts lie in the same region (checked
        when the catalogue loads), so nothing in the advice depends on which part is meant."""
        while name in self.merged and self.merged[name][0] <= on:
            name = self.merged[name][1]
        return name

    def _text(self, key: str, lang: str, **params) -> str:
        if "region" in params:
            params = {**params, "region": _REGION[params["region"]][lang]}
        return self.messages[key](lang).format(**params)

    def _error(self, key: str, **params) -> PlaceError:
        return PlaceError(self._text(key, "nl", **params), self._text(key, "en", **params))

    def _unknown(self, given: str) -> PlaceError:
        # places outside Flanders too: "Dottignie" is better told it meant Dottignies (and
        # then that the advice covers Flanders) than only that it is unknown
        names = {**{k: v[0] for k, v in self.outside.items()}, **self.official, **self.exonyms,
                 **{k: v[0][0] for k, v in self.localities.items()}}
        close = difflib.get_close_matches(fold(given), list(names), n=3, cutoff=0.75)
        suggestions = ", ".join(dict.fromkeys(names[c] for c in close))
        return PlaceError(*(self._text("unknown", lang, given=given,
                                       hint=self._text("did_you_mean", lang, names=suggestions) if close else ".")
                            for lang in ("nl", "en")))


def _places(muni: MunicipalityFile, places: PlacesFile, problems: list[str]) -> dict:
    """The resolution tables of ``Municipalities`` from the two files, cross-checked."""
    current = [*muni.home_region, *muni.neighbouring, *muni.flanders]
    official = {fold(n): n for n in current}
    merged, created = {}, {}
    region = {n: ("home" if n in muni.home_region else "neighbouring" if n in muni.neighbouring else "flanders")
              for n in current}
    for mg in places.mergers:
        if mg.into not in region:
            problems.append(f"places.yaml: mergers: {mg.into} is not a municipality of municipalities.yaml")
            continue
        for part in mg.parts:
            official.setdefault(fold(part), part)
            merged[part] = (mg.on, mg.into)
            if muni.former.get(part) != mg.into:
                problems.append(f"places.yaml: mergers: {part} -> {mg.into} disagrees with municipalities.yaml")
            if region.get(muni.former.get(part, part), region[mg.into]) != region[mg.into]:
                problems.append(f"places.yaml: mergers: {part} lies in another region than {mg.into}")
        if mg.into not in mg.parts:
            created[mg.into] = (mg.on, tuple(mg.parts))
    known = set(official.values())
    exonyms = {}
    for name, target in places.exonyms.items():
        if target not in known:
            problems.append(f"places.yaml: exonyms.{name}: unknown municipality {target}")
        exonyms[fold(name)] = target
    localities: dict[str, list] = {}
    for code, listed in places.postcodes.items():
        for place, target in listed.items():
            if target not in known:
                problems.append(f"places.yaml: postcodes.{code}.{place}: unknown municipality {target}")
            localities.setdefault(fold(place), []).append((place, target, code))
    for old, new in muni.former.items():
        # a former municipality that bpost no longer names (Beveren-Leie, Heist) stays a place
        # of the municipality that absorbed it
        key = fold(old)
        if key not in official and key not in exonyms and key not in localities:
            localities[key] = [(old, new, "")]
    outside = {}
    for reg, names in places.outside_flanders.items():
        for name in names:
            outside.setdefault(fold(name), (name, reg))
    outside_codes = {code: reg for reg, codes in places.outside_postcodes.items() for code in codes}
    for code in places.postcodes:
        if int(code) in outside_codes:
            problems.append(f"places.yaml: postcode {code} is listed in Flanders and outside it")
    needed = {"unknown", "did_you_mean", "outside", "ambiguous", "ambiguous_postcode", "not_in_postcode",
              "unknown_postcode"}
    if missing := sorted(needed - set(muni.messages)):
        problems.append(f"municipalities.yaml: messages: missing {', '.join(missing)}")
    return dict(official=official, merged=merged, created=created, exonyms=exonyms,
                localities={k: tuple(sorted(v)) for k, v in localities.items()},
                postcodes={c: dict(p) for c, p in places.postcodes.items()}, outside=outside,
                outside_postcodes=outside_codes, messages=dict(muni.messages))


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
    places = validate(PlacesFile, load_yaml(directory / "places.yaml"), directory / "places.yaml")
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
    tables = _places(muni, places, problems)
    if problems:
        raise InputError(directory, problems)

    return Catalogue(
        instruments={i.id: i for i in instruments},
        sources={s.id: s for s in sources},
        municipalities=Municipalities(frozenset(muni.home_region), frozenset(muni.neighbouring),
                                      by_key, dict(muni.former), **tables),
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
# Validating the YAML catalogue, steps, pool and questions costs about 0.3 s on every start;
# the result is kept as a pickle in the user's cache folder.
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
