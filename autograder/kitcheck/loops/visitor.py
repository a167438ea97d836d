"""The one AST visitor: what a unit of code does that the loop rule cares about.

It reports, for one unit (a function, a lambda bound to a name, a module-level value built by
a call), every construct that loops or escapes the rule (`events`), and every mention of another
unit of the notebook (`refs`), from which `calls` builds the helper and recursion graph. Whether
an event becomes a finding is the policy's decision (`policies`), not the visitor's.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any

from . import findings as text
from ..i18n import fill
from .catalog import DYNAMIC_ATTRIBUTES, classify
from .names import FUNCTIONS, OPAQUE, Scope, constant_name_access, name_accessor, resolve

SHORT = 40  # longest code excerpt quoted in a message

COMPREHENSION_KINDS = {
    ast.ListComp: "list comprehension",
    ast.SetComp: "set comprehension",
    ast.DictComp: "dict comprehension",
    ast.GeneratorExp: "generator expression",
}


@dataclass(frozen=True)
class Event:
    """A construct found in a unit; `loop` is the For/While/comprehension for loop codes."""

    code: str
    node: ast.AST
    detail: str
    loop: ast.AST | None = None


@dataclass(frozen=True)
class Ref:
    """A mention of another unit: "call" (called), "ref" (named, e.g. passed as a callback)
    or "contains" (a nested def, judged with its enclosing function even if never called)."""

    target: Any
    node: ast.AST
    kind: str


def short(node: ast.AST) -> str:
    """Source text of a node on one line, cut to SHORT characters."""
    source = " ".join(ast.unparse(node).split())
    return source if len(source) <= SHORT else source[: SHORT - 3] + "..."


def quote_call(call: ast.Call) -> str:
    """A call as written when short, else its callee with the arguments elided."""
    source = " ".join(ast.unparse(call).split())
    return source if len(source) <= SHORT else f"{short(call.func)}(...)"


class LoopVisitor(ast.NodeVisitor):
    def __init__(self, node: ast.AST, scope: Scope, children: dict[int, Any]) -> None:
        self.scope = scope
        self.children = children  # id(nested def node) -> its unit
        self.events: list[Event] = []
        self.refs: list[Ref] = []
        self._calls: dict[int, ast.Call] = {}  # id(callee expression) -> the call
        self._root = node
        self._decorating = False  # a decorator is called with the function it decorates

    def run(self) -> LoopVisitor:
        node = self._root
        if isinstance(node, FUNCTIONS):
            # Decorators and defaults belong to the function: @np.vectorize is its loop.
            self._decorators(node)
            for item in [node.args, *node.body]:
                self.visit(item)
        elif isinstance(node, ast.ClassDef):
            # A class is its decorators, bases, body statements and methods (nested units).
            self._decorators(node)
            for item in [*node.bases, *node.keywords, *node.body]:
                self.visit(item)
        elif isinstance(node, ast.Lambda):
            self.visit(node.args)
            self.visit(node.body)
        else:
            self.visit(node)
        return self

    def _decorators(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self._decorating = True
        try:
            for item in node.decorator_list:
                self.visit(item)
        finally:
            self._decorating = False

    def _event(self, code: str, node: ast.AST, detail: str, loop: ast.AST | None = None):
        self.events.append(Event(code, node, detail, loop))

    # --- loops -------------------------------------------------------------------------

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        kind = "async for-loop" if isinstance(node, ast.AsyncFor) else "for-loop"
        detail = fill(text.FOR_LOOPS[kind], iterable=short(node.iter))
        self._event("LOOP001", node, detail, loop=node)
        self.generic_visit(node)

    visit_AsyncFor = visit_For

    def visit_While(self, node: ast.While) -> None:
        self._event("LOOP002", node, fill(text.WHILE_LOOP, condition=short(node.test)), node)
        self.generic_visit(node)

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
        kind = COMPREHENSION_KINDS[type(node)]
        for generator in node.generators:  # each `for` clause is a loop of its own
            detail = fill(text.COMPREHENSIONS[kind], iterable=short(generator.iter))
            self._event("LOOP003", node, detail, loop=generator)
        self.generic_visit(node)

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    # --- nested scopes -------------------------------------------------------------------

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        # A nested def is a unit of its own (for recursion), judged with its enclosing one.
        child = self.children.get(id(node))
        if child is not None:
            self.refs.append(Ref(child, node, "contains"))
        self._decorators(node)
        self.visit(node.args)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        # A nested class is a unit of its own (its methods are its children), judged with the
        # function that holds it, like a nested def.
        child = self.children.get(id(node))
        if child is not None:
            self.refs.append(Ref(child, node, "contains"))
            return
        self._decorators(node)
        for item in [*node.bases, *node.keywords, *node.body]:
            self.visit(item)

    # --- names and calls -----------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        self._calls[id(node.func)] = node
        if name_accessor(node, self.scope):
            if constant_name_access(node, self.scope):
                self._reference(node)  # getattr(np, "vectorize") is np.vectorize
            else:
                self._event("FORBIDDEN001", node, fill(text.COMPUTED_NAME, call=quote_call(node)))
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id == "__builtins__":
            self._event("FORBIDDEN001", node, fill(text.DYNAMIC_CODE, code=node.id))
        elif isinstance(node.ctx, ast.Load):
            self._reference(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in DYNAMIC_ATTRIBUTES:
            self._event("FORBIDDEN001", node, fill(text.DYNAMIC_CODE, code=short(node)))
        elif isinstance(node.ctx, ast.Load):
            self._reference(node)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.ctx, ast.Load):
            self._reference(node)  # OPS["add"](x): code held by OPS
        self.generic_visit(node)

    def _reference(self, node: ast.expr) -> None:
        target = resolve(node, self.scope)
        call = self._calls.get(id(node))
        if target is None or target is OPAQUE:
            return
        if not isinstance(target, str):
            called = call is not None or self._decorating
            self.refs.append(Ref(target, node, "call" if called else "ref"))
            return
        kind = classify(target, call)
        if kind is None:
            return
        written = short(node)
        quoted = quote_call(call) if call is not None else written
        if kind.code == "FORBIDDEN001":
            self._event(kind.code, node, fill(text.DYNAMIC_CODE, code=quoted))
            return
        # Say what an alias stands for: `v(f)` is np.vectorize when `v` is.
        self._event(kind.code, node, text.calling(kind.code, quoted, written, kind.shown))
