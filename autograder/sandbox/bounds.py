"""Bounds the grader applies to every reply from a worker, whatever the worker claims.

A worker runs student code, so a reply may be forged: any field may be missing, of another type,
or huge. The grader keeps only the fields it knows, with strings and lists cut to a size, so the
notebook, results.json and feedback stay small and well-formed.
"""
from __future__ import annotations

MAX_OUTPUTS = 50            # the worker sends at most two streams, a result, an error, 20 displays
MAX_TRACEBACK = 10
MIME_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex", "image/png", "image/jpeg",
              "image/svg+xml")
NAME, MESSAGE, DESCRIPTION, WARNING = 100, 2000, 3000, 300


def text(value, limit: int) -> str:
    value = value if isinstance(value, str) else ""
    return value if len(value) <= limit else value[:limit] + f"\n... cut by the grader at {limit:,} characters\n"


def error(value) -> dict | None:
    """An error a worker reports for a call: type, message and description, each cut."""
    if value is None:
        return None
    value = value if isinstance(value, dict) else {}
    return {"type": text(value.get("type"), NAME) or "ProtocolError",
            "message": text(value.get("message"), MESSAGE),
            "description": text(value.get("description"), DESCRIPTION),
            "location": text(value.get("location"), NAME)}


def names(value) -> list[str]:
    """A function's parameter names: at most 20 strings of at most 40 characters."""
    return [name for name in value[:20] if isinstance(name, str) and len(name) <= 40] if isinstance(value, list) else []


def warnings(value) -> list[str]:
    return [text(w, WARNING) for w in value[:5]] if isinstance(value, list) else []


def events(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def outputs(value, limit: int) -> list[dict]:
    """A cell's outputs as nbformat wants them; anything else a worker sent is dropped."""
    if not isinstance(value, list):
        return []
    kept = (_output(item, limit) for item in value[:MAX_OUTPUTS] if isinstance(item, dict))
    return [item for item in kept if item is not None]


def _output(item: dict, limit: int) -> dict | None:
    kind = item.get("output_type")
    if kind == "stream":
        name = item.get("name") if item.get("name") in ("stdout", "stderr") else "stdout"
        return {"output_type": "stream", "name": name, "text": text(item.get("text"), limit + 1000)}
    if kind == "error":
        trace = item.get("traceback") if isinstance(item.get("traceback"), list) else []
        return {"output_type": "error", "ename": text(item.get("ename"), NAME) or "Error",
                "evalue": text(item.get("evalue"), MESSAGE),
                "traceback": [text(line, DESCRIPTION) for line in trace[:MAX_TRACEBACK]]}
    if kind in ("display_data", "execute_result"):
        data = item.get("data") if isinstance(item.get("data"), dict) else {}
        data = {k: data[k] for k in MIME_TYPES if isinstance(data.get(k), str) and len(data[k]) <= limit}
        if not data:
            return None
        shown = {"output_type": kind, "data": data, "metadata": {}}
        return {**shown, "execution_count": None} if kind == "execute_result" else shown
    return None
