"""Alias resolution: what a name or a dotted expression refers to, so renaming never hides a loop.

A name is bound to one of
- a dotted path (str): a module or an object in it, "numpy", "numpy.vectorize", "builtins.map";
- a unit (a function of the notebook, see `calls.Unit`), for helpers and recursion;
- OPAQUE: a local value the rule does not track (a parameter, an array, a loop variable).

Bindings are flow-insensitive (the last binding of a name in a scope wins), like the notebook
after all its cells have run.
"""

from __future__ import annotations

import ast
import builtins
from typing import Any, Callable, Iterator

from .catalog import CONVENTIONAL_MODULES, NAME_ACCESSORS, star_exports

OPAQUE = object()

# Nodes that open a scope of their own: their bodies are not part of the enclosing scope.
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp,
          ast.SetComp, ast.DictComp, ast.GeneratorExp)
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
CONTAINERS = (ast.Dict, ast.List, ast.Tuple, ast.Set)


class Scope:
    """A function's local names (or the notebook's globals when `parent` is None)."""

    def __init__(self, parent: Scope | None = None) -> None:
        self.parent = parent
        self.bindings: dict[str, Any] = {}
        self.declared_global: set[str] = set()
        self.star_modules: list[str] = []

    @property
    def root(self) -> Scope:
        return self if self.parent is None else self.parent.root

    def bind(self, name: str, value: Any) -> None:
        # A `global` name assigned in a function is left to the module's own bindings, so
        # the result never depends on which function was analysed first.
        if name not in self.declared_global:
            self.bindings[name] = value

    def lookup(self, name: str) -> Any:
        if name in self.declared_global:
            return self.root.lookup(name)
        if name in self.bindings:
            return self.bindings[name]
        if self.parent is not None:
            return self.parent.lookup(name)
        return self._fallback(name)

    def _fallback(self, name: str) -> Any:
        for module in reversed(self.star_modules):
            if star_exports(module, name):
                return f"{module}.{name}"
        if name in CONVENTIONAL_MODULES:
            return CONVENTIONAL_MODULES[name]
        if hasattr(builtins, name):
            return f"builtins.{name}"
        return None


def is_unit(value: Any) -> bool:
    return value is not None and value is not OPAQUE and not isinstance(value, str)


def resolve(expr: ast.AST, scope: Scope) -> Any:
    """The binding an expression refers to: a dotted path, a unit, OPAQUE or None."""
    if isinstance(expr, ast.Name):
        return scope.lookup(expr.id)
    if isinstance(expr, ast.Attribute):
        return _member(resolve(expr.value, scope), expr.attr)
    if isinstance(expr, ast.Subscript):  # OPS["add"] is code of OPS
        base = resolve(expr.value, scope)
        return base if is_unit(base) and base.holds_code else None
    if isinstance(expr, ast.Call) and constant_name_access(expr, scope):
        # getattr(np, "vectorize") is np.vectorize spelled differently.
        return _member(resolve(expr.args[0], scope), expr.args[1].value)
    return None


def _member(base: Any, attribute: str) -> Any:
    if is_unit(base) and base.holds_code:
        return base  # solver.run, Model.fit, OPS.get: the unit holds that code
    return f"{base}.{attribute}" if isinstance(base, str) else None


def name_accessor(call: ast.Call, scope: Scope) -> str | None:
    """'builtins.getattr' (or setattr/delattr) when `call` accesses an attribute by name."""
    path = resolve(call.func, scope)
    return path if path in NAME_ACCESSORS else None


def constant_name_access(call: ast.Call, scope: Scope) -> bool:
    return (name_accessor(call, scope) == "builtins.getattr" and len(call.args) >= 2
            and isinstance(call.args[1], ast.Constant) and isinstance(call.args[1].value, str))


# --- binding pre-pass --------------------------------------------------------------------

UnitFactory = Callable[[str, str, ast.AST], Any]  # (kind, name, node) -> unit


def own_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements of one scope in source order, through if/for/while/with/try/match blocks."""
    for statement in body:
        yield statement
        if isinstance(statement, SCOPES):
            continue
        for field in ("body", "orelse", "finalbody"):
            yield from own_statements(getattr(statement, field, []) or [])
        for handler in getattr(statement, "handlers", []) or []:
            yield from own_statements(handler.body)
        for case in getattr(statement, "cases", []) or []:
            yield from own_statements(case.body)


def stored_names(node: ast.AST) -> Iterator[str]:
    """Names a statement's own expressions bind (targets, walrus), not those of nested scopes."""
    for child in _header_nodes(node):
        yield from _stores_in(child)
    for handler in getattr(node, "handlers", []) or []:
        if handler.name:
            yield handler.name


