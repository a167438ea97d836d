"""The worker: runs one submission's cells and answers the grader's calls, inside the sandbox.

It holds nothing secret (it is forked from the zygote, which never loads tests or solutions)
and sends back only encoded plain data. Requests:

    {"op": "run_cell", "source": str}                  -> {"outputs": [...nbformat outputs]}
    {"op": "lookup", "name": str}                      -> {"kind": "missing"|"callable"|"value", "value": ...}
    {"op": "call", "name": str, "args": [...], "kwargs": {...}, "count_events": bool}
        -> {"result": ..., "args_after": [...]|None, "kwargs_after": {...}|None (None: unchanged),
            "error": {...}|None, "events": int|None}
    {"op": "calls", "name": str, "calls": [{"args", "kwargs", "count_events"}, ...], "skip": [...]}
        -> one reply per call, as "call" answers it, each sent as soon as it is made
"""
from __future__ import annotations

import ast
import inspect
import io
import linecache
import socket
import sys
import warnings

import numpy as np
from IPython.core.displaypub import CapturingDisplayPublisher
from IPython.core.interactiveshell import InteractiveShell
from traitlets.config import Config

from autograder.kitcheck import i18n
from autograder.kitcheck.calls import describe_exception, error_location
from autograder.kitcheck.i18n import _, ngettext
from autograder.sandbox.tracing import measure
from autograder.sandbox import channel
from autograder.kitcheck.encoding import Opaque, decode, encode


def _read_catalogues() -> None:
    """Every language's messages, read in the warm parent: a confined worker may not reach the files."""
    for language in i18n.LANGUAGES:
        i18n.catalogue(language)


_read_catalogues()


class BoundedStream(io.TextIOBase):
    """A stdout/stderr that keeps at most `limit` characters and counts the rest."""

    def __init__(self, limit: int):
        self.limit, self.parts, self.kept, self.dropped = limit, [], 0, 0

    def write(self, text) -> int:
        text = str(text)
        room = self.limit - self.kept
        self.parts.append(text[:max(room, 0)])
        self.kept += min(len(text), max(room, 0))
        self.dropped += max(len(text) - max(room, 0), 0)
        return len(text)

    def text(self) -> str:
        if not self.dropped:
            return "".join(self.parts)
        dropped = ngettext("{count} more character of output was dropped",
                           "{count} more characters of output were dropped", self.dropped).format(count=self.dropped)
        return "".join(self.parts) + f"\n... {dropped}\n"


def make_shell() -> InteractiveShell:
    """An IPython shell for notebook syntax (magics, display), created once in the warm parent."""
    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    shell = InteractiveShell.instance(config=config)
    shell.display_pub = CapturingDisplayPublisher()
    shell._showtraceback = lambda *args, **kwargs: None  # errors are sent back as data instead
    shell.enable_gui = lambda gui=None: None  # `%matplotlib inline`: figures arrive as display data
    return shell


