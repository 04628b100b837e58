"""Actor coding of phrases scored on the PLOVER gold sentences (source/target actor text, country, sector).

    .venv/bin/python bench/actors.py [--errors N]

Country accuracy: over gold actors with a country code (IGO golds count as right when we code an IGO).
Sector accuracy: over gold actors with a standard sector code; right when the gold sector is among ours.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TACITUS_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))

from tacitus.actors import resolve_phrase  # noqa: E402

IGO_CODES = {"UNO", "EUR", "NAT", "AFU", "IAE", "ARL", "ASN", "OAS", "OSC", "GCC", "WAS", "IMF", "WBK", "WTO",
             "OPC", "ICC", "ICJ", "ITP", "IRC", "AMN", "HRW", "MSF", "G7", "G20", "CWN", "APC", "SCO", "WHO"}


# pre-ISO CAMEO codes (and the GSR's own variants) -> ISO 3166-1 alpha-3
CAMEO_ISO = {"JAP": "JPN", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR", "KOS": "XKX", "VTN": "VNM",
             "ITL": "ITA"}


def gold_actors(path):
    for r in json.load(open(path, encoding="utf-8")):
        for role in ("source", "target"):
            v = r.get(role)
            if isinstance(v, dict):
                v = [v]
            if not isinstance(v, list):
                continue
            for a in v:
                if a.get("actorText") and (a.get("code") or a.get("sector")):
                    yield a["actorText"], a.get("code"), (a.get("sector") or "")[:3].upper() or None, r.get("date")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    golds = list(gold_actors(SHARED / "data/events/PLOVER_GSR_CAMEO.txt"))
    c_n = c_ok = s_n = s_ok = 0
    shown = 0
    for text, code, sector, d in golds:
        act = resolve_phrase(text)  # the GSR dates are all the placeholder 2000-01-01: no date
        country = act.country if act else None
        if code and code not in ("***", "---"):
            c_n += 1
            code = CAMEO_ISO.get(code, code)
            # IMG (transnational militarized group, e.g. al-Qaeda): our groups.tsv codes those with no country
            ok = country == code or (code == "IGO" and country in IGO_CODES) or (code in ("NGO",) and act and "NGO" in act.sectors) \
                or (code == "IMG" and act is not None and act.country is None and act.kind == "organization"
                    and bool({"REB", "MIL"} & set(act.sectors)))
            c_ok += bool(ok)
            if not ok and shown < a.errors:
                shown += 1
                print(f"  country {text!r}: gold {code}, got {country}")
        if sector and sector not in ("***",) and sector.isalpha():
            s_n += 1
            # the GSR follows PLOVER (JRN = journalists, MED = medical); Tacitus keeps CAMEO's codes
            # (MED = media, HLH = health)
            sector = {"JRN": "MED", "MED": "HLH", "CIV": "CVL"}.get(sector, sector)
            ok = act is not None and sector in act.sectors
            s_ok += bool(ok)
            if not ok and shown < a.errors:
                shown += 1
                print(f"  sector {text!r}: gold {sector}, got {act.sectors if act else None}")
    print(f"PLOVER GSR actors: {len(golds)} gold actors; country accuracy {c_ok / c_n:.3f} ({c_ok}/{c_n}); "
          f"sector accuracy {s_ok / s_n:.3f} ({s_ok}/{s_n})")


if __name__ == "__main__":
    main()
