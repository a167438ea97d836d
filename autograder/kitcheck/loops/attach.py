"""Code stored into a notebook object after it was made: `OPS["mul"] = lambda ...`,
`HANDLERS.append(f)`, `relu.fast = ...`, `Model.fit = ...`, at module level or in any function.

Such code runs when a graded function uses the object, so it is judged as part of the object's
unit (see `calls.Unit.attached`). The root name is read as the module's (a name local to the
enclosing function is something else).
"""

from __future__ import annotations

import ast
from typing import Iterator

from .names import walk_with_locals

MAX_LABEL = 40


def mutations(tree: ast.Module) -> Iterator[tuple[str, str, ast.AST]]:
    """(root name, what is written to, the code stored) for every mutation of a named object."""
    for node, _, local in walk_with_locals(tree):
        for target, value in _stores(node):
            root = _root(target)
            if root is not None and root not in local:
                yield root, ast.unparse(target)[:MAX_LABEL], value


def _stores(node: ast.AST) -> Iterator[tuple[ast.expr, ast.AST]]:
    if isinstance(node, ast.Assign):
        yield from ((target, node.value) for target in node.targets
                    if isinstance(target, (ast.Attribute, ast.Subscript)))
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value is not None \
            and isinstance(node.target, (ast.Attribute, ast.Subscript)):
        yield node.target, node.value
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (node.args or node.keywords):
        yield node.func.value, node  # OPS.update(...), HANDLERS.append(f): the call's arguments


def _root(target: ast.expr) -> str | None:
    while isinstance(target, (ast.Attribute, ast.Subscript)):
        target = target.value
    return target.id if isinstance(target, ast.Name) else None
