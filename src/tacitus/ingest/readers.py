"""Readers: txt (``date YYYY-MM-DD`` first), JSON Lines, CSV, HTML, TimeML, directories, stdin.

Each reader yields ``Record`` objects; problems become ``Record(error=...)`` so the batch goes on.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..model import Record
from .validate import parse_date

FORMATS = ("auto", "txt", "jsonl", "csv", "html", "timeml")
EXT = {".txt": "txt", ".text": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
       ".csv": "csv", ".html": "html", ".htm": "html", ".tml": "timeml"}
_TXT_DATE = re.compile(r"^\s*date\s+(\S+)\s*", re.IGNORECASE)
csv.field_size_limit(50_000_000)


def _decode(data: bytes, origin: str) -> tuple[str | None, str | None]:
    """bytes -> (text, error). Strict UTF-8 (BOM allowed); binary or other encodings are an error."""
    if b"\x00" in data[:8192]:
        return None, "binary file (NUL bytes), not text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"


def sniff_format(data: bytes, name: str = "") -> str:
    ext = Path(name).suffix.lower()
    if ext in EXT:
        return EXT[ext]
    head = data[:2048].lstrip()
    if head[:1] == b"{":
        return "jsonl"
    low = head[:512].lower()
    if b"<timeml" in data[:4096].lower():
        return "timeml"
    if low.startswith(b"<!doctype html") or low.startswith(b"<html") or b"<body" in low:
        return "html"
    if re.match(rb"^\s*date\s+\S+", head, re.IGNORECASE):
        return "txt"
    first = head.split(b"\n", 1)[0].lower()
    if b"," in first and b"text" in first and b"date" in first:
        return "csv"
    return "txt"


def _stem_id(origin: str) -> str:
    return Path(origin).stem if origin and origin != "-" else "stdin"


def read_txt(text: str, origin: str, default_date=None) -> Iterator[Record]:
    m = _TXT_DATE.match(text)
    rid = _stem_id(origin)
    if m:
        d = parse_date(m.group(1))
        body = text[m.end():]
        if d is None:
            yield Record(id=rid, date=None, text=body, origin=origin,
                         error=f"invalid date {m.group(1)!r} in the 'date' line (expected YYYY-MM-DD)")
            return
    else:
        d, body = parse_date(default_date), text
    yield Record(id=rid, date=d, text=body.strip("\n"), origin=origin)


def _record_from_mapping(obj: dict, origin: str, default_date=None, fallback_id: str = "") -> Record:
    if not isinstance(obj, dict):
        return Record(id=None, date=None, text=None, origin=origin,
                      error=f"expected a JSON object, got {type(obj).__name__}")
    rid = obj.get("id")
    rid = str(rid) if rid not in (None, "") else fallback_id
    raw_date = obj.get("date") or obj.get("time") or obj.get("published")
    d = parse_date(raw_date) if raw_date not in (None, "") else parse_date(default_date)
    text = obj.get("text")
    err = None
    if raw_date not in (None, "") and parse_date(raw_date) is None:
        err = f"invalid date {raw_date!r} (expected YYYY-MM-DD)"
    if text is not None and not isinstance(text, str):
        err = f"'text' must be a string, got {type(text).__name__}"
        text = None
    return Record(id=rid, date=d, text=text, title=obj.get("title") or None, url=obj.get("url") or None,
                  source=obj.get("source") or None, origin=origin, error=err)


def _read_json_document(text: str, origin: str, default_date=None) -> Iterator[Record] | None:
    """A whole-file JSON document: an array of article objects ("[{...}, {...}]") or one pretty-printed
    object. None when the text is not one (then it is JSON Lines)."""
    head = text.lstrip()[:1]
    if head not in ("[", "{"):
        return None
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if head == "{":
        try:
            json.loads(first)
            return None  # the first line is a whole object: JSON Lines
        except json.JSONDecodeError:
            pass
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if head == "[":
            return iter([Record(id=None, date=None, text=None, origin=f"{origin}:{exc.lineno}",
                                error=f"broken JSON array: {exc.msg}")])
        return None
    stem = _stem_id(origin)
    items = doc if isinstance(doc, list) else [doc]
    return (_record_from_mapping(obj, f"{origin}[{i}]", default_date, fallback_id=f"{stem}-{i + 1}")
            for i, obj in enumerate(items))


def read_jsonl(text: str, origin: str, default_date=None) -> Iterator[Record]:
    """JSON Lines, one article object a line; a whole-file JSON array or object is read too."""
    doc = _read_json_document(text, origin, default_date)
    if doc is not None:
        yield from doc
        return
    stem = _stem_id(origin)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(id=None, date=None, text=None, origin=where, error=f"broken JSON line: {exc.msg}")
            continue
        yield _record_from_mapping(obj, where, default_date, fallback_id=f"{stem}-{n}")


def read_csv(text: str, origin: str, default_date=None) -> Iterator[Record]:
    stem = _stem_id(origin)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in [f.strip().lower() for f in reader.fieldnames]:
        yield Record(id=None, date=None, text=None, origin=origin,
                     error=f"CSV has no 'text' column (columns: {reader.fieldnames})")
        return
    try:
        for n, row in enumerate(reader, 2):
            row = {(k or "").strip().lower(): v for k, v in row.items()}
            yield _record_from_mapping(row, f"{origin}:{n}", default_date, fallback_id=f"{stem}-{n}")
    except csv.Error as exc:
        yield Record(id=None, date=None, text=None, origin=origin, error=f"broken CSV: {exc}")


def read_html(text: str, origin: str, default_date=None) -> Iterator[Record]:
    import trafilatura
    from htmldate import find_date
    rid = _stem_id(origin)
    try:
        body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
        meta = trafilatura.extract_metadata(text)
    except Exception as exc:  # malformed HTML
        yield Record(id=rid, date=None, text=None, origin=origin, error=f"unreadable HTML: {exc}")
        return
    d = None
    try:
        found = find_date(text, extensive_search=False, original_date=True)
        d = parse_date(found)
    except Exception:
        d = None
    if d is None:
        d = parse_date(default_date)
    title = getattr(meta, "title", None) if meta else None
    url = getattr(meta, "url", None) if meta else None
    source = getattr(meta, "sitename", None) if meta else None
    if not body:
        yield Record(id=rid, date=d, text=None, origin=origin, error="no main text found in HTML page")
        return
    yield Record(id=rid, date=d, text=body, title=title, url=url, source=source, origin=origin)


def read_timeml(text: str, origin: str, default_date=None) -> Iterator[Record]:
    """A TimeML document (TempEval ``.tml``): the text of ``<TEXT>`` without its tags, dated by the
    document creation time (else ``--date``); annotations in it are ignored. ``extract --output-format
    timeml`` writes the same text back with our TIMEX3 tags, for the TempEval-3 toolkit."""
    import xml.etree.ElementTree as ET

    from ..time.timeml import parse_tml
    rid = _stem_id(origin)
    try:
        doc = parse_tml(text, rid, parse_date(default_date))
    except ET.ParseError as exc:
        yield Record(id=rid, date=None, text=None, origin=origin, error=f"not well-formed TimeML: {exc}")
        return
    except ValueError:
        yield Record(id=rid, date=None, text=None, origin=origin,
                     error="TimeML without a creation time (DCT): give one with --date YYYY-MM-DD")
        return
    if not doc.text.strip():
        yield Record(id=doc.id, date=doc.dct, text=None, origin=origin, error="TimeML document without text")
        return
    yield Record(id=doc.id, date=doc.dct, text=doc.text, origin=origin)


READERS = {"txt": read_txt, "jsonl": read_jsonl, "csv": read_csv, "html": read_html, "timeml": read_timeml}


def read_bytes(data: bytes, origin: str, input_format: str = "auto", default_date=None) -> Iterator[Record]:
    fmt = sniff_format(data, origin) if input_format == "auto" else input_format
    if fmt not in READERS:
        yield Record(id=_stem_id(origin), date=None, text=None, origin=origin,
                     error=f"unknown input format {fmt!r} (choose from {', '.join(FORMATS)})")
        return
    text, err = _decode(data, origin)
    if err:
        yield Record(id=_stem_id(origin), date=None, text=None, origin=origin, error=err)
        return
    if not text.strip():
        yield Record(id=_stem_id(origin), date=parse_date(default_date), text="", origin=origin,
                     error="empty file")
        return
    yield from READERS[fmt](text, origin, default_date)


def _iter_files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and not p.name.startswith("."):
                yield p
    else:
        yield path


def read(paths: Iterable[str | os.PathLike] | str, input_format: str = "auto", default_date=None,
         stdin: IO[bytes] | None = None) -> Iterator[Record]:
    """Read records from files, directories (recursively) and ``-`` (stdin)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        if str(p) == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from read_bytes(data, "-", input_format, default_date)
            continue
        path = Path(p)
        if not path.exists():
            yield Record(id=path.stem, date=None, text=None, origin=str(path), error="no such file or directory")
            continue
        for f in _iter_files(path):
            if input_format == "auto" and path.is_dir() and f.suffix.lower() not in EXT:
                # in a directory, only files with a known extension are read; the others are listed
                yield Record(id=f.stem, date=None, text=None, origin=str(f),
                             error=f"skipped: not an article file ({f.suffix or 'no extension'}; reads "
                                   f"{', '.join(sorted(EXT))})")
                continue
            try:
                data = f.read_bytes()
            except OSError as exc:
                yield Record(id=f.stem, date=None, text=None, origin=str(f), error=f"cannot read file: {exc}")
                continue
            yield from read_bytes(data, str(f), input_format, default_date)
