"""TimeML in and out: read ``.tml`` files (text, DCT, gold TIMEX3) and write TimeML with TIMEX3 tags.

``read_tml(path)`` returns a :class:`TmlDoc` whose ``text`` is the content of the ``<TEXT>`` element with
every tag removed; gold timex offsets are Python string indices into that text. ``to_timeml(article)``
writes a TempEval-3 style document (DOCID, DCT, TEXT with TIMEX3 tags) that the official TempEval-3
toolkit reads.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class TmlDoc:
    id: str
    dct: date
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def dct_of(root) -> date:
    """The document creation time of a parsed TimeML root; ``ValueError`` when there is none."""
    for el in root.iter("TIMEX3"):
        if el.get("functionInDocument") == "CREATION_TIME":
            v = el.get("value", "")
            m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", v)
            if m:
                return date(int(m[1]), int(m[2]), int(m[3]))
    raise ValueError("no DCT (CREATION_TIME TIMEX3) in document")


def read_tml(path: str | Path) -> TmlDoc:
    """Parse a TimeML file into its text, DCT and gold TIMEX3 (offsets into the text)."""
    return _parse(ET.parse(str(path)).getroot(), Path(path).stem)


def parse_tml(xml: str, fallback_id: str = "", default_dct: date | None = None) -> TmlDoc:
    """The same for a TimeML document given as a string. Raises ``ET.ParseError`` when it is not
    well-formed XML, ``ValueError`` when it has no creation time and no ``default_dct`` is given."""
    return _parse(ET.fromstring(xml.encode("utf-8")), fallback_id, default_dct)


def doc_id(root, fallback_id: str) -> str:
    """The DOCID of a parsed TimeML root, else ``fallback_id``."""
    el = root.find("DOCID")
    return ((el.text or "").strip() if el is not None else "") or fallback_id


def _parse(root, fallback_id: str, default_dct: date | None = None) -> TmlDoc:
    try:
        dct = dct_of(root)
    except ValueError:
        if default_dct is None:
            raise
        dct = default_dct
    text, spans = text_and_spans(root.find("TEXT"), ("TIMEX3",))
    timexes = [GoldTimex(start, end, text[start:end], el.get("type", ""), el.get("value", ""), el.get("mod"))
               for el, start, end in spans]
    timexes.sort(key=lambda t: t.start)
    return TmlDoc(id=doc_id(root, fallback_id), dct=dct, text=text, timexes=timexes)


def text_and_spans(text_el, tags: tuple[str, ...]) -> tuple[str, list]:
    """The text of a TimeML ``<TEXT>`` element with every tag removed, and ``(element, start, end)`` for
    each element whose tag is in ``tags`` (offsets are Python string indices into that text)."""
    parts: list[str] = []
    spans: list = []
    pos = 0

    def walk(el):
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag in tags:
            spans.append((el, start, pos))

    if text_el is not None:
        walk(text_el)
    return "".join(parts), spans


def timexes_to_timeml(doc_id: str, dct: str, text: str, timexes) -> str:
    """TimeML document with TIMEX3 tags for ``timexes`` (objects with start/end/type/value/mod)."""
    out = ['<?xml version="1.0" ?>',
           '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">',
           "", f"<DOCID>{escape(doc_id)}</DOCID>", "",
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{escape(dct)}" temporalFunction="false" '
           f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>', ""]
    body: list[str] = []
    pos = 0
    n = 0
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if t.start < pos:  # overlapping spans cannot nest in TimeML; keep the first
            continue
        n += 1
        body.append(escape(text[pos:t.start]))
        attrs = f'tid="t{n}" type={quoteattr(t.type)} value={quoteattr(t.value)}'
        if getattr(t, "mod", None):
            attrs += f" mod={quoteattr(t.mod)}"
        body.append(f"<TIMEX3 {attrs}>{escape(text[t.start:t.end])}</TIMEX3>")
        pos = t.end
    body.append(escape(text[pos:]))
    out.append("<TEXT>" + "".join(body) + "</TEXT>")  # the text exactly as read, so offsets line up
    out += ["", "</TimeML>", ""]
    return "\n".join(out)


def to_timeml(article) -> str:
    """TimeML (TIMEX3 tags + DCT) for a :class:`tacitus.model.Article`."""
    return timexes_to_timeml(article.id, article.date, article.text, article.timexes)