def _header_nodes(statement: ast.AST) -> Iterator[ast.AST]:
    # The parts of a statement outside its nested blocks (those are visited on their own).
    for field, value in ast.iter_fields(statement):
        if field in ("body", "orelse", "finalbody", "handlers", "cases"):
            continue
        values = value if isinstance(value, list) else [value]
        yield from (item for item in values if isinstance(item, ast.AST))


def _stores_in(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        yield node.id
    if isinstance(node, SCOPES):
        return
    for child in ast.iter_child_nodes(node):
        yield from _stores_in(child)


def bind_statements(body: list[ast.stmt], scope: Scope, make_unit: UnitFactory,
                    module_level: bool) -> None:
    """Fill `scope` with the names `body` binds, in source order (the last binding wins)."""
    for statement in own_statements(body):
        if isinstance(statement, (ast.Global, ast.Nonlocal)) and not module_level:
            scope.declared_global.update(statement.names)
        elif isinstance(statement, FUNCTIONS):
            scope.bind(statement.name, make_unit("def", statement.name, statement))
        elif isinstance(statement, ast.ClassDef):
            scope.bind(statement.name, make_unit("class", statement.name, statement))
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            _bind_import(statement, scope)
        elif isinstance(statement, ast.Delete) and module_level:
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    scope.bindings.pop(target.id, None)
        elif _simple_assignment(statement):
            _bind_assignment(statement, scope, make_unit, module_level)
        else:
            for name in stored_names(statement):
                scope.bind(name, OPAQUE)


def _simple_assignment(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Assign):
        return all(isinstance(target, ast.Name) for target in statement.targets)
    return (isinstance(statement, ast.AnnAssign) and statement.value is not None
            and isinstance(statement.target, ast.Name))


def _bind_assignment(statement: ast.Assign | ast.AnnAssign, scope: Scope,
                     make_unit: UnitFactory, module_level: bool) -> None:
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    value = statement.value
    known = resolve(value, scope)
    for target in targets:
        name = target.id
        previous = scope.bindings.get(name)
        if known is not None and known is not OPAQUE:
            scope.bind(name, known)  # an alias: m = map, v = np.vectorize, h = helper
        elif module_level and isinstance(value, ast.Lambda):
            scope.bind(name, make_unit("lambda", name, value))
        elif module_level and isinstance(value, (ast.Call, *CONTAINERS)):
            # vsig = np.vectorize(f), OPS = {"add": lambda ...}: looked at when a graded
            # function uses it; relu = wrap(relu) keeps the relu it wraps.
            kind = "binding" if isinstance(value, ast.Call) else "container"
            unit = make_unit(kind, name, value)
            if is_unit(previous) and any(isinstance(node, ast.Name) and node.id == name
                                         for node in ast.walk(value)):
                unit.attached.append(previous)
            scope.bind(name, unit)
        else:
            scope.bind(name, OPAQUE)


def _bind_import(statement: ast.Import | ast.ImportFrom, scope: Scope) -> None:
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            if alias.asname:
                scope.bind(alias.asname, alias.name)
            else:
                top = alias.name.split(".", 1)[0]
                scope.bind(top, top)  # `import numpy.lib` binds `numpy`
        return
    if statement.level or not statement.module:
        for alias in statement.names:
            scope.bind(alias.asname or alias.name, OPAQUE)
        return
    for alias in statement.names:
        if alias.name == "*":
            scope.root.star_modules.append(statement.module)
        else:
            scope.bind(alias.asname or alias.name, f"{statement.module}.{alias.name}")


def bind_parameters(arguments: ast.arguments, scope: Scope) -> None:
    every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
    every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
    for argument in every:
        scope.bind(argument.arg, OPAQUE)


def walk_with_locals(tree: ast.AST) -> Iterator[tuple[ast.AST, ast.AST | None, frozenset]]:
    """Every node with the def holding it and the names local there (parameters and names stored
    anywhere in the enclosing scopes: never read as the module's). Iterative, so deep code does
    not exhaust the stack."""
    stack: list[tuple[ast.AST, ast.AST | None, frozenset]] = [(tree, None, frozenset())]
    while stack:
        current, holder, local = stack.pop()
        yield current, holder, local
        if isinstance(current, SCOPES):
            local = local | _bound_in(current)
            holder = current if isinstance(current, FUNCTIONS) else holder
        stack.extend((child, holder, local) for child in reversed(list(ast.iter_child_nodes(current))))


def _bound_in(node: ast.AST) -> frozenset:
    names = set()
    for child in ast.walk(node):
        if isinstance(child, ast.arg):
            names.add(child.arg)
        elif isinstance(child, ast.Name) and not isinstance(child.ctx, ast.Load):
            names.add(child.id)
    return frozenset(names)
