"""Regenerate the README example table from `tacitus extract` on the bundled article: python scripts/readme_example.py"""
import json, subprocess, sys
out = subprocess.run([".venv/bin/tacitus", "extract", "examples/000_df06522f36d2b8de.txt"], capture_output=True, text=True).stdout
a = json.loads(out)
def actor(p):
    if not p: return ""
    ac = p.get("actor") or {}
    code = f" `{ac['code']}`" if ac.get("code") else ""
    return f"{p['text']}{code}"
rows = ["| when (basis) | type · CAMEO | source | target | where | modality · according to | trigger |",
        "|---|---|---|---|---|---|---|"]
for e in a["events"]:
    d = e["date"]
    when = f"{d['value'] or '?'} · {d['start'] or '…'} – {d['end'] or '…'} ({d['basis']})"
    mod = e["modality"] + (f" · {e['attribution']['text']}" if e.get("attribution") else "")
    loc = (e.get("location") or {}).get("name") or ""
    rows.append(f"| {when} | {e['type']} · {e['cameo']} | {actor(e['source'])} | {actor(e['target'])} | {loc} | {mod} | {e['trigger']['text']} |")
tx = ", ".join(f"“{t['text']}” → `{t['value']}`" + (f" {t['mod']}" if t['mod'] else "") for t in a["timexes"])
md = "\n".join(rows) + f"\n\nTime expressions: {tx}.\n"
readme = open("README.md").read()
s, e = readme.index("<!-- EXAMPLE-OUTPUT -->"), readme.index("<!-- /EXAMPLE-OUTPUT -->")
readme = readme[:s] + "<!-- EXAMPLE-OUTPUT -->\n" + md + readme[e:]
open("README.md", "w").write(readme)
print(md)
