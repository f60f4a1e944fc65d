#!/usr/bin/env python3
"""Turn a gold draft (see SPEC.md) into a final gold file with checked character spans.

    python3 goldtool.py DRAFT.json OUT.json

Offsets are into the whole decoded file (UTF-8, BOM removed, no newline translation),
as claimmap's reader keeps them. Fails with a message on any ambiguity.
"""

import json
import re
import sys
from pathlib import Path

KINDS = {"country", "admin1", "admin2", "settlement", "continent", "area", "other"}
SPLITS = {"tune", "heldout"}
SETS = {"war", "world"}
LAYOUTS = {"wire", "liveblog", "label", "state-media", "think-tank", "telegram",
           "headline-lead", "interview", "feature", "analysis", "bulletin"}


def die(msg):
    sys.exit(f"goldtool: {msg}")


def body_start(text):
    lines = text.split("\n")
    if not re.match(r"date \d{4}-\d{2}-\d{2}$", lines[0]):
        die("first line must be 'date YYYY-MM-DD' (nothing else on it)")
    pos = len(lines[0]) + 1
    for line in lines[1:]:
        if re.match(r"(title|source|url):", line):
            pos += len(line) + 1
        else:
            break
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def occurrences(text, needle, start, whole_word):
    found, i = [], text.find(needle, start)
    while i >= 0:
        j = i + len(needle)
        ok = True
        if whole_word:
            if i > 0 and (text[i - 1].isalnum()):
                ok = False
            if j < len(text) and text[j].isalnum():
                ok = False
        if ok:
            found.append((i, j))
        i = text.find(needle, i + 1)
    return found


def locate(text, start, item, key, whole_word, what):
    needle = item[key]
    if "context" in item:
        ctx = item["context"]
        m = re.search(r"\[\[(.+?)\]\]", ctx)
        if not m or m.group(1) != needle:
            die(f"{what}: context must mark the surface as [[{needle}]]")
        plain = ctx.replace("[[", "").replace("]]", "")
        hits = occurrences(text, plain, start, False)
        if len(hits) != 1:
            die(f"{what}: context {plain!r} occurs {len(hits)} times in the body (need 1)")
        a = hits[0][0] + m.start()
        return [(a, a + len(needle))]
    hits = occurrences(text, needle, start, whole_word)
    if not hits:
        die(f"{what}: {needle!r} not found in the body")
    if item.get("all"):
        return hits
    n = item.get("occurrence")
    if n is None:
        if len(hits) > 1:
            die(f"{what}: {needle!r} occurs {len(hits)} times; give occurrence, context or all")
        n = 1
    if not 1 <= n <= len(hits):
        die(f"{what}: occurrence {n} of {needle!r}, only {len(hits)} found")
    return [hits[n - 1]]


def main(argv):
    if len(argv) != 2:
        die("usage: goldtool.py DRAFT.json OUT.json")
    draft = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    path = Path(draft["article"])
    text = path.read_bytes().decode("utf-8-sig")
    if "\r" in text:
        die("article has CR characters: save it with LF line ends")
    start = body_start(text)
    for field, allowed in (("split", SPLITS), ("set", SETS), ("layout", LAYOUTS)):
        if draft.get(field) not in allowed:
            die(f"{field} must be one of {sorted(allowed)}")
    header = dict(re.findall(r"^(date|title|source|url)[: ] ?(.*)$", text[:start], re.M))
    if not header.get("url", "").startswith("http"):
        die("article needs a url: line with the real report's URL")
    claims = []
    for i, c in enumerate(draft.get("claims", [])):
        what = f"claim {i + 1}"
        for f in ("speaker", "kind", "text"):
            if not c.get(f):
                die(f"{what}: missing {f}")
        if c["kind"] not in ("person", "org"):
            die(f"{what}: kind must be person or org")
        (a, b), = locate(text, start, c, "text", False, what)
        if c.get("quote") and c["quote"].split(" … ")[0][:20] not in text[a:b]:
            die(f"{what}: quote does not occur in the claim text")
        claims.append({"speaker": c["speaker"], "alts": c.get("alts", []), "kind": c["kind"],
                       "verb": c.get("verb"), "quote": c.get("quote"), "span": [a, b],
                       "text": text[a:b]})
    places, taken = [], []
    items = sorted(enumerate(draft.get("places", [])),
                   key=lambda p: (not ("context" in p[1] or "occurrence" in p[1]), -len(p[1]["surface"])))
    for i, p in items:
        what = f"place {i + 1} ({p.get('surface')!r})"
        if p.get("kind") not in KINDS:
            die(f"{what}: kind must be one of {sorted(KINDS)}")
        if p["kind"] != "country" and p["kind"] not in ("continent", "area") and not p.get("admin1") \
                and p.get("country") not in (None,):
            if p["kind"] == "admin1":
                die(f"{what}: admin1 places need their admin1 code")
        if p["kind"] == "country" and not re.fullmatch(r"[A-Z]{2}", p.get("country") or ""):
            die(f"{what}: country needs an ISO alpha-2 code")
        if p.get("admin1") and not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", p["admin1"]):
            die(f"{what}: admin1 {p['admin1']!r} is not an ISO 3166-2 code")
        if p["kind"] in ("settlement", "admin2", "other", "area", "continent"):
            if "lat" not in p or "lon" not in p:
                die(f"{what}: give lat/lon (null if no data file has it)")
        spans = locate(text, start, p, "surface", True, what)
        spans = [s for s in spans if not any(s[0] < e and t < s[1] for t, e in taken)]
        if not spans:
            die(f"{what}: every occurrence is inside another annotated place")
        for a, b in spans:
            taken.append((a, b))
            places.append({"span": [a, b], "surface": text[a:b], "name": p.get("name", p["surface"]),
                           "kind": p["kind"], "country": p.get("country"), "admin1": p.get("admin1"),
                           "lat": p.get("lat"), "lon": p.get("lon"),
                           "coord_source": p.get("coord_source")})
    places.sort(key=lambda m: m["span"])
    figures = []
    for i, f in enumerate(draft.get("figures", [])):
        what = f"figure {i + 1}"
        (a, b), = locate(text, start, f, "text", False, what)
        figures.append({"span": [a, b], "text": text[a:b], "value": f["value"],
                        "unit": f["unit"], "counted": f.get("counted"),
                        "qualifier": f.get("qualifier")})
    figures.sort(key=lambda f: f["span"])
    gold = {"article": path.name, "id": path.stem, "date": header.get("date"),
            "url": header.get("url"), "split": draft["split"], "set": draft["set"],
            "outlet": draft.get("outlet") or header.get("source"), "layout": draft["layout"],
            "claims": sorted(claims, key=lambda c: (c["span"], c["speaker"])),
            "places": places, "figures": figures}
    Path(argv[1]).parent.mkdir(parents=True, exist_ok=True)
    Path(argv[1]).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"ok {path.name}: {len(claims)} claims, {len(places)} place mentions, "
          f"{len(figures)} figures -> {argv[1]}")


if __name__ == "__main__":
    main(sys.argv[1:])
