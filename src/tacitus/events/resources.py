"""Reading the events stage's data files (``resources/en/events/``).

Every file is UTF-8 text: ``#`` comment lines, ``# version: ...`` headers, ``# ex: ...`` example lines
(test cases, collected by :func:`examples`) and tab-separated rows. The engine knows no English: all
words live in these files.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "en" / "events"


@dataclass(frozen=True)
class Example:
    file: str
    line: int
    text: str  # everything after "# ex:"
    rule_line: int | None  # the first data row after the example (the rule it documents)

    @property
    def sentence(self) -> str:
        return self.text.split("=>", 1)[0].strip()

    @property
    def expect(self) -> str:
        return self.text.split("=>", 1)[1].strip() if "=>" in self.text else ""


def path(name: str) -> Path:
    return RESOURCES / name


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(line number, fields) for each data row of a TSV resource."""
    out = []
    for n, line in enumerate(path(name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        out.append((n, tuple(f.strip() for f in line.split("\t"))))
    return tuple(out)


@lru_cache(maxsize=None)
def header(name: str, key: str) -> str | None:
    for line in path(name).read_text(encoding="utf-8").splitlines():
        if line.startswith(f"# {key}:"):
            return line.split(":", 1)[1].strip()
    return None


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-word-per-line list."""
    return frozenset(f[0].lower() for _, f in rows(name))


def examples(name: str) -> list[Example]:
    out: list[Example] = []
    pending: list[tuple[int, str]] = []
    for n, line in enumerate(path(name).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# ex:"):
            pending.append((n, line[5:].strip()))
        elif line.strip() and not line.startswith("#"):
            out.extend(Example(name, ln, t, n) for ln, t in pending)
            pending = []
    out.extend(Example(name, ln, t, None) for ln, t in pending)
    return out


def split_list(field: str, sep: str = ",") -> list[str]:
    if not field or field == "-":
        return []
    return [x.strip() for x in field.split(sep) if x.strip()]
