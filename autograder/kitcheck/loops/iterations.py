"""Is a loop the training loop? `optimize` may loop over its iterations, never over the data.

A loop is over the iterations when it counts with a bound that does not come from the data:
`for i in range(num_iterations)`, `range(0, num_iterations)`, `range(1, num_iterations + 1)`,
or `while i < num_iterations` with `i` updated in the loop. A bound that mentions a shape, a
size, `len(...)`, an index, or a local computed from those (`m = X.shape[1]`) is the data.
"""

from __future__ import annotations

import ast

from .names import SCOPES, own_statements

DATA_ATTRIBUTES = frozenset({"shape", "size", "T", "ndim"})


def over_iterations(loop: ast.AST, function: ast.AST) -> bool:
    """Whether `loop` (a For, While or comprehension clause) in `function` is a counting loop."""
    data = data_names(function)
    if isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension)):
        bound = _range_bound(loop.iter)
        return bound is not None and not _from_data(bound, data)
    if isinstance(loop, ast.While):
        test = loop.test
        return (isinstance(test, ast.Compare) and not _from_data(test, data)
                and bool(_names(test) & _assigned_in(loop.body)))
    return False


def _range_bound(iterable: ast.expr) -> ast.expr | None:
    """The stop argument of `range(...)`, or None when the loop is not over a range."""
    is_range = (isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name)
                and iterable.func.id == "range" and not iterable.keywords)
    if not is_range or not 1 <= len(iterable.args) <= 3:
        return None
    return iterable.args[0] if len(iterable.args) == 1 else iterable.args[1]


def _from_data(expr: ast.expr, data: set[str]) -> bool:
    for node in ast.walk(expr):
        if isinstance(node, ast.Attribute) and node.attr in DATA_ATTRIBUTES:
            return True
        if isinstance(node, ast.Subscript):
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len":
            return True
        if isinstance(node, ast.Name) and node.id in data:
            return True
    return False


def data_names(function: ast.AST) -> set[str]:
    """Locals computed from the data (m = X.shape[1]; n = m + 1), to a fixed point."""
    body = getattr(function, "body", None)  # a lambda's body is an expression: no locals
    statements = own_statements(body) if isinstance(body, list) else []
    assignments = [statement for statement in statements
                   if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign))]
    data: set[str] = set()
    changed = True
    while changed:
        changed = False
        for statement in assignments:
            if statement.value is None or not _from_data(statement.value, data):
                continue
            targets = getattr(statement, "targets", None) or [statement.target]
            new = set().union(*(_names(target) for target in targets)) - data
            changed |= bool(new)
            data |= new
    return data


def _names(node: ast.AST) -> set[str]:
    return {child.id for child in ast.walk(node) if isinstance(child, ast.Name)}


def _assigned_in(body: list[ast.stmt]) -> set[str]:
    assigned: set[str] = set()
    for statement in own_statements(body):
        if isinstance(statement, SCOPES):
            continue
        targets = getattr(statement, "targets", None) or [getattr(statement, "target", None)]
        for target in targets:
            if target is not None:
                assigned |= _names(target)
    return assigned
