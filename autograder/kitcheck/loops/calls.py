"""The notebook as units of code, and the graph of which unit mentions which.

A unit is a function (`def`, at any depth), a class (its methods are its children), a lambda
bound to a module-level name, a module-level value built by a call (`vsig = np.vectorize(f)`,
`solver = Solver()`) or a container literal (`OPS = {"add": lambda ...}`), and the code stored
into any of them later (`OPS["mul"] = ...`, in any cell: `attach`). Names resolve to the last binding
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
from ..i18n import fill
from .attach import mutations
from .names import FUNCTIONS, Scope, bind_parameters, bind_statements, is_unit, resolve
from .source import Chunk
from .visitor import Event, LoopVisitor, Ref


class Unit:
    def __init__(self, program: Program, kind: str, name: str, node: ast.AST, chunk: Chunk,
                 parent: Unit | None) -> None:
        self.program, self.kind, self.name, self.node = program, kind, name, node
        self.chunk, self.parent = chunk, parent
        self.children: dict[int, Unit] = {}  # id(nested def or class node) -> unit
        self.attached: list[Unit] = []  # code stored into this object elsewhere, or what it wraps
        self._scope: Scope | None = None
        self._visitor: LoopVisitor | None = None
        self._holds: bool | None = None

    def __repr__(self) -> str:
        return f"Unit({self.kind} {self.name} in {self.chunk.label})"

    @property
    def holds_code(self) -> bool:
        """Whether its members are code of the notebook: a class's methods, a container's
        callables, an instance of a notebook class (not an array numpy built, nor a def's
        attributes)."""
        if self.kind != "binding":
            return self.kind in ("class", "container")
        if self._holds is None:
            self._holds = False  # a binding built from itself (a = b.f(); b = a.g()) holds none
            self._holds = not isinstance(resolve(self.node.func, self.program.module), str)
        return self._holds

    @property
    def scope(self) -> Scope:
        if self._scope is None:
            self._scope = self._build_scope()
        return self._scope

    def _build_scope(self) -> Scope:
        if self.kind in ("binding", "container"):
            return self.program.module
        scope = Scope(self._enclosing_scope())
        if self.kind == "class":
            bind_statements(self.node.body, scope, self._nested, module_level=False)
            return scope
        bind_parameters(self.node.args, scope)
        if isinstance(self.node, FUNCTIONS):
            bind_statements(self.node.body, scope, self._nested, module_level=False)
        return scope

    def _enclosing_scope(self) -> Scope:
        # A method sees the module (or the function around its class), never the class body.
        parent = self.parent
        while parent is not None and parent.kind == "class":
            parent = parent.parent
        return parent.scope if parent is not None else self.program.module

    def _nested(self, kind: str, name: str, node: ast.AST) -> Unit:
        child = Unit(self.program, kind, name, node, self.chunk, parent=self)
        self.children[id(node)] = child
        return child

    def _visited(self) -> LoopVisitor:
        if self._visitor is None:
            scope = self.scope  # builds the children the visitor links to
            visitor = LoopVisitor(self.node, scope, self.children).run()
            # Attached code (known once the Program is built) is judged with this unit.
            visitor.refs += [Ref(unit, unit.node, "contains") for unit in self.attached]
            self._visitor = visitor
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
        self.reach: dict[int, set[int]] = {}  # id(unit) -> ids of the units it leads to
        for chunk in chunks:
            if chunk.tree is None:
                continue
            try:
                bind_statements(chunk.tree.body, self.module, self._factory(chunk),
                                module_level=True)
            except RecursionError:
                self.too_deep.append(chunk)
        for chunk in chunks:
            if chunk.tree is not None:
                self._attach(chunk)

    def _attach(self, chunk: Chunk) -> None:
        for root, label, value in mutations(chunk.tree):
            owner = self.module.bindings.get(root)
            if is_unit(owner):
                owner.attached.append(Unit(self, "container", label, value, chunk, parent=None))

    def _factory(self, chunk: Chunk) -> Callable[[str, str, ast.AST], Unit]:
        return lambda kind, name, node: Unit(self, kind, name, node, chunk, parent=None)

    def unit(self, name: str) -> Unit | None:
        """The unit a module-level name is bound to last, if it is one."""
        value = self.module.bindings.get(name)
        return value if isinstance(value, Unit) else None


# Helper chains and cycles in messages keep their first and last names: a chain through
# thousands of helpers must not make each message (and the rule's work) as long as the chain.
SHOWN_HEAD, SHOWN_TAIL = 3, 2
ELIDED = "..."


def _elided(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    if len(names) <= SHOWN_HEAD + SHOWN_TAIL + 1:
        return tuple(names)
    return (*names[:SHOWN_HEAD], ELIDED, *names[len(names) - SHOWN_TAIL:])


@dataclass(frozen=True)
class Charged:
    """A unit judged as part of a graded function, with the helpers leading to it (elided in
    the middle when long)."""

    unit: Unit
    chain: tuple[str, ...]

    def then(self, unit: Unit) -> Charged:
        chain = self.chain + (unit.name,)
        if ELIDED in self.chain:  # keep the head, slide the tail: constant work per step
            chain = self.chain[:SHOWN_HEAD + 1] + self.chain[SHOWN_HEAD + 2:] + (unit.name,)
        return Charged(unit, _elided(chain))


def _followed(ref: Ref) -> bool:
    # A value built at module level is only code when it is called (vsig(x), solver.run(x));
    # reading a global array is not running its construction again.
    return ref.target.kind != "binding" or ref.kind != "ref"


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
            reached = current.then(target)
            order.append(reached)
            queue.append(reached)
    return order


def _calls(unit: Unit) -> Iterator[Ref]:
    return (ref for ref in unit.refs if ref.kind != "contains" and _followed(ref))


def reachable(start: Unit) -> set[int]:
    """The ids of every unit `start` can lead to through calls, across the whole notebook
    (computed once per unit: many calls into a graded function ask the same question)."""
    cached = start.program.reach.get(id(start))
    if cached is not None:
        return cached
    seen: set[int] = set()
    queue = deque([start])
    while queue:
        for ref in _calls(queue.popleft()):
            if id(ref.target) not in seen:
                seen.add(id(ref.target))
                queue.append(ref.target)
    start.program.reach[id(start)] = seen
    return seen


def reaches(start: Unit, goal: Unit) -> bool:
    """Whether `start` can lead to `goal` through calls, across the whole notebook."""
    return id(goal) in reachable(start)


def recursion_events(charged: list[Charged], boundary: Callable[[Unit], bool]
                     ) -> list[tuple[Charged, Event]]:
    """One LOOP006 event per call that closes a cycle (a back edge of a depth-first search).
    Iterative, with the path's positions indexed: linear in the calls, whatever the depth."""
    members = {id(item.unit): item for item in charged}
    found: list[tuple[Charged, Event]] = []
    path: list[Unit] = []
    position: dict[int, int] = {}  # id(unit on the path) -> its index in `path`
    done: set[int] = set()
    pending: list[Iterator[Ref]] = []

    def enter(unit: Unit) -> None:
        position[id(unit)] = len(path)
        path.append(unit)
        pending.append(_calls(unit))

    enter(charged[0].unit)
    while pending:
        ref = next(pending[-1], None)
        if ref is None:
            pending.pop()
            unit = path.pop()
            del position[id(unit)]
            done.add(id(unit))
            continue
        unit, target = path[-1], ref.target
        if id(target) in position:
            found.append((members[id(unit)], Event("LOOP006", ref.node, _cycle(path, position[id(target)], target))))
        elif boundary(target):
            if reaches(target, unit):
                cycle = f"{unit.name} -> {target.name} -> ... -> {unit.name}"
                detail = fill(text.RECURSION_THROUGH_GRADED, graded=target.name, cycle=cycle)
                found.append((members[id(unit)], Event("LOOP006", ref.node, detail)))
        elif id(target) in members and id(target) not in done:
            enter(target)
    return found


def _cycle(path: list[Unit], start: int, target: Unit) -> str:
    unit = path[-1]
    if target is unit:
        return fill(text.SELF_RECURSION, function=unit.name)
    length = len(path) - start
    if length + 1 <= SHOWN_HEAD + SHOWN_TAIL + 1:
        names = [item.name for item in path[start:]] + [target.name]
    else:
        names = [item.name for item in path[start:start + SHOWN_HEAD]] + [ELIDED, unit.name, target.name]
    return fill(text.RECURSION, cycle=" -> ".join(names))