class Worker:
    def __init__(self, sock: socket.socket, shell: InteractiveShell, output_limit: int):
        self.sock, self.shell, self.output_limit = sock, shell, output_limit
        self.cells = 0

    def serve(self) -> None:
        while True:
            try:
                request = channel.receive(self.sock)
            except channel.ChannelClosed:
                return
            if request.get("language") in i18n.LANGUAGES:  # the grader's: messages in the course's language
                i18n.use(request["language"])
            if request.get("op") == "calls":  # several calls in one request: a reply each
                for call in request.get("calls") or []:
                    self._answer({**call, "op": "call", "name": request.get("name"), "skip": request.get("skip")})
            else:
                self._answer(request)

    def _answer(self, request: dict) -> None:
        handler = getattr(self, f"_{request.get('op')}", None)
        try:
            reply = handler(request) if handler else _protocol_error("unknown op")
        except Exception as error:  # e.g. a value that cannot be encoded: the grader says so
            reply = _protocol_error(f"{type(error).__name__}: {error}"[:500])
        channel.send_encoded(self.sock, _within_limit(reply, request.get("op")))

    def _run_cell(self, request: dict) -> dict:
        out, err = BoundedStream(self.output_limit), BoundedStream(self.output_limit)
        self.shell.display_pub.clear_output()
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        shown = []
        try:
            plain = _plain_python(request["source"], f"<cell-{self.cells}>")
            self.cells += 1
            if plain is None:  # magics, shell escapes: IPython's own machinery
                result = self.shell.run_cell(request["source"], store_history=True)
                error = result.error_before_exec or result.error_in_exec
            else:  # plain Python (most cells) runs straight in the notebook's namespace: faster
                error, shown = self._exec(plain)
        finally:
            sys.stdout, sys.stderr = saved
        outputs = [{"output_type": "stream", "name": name, "text": stream.text()}
                   for name, stream in (("stdout", out), ("stderr", err)) if stream.text()]
        outputs += shown + self._displays()
        if error is not None:
            outputs.append(_error_output(error))
        elif out.dropped or err.dropped:
            flood = _over_output_limit(out if out.dropped else err)
            outputs.append({"output_type": "error", "ename": flood["type"], "evalue": flood["message"],
                            "traceback": [flood["description"]]})
        return {"outputs": outputs}

    def _exec(self, compiled: tuple) -> tuple[BaseException | None, list[dict]]:
        """Run a plain cell; the value of a last expression is shown, as a notebook shows it."""
        body, last = compiled
        try:
            exec(body, self.shell.user_ns)
            value = eval(last, self.shell.user_ns) if last is not None else None
        except BaseException as error:  # the student's cell: its error is its output
            return error, []
        if value is None:
            return None, []
        text = repr(value)[: self.output_limit]
        return None, [{"output_type": "execute_result", "data": {"text/plain": text}, "metadata": {},
                       "execution_count": None}]

    def _displays(self) -> list[dict]:
        shown = []
        for item in self.shell.display_pub.outputs[:20]:
            data = item.get("data", {}) if isinstance(item, dict) else getattr(item, "data", {})
            data = {k: v for k, v in data.items() if isinstance(v, str) and len(v) < self.output_limit}
            if data:
                shown.append({"output_type": "display_data", "data": data, "metadata": {}})
        self.shell.display_pub.clear_output()
        return shown

    def _lookup(self, request: dict) -> dict:
        name = request["name"]
        if name not in self.shell.user_ns or name.startswith("_"):
            return {"kind": "missing"}
        value = self.shell.user_ns[name]
        if callable(value) and not isinstance(value, (np.ndarray, type)):
            return {"kind": "callable", "params": _parameter_names(value)}
        return {"kind": "value", "value": encode(value)}

    def _call(self, request: dict) -> dict:
        func = self.shell.user_ns.get(request["name"])
        args, kwargs = decode(request["args"]), decode(request["kwargs"])
        if any(isinstance(a, Opaque) for a in [*args, *kwargs.values()]):
            return _protocol_error("arguments must be plain data")
        reply = {"result": None, "error": None, "events": None, "warnings": []}
        out = BoundedStream(self.output_limit)
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = out  # prints inside graded functions are not feedback
        try:
            with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn"):
                warnings.simplefilter("always")
                if request.get("count_events"):  # the count, and the result for the grader to compare
                    reply["events"], result = measure(func, args, kwargs, frozenset(request.get("skip", [])))
                else:
                    result = func(*args, **kwargs)
            reply["result"] = encode(result)
            reply["warnings"] = sorted({f"{w.category.__name__}: {w.message}" for w in caught})[:5]
            if out.dropped:
                reply["error"] = _over_output_limit(out)
        except BaseException as error:  # SystemExit and KeyboardInterrupt too: they are the student's
            reply["error"] = {"type": type(error).__name__, "message": str(error)[:2000],
                              "description": describe_exception(error)[:3000],
                              "location": error_location(error)}
        finally:
            sys.stdout, sys.stderr = saved
        # In-place changes go back to the grader (its mutation check); unchanged inputs need not travel.
        reply["args_after"] = _changed(encode(list(args)), request["args"])
        reply["kwargs_after"] = _changed(encode(kwargs), request["kwargs"])
        return reply


def _plain_python(source: str, filename: str):
    """(code of all but a last expression, code of that expression or None), or None when the
    cell needs IPython (magics, `!` commands, `?` help). Its lines are kept for tracebacks."""
    try:
        tree = ast.parse(source, filename)
    except SyntaxError:
        return None
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = compile(ast.Expression(tree.body.pop().value), filename, "eval")
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return compile(tree, filename, "exec"), last


def _over_output_limit(stream: BoundedStream) -> dict:
    message = "[KILLED] " + _("stopped for printing {count} characters, more than the output limit of {limit}"
                              ).format(count=f"{stream.kept + stream.dropped:,}", limit=f"{stream.limit:,}")
    return {"type": "OutputLimit", "message": message, "description": message}


def _within_limit(reply: dict, op) -> bytes:
    """The reply, encoded once. The grader refuses (and kills) a reply over its limit: an honest one
    too large says so instead."""
    body = channel.dumps(reply)
    if len(body) <= channel.REPLY_BYTES:
        return body
    message = "[KILLED] " + _("the result or output was {size} bytes once encoded, more than the limit of {limit}"
                              ).format(size=f"{len(body):,}", limit=f"{channel.REPLY_BYTES:,}")
    if op == "run_cell":
        error = {"output_type": "error", "ename": "OutputLimit", "evalue": message, "traceback": [message]}
        return channel.dumps({"outputs": [error]})
    return channel.dumps({"error": {"type": "OutputLimit", "message": message, "description": message}})


def _changed(after, before):
    """`after` (encoded), or None when it encodes the same as `before`."""
    return None if after == before else after


def _protocol_error(message: str) -> dict:
    return {"error": {"type": "ProtocolError", "message": message, "description": message}}


def _error_output(error: BaseException) -> dict:
    name, text = type(error).__name__, str(error)[:2000]
    return {"output_type": "error", "ename": name, "evalue": text,
            "traceback": [describe_exception(error)[:3000]]}


def _parameter_names(func) -> list[str]:
    """What the function calls its parameters, so that messages name them as the student does."""
    try:
        return [str(name) for name in inspect.signature(func).parameters][:20]
    except Exception:  # a student's callable may refuse to say
        return []
