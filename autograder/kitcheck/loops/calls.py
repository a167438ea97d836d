"""The notebook as units of code, and the graph of which unit mentions which.

A unit is a function (`def`, at any depth), a lambda bound to a module-level name, or a
module-level value built by a call (`vsig = np.vectorize(f)`). Names resolve to the last binding
after all cells ran. A graded function is judged together with every unit it reaches ("charged"
units): helpers it calls or passes around, their helpers, its nested defs, but not other graded
functions, which are judged on their own (except those whose loops are allowed: calling
`dot_loop` from `dot_vectorized` would otherwise launder its loop).
"""

from __future__ import annotations

import ast
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterator

from . import findings as text
from .names import FUNCTIONS, Scope, bind_parameters, bind_statements
from .source import Chunk
from .visitor import Event, LoopVisitor, Ref


class Unit:
    def __init__(self, program: Program, kind: str, name: str, node: ast.AST, chunk: Chunk,
                 parent: Unit | None) -> None:
        self.program, self.kind, self.name, self.node = program, kind, name, node
        self.chunk, self.parent = chunk, parent
        self.children: dict[int, Unit] = {}  # id(nested def node) -> unit
        self._scope: Scope | None = None
        self._visitor: LoopVisitor | None = None

    def __repr__(self) -> str:
        return f"Unit({self.kind} {self.name} in {self.chunk.label})"

    @property
    def scope(self) -> Scope:
        if self._scope is None:
            self._scope = self._build_scope()
        return self._scope

    def _build_scope(self) -> Scope:
        if self.kind == "binding":
            return self.program.module
        scope = Scope(self.parent.scope if self.parent else self.program.module)
        bind_parameters(self.node.args, scope)
        if isinstance(self.node, FUNCTIONS):
            bind_statements(self.node.body, scope, self._nested, module_level=False)
        return scope

    def _nested(self, kind: str, name: str, node: ast.AST) -> Unit:
        child = Unit(self.program, kind, name, node, self.chunk, parent=self)
        self.children[id(node)] = child
        return child

    def _visited(self) -> LoopVisitor:
        if self._visitor is None:
            scope = self.scope  # builds the children the visitor links to
            self._visitor = LoopVisitor(self.node, scope, self.children).run()
        return self._visitor

    @property
    def events(self) -> list[Event]:
        return self._visited().events

    @property
    def refs(self) -> list[Ref]:
        return self._visited().refs


class Program:
    """All parsed cells, with the module namespace as it stands after the last one."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        self.module = Scope()
        self.too_deep: list[Chunk] = []  # cells nested beyond what the analysis can follow
        for chunk in chunks:
            if chunk.tree is None:
                continue
            try:
                bind_statements(chunk.tree.body, self.module, self._factory(chunk),
                                module_level=True)
            except RecursionError:
                self.too_deep.append(chunk)

    def _factory(self, chunk: Chunk) -> Callable[[str, str, ast.AST], Unit]:
        return lambda kind, name, node: Unit(self, kind, name, node, chunk, parent=None)

    def unit(self, name: str) -> Unit | None:
        """The unit a module-level name is bound to last, if it is one."""
        value = self.module.bindings.get(name)
        return value if isinstance(value, Unit) else None


@dataclass(frozen=True)
class Charged:
    """A unit judged as part of a graded function, with the helpers leading to it."""

    unit: Unit
    chain: tuple[str, ...]


def _followed(ref: Ref) -> bool:
    # A value built at module level is only code when it is called (vsig(x)); reading a
    # global array is not running its construction again.
    return ref.target.kind != "binding" or ref.kind == "call"


def charged_units(root: Unit, boundary: Callable[[Unit], bool]) -> list[Charged]:
    """The graded unit and everything it reaches, breadth-first (shortest helper chain)."""
    seen = {id(root)}
    order = [Charged(root, ())]
    queue = deque(order)
    while queue:
        current = queue.popleft()
        for ref in current.unit.refs:
            target = ref.target
            if id(target) in seen or boundary(target) or not _followed(ref):
                continue
            seen.add(id(target))
            reached = Charged(target, current.chain + (target.name,))
            order.append(reached)
            queue.append(reached)
    return order


def _calls(unit: Unit) -> Iterator[Ref]:
    return (ref for ref in unit.refs if ref.kind != "contains" and _followed(ref))


def reaches(start: Unit, goal: Unit) -> bool:
    """Whether `start` can lead to `goal` through calls, across the whole notebook."""
    seen, queue = {id(start)}, deque([start])
    while queue:
        for ref in _calls(queue.popleft()):
            if ref.target is goal:
                return True
            if id(ref.target) not in seen:
                seen.add(id(ref.target))
                queue.append(ref.target)
    return False


def recursion_events(charged: list[Charged], boundary: Callable[[Unit], bool]
                     ) -> list[tuple[Charged, Event]]:
    """One LOOP006 event per call that closes a cycle (a back edge of a depth-first search)."""
    members = {id(item.unit): item for item in charged}
    found: list[tuple[Charged, Event]] = []
    stack: list[Unit] = []
    done: set[int] = set()

    def visit(unit: Unit) -> None:
        stack.append(unit)
        for ref in _calls(unit):
            target = ref.target
            if any(target is on_stack for on_stack in stack):
                names = [item.name for item in stack[_index(stack, target):]] + [target.name]
                detail = (text.SELF_RECURSION.format(function=unit.name) if target is unit
                          else text.RECURSION.format(cycle=" -> ".join(names)))
                found.append((members[id(unit)], Event("LOOP006", ref.node, detail)))
            elif boundary(target):
                if reaches(target, unit):
                    cycle = f"{unit.name} -> {target.name} -> ... -> {unit.name}"
                    detail = text.RECURSION_THROUGH_GRADED.format(graded=target.name, cycle=cycle)
                    found.append((members[id(unit)], Event("LOOP006", ref.node, detail)))
            elif id(target) in members and id(target) not in done:
                visit(target)
        stack.pop()
        done.add(id(unit))

    visit(charged[0].unit)
    return found


def _index(stack: list[Unit], unit: Unit) -> int:
    return next(position for position, item in enumerate(stack) if item is unit)
