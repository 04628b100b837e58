"""Offline API docs: the OpenAPI description rendered server-side (no Swagger/ReDoc from a CDN)."""
from __future__ import annotations

from fastapi import APIRouter, Request

from ..deps import html

router = APIRouter()


def _ops(spec: dict) -> list[dict]:
    out = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "delete", "patch"):
                continue
            params = []
            for p in op.get("parameters", []):
                sch = p.get("schema", {})
                typ = sch.get("type") or "/".join(x.get("type", "") for x in sch.get("anyOf", []) if x.get("type") != "null")
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "type": typ, "default": sch.get("default"), "description": p.get("description", "")})
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "tags": op.get("tags", []), "params": params})
    return out


@router.get("/docs", include_in_schema=False)
def docs(request: Request):
    spec = request.app.openapi()
    return html(request, "docs.html", nav="docs", spec=spec, ops=_ops(spec))
