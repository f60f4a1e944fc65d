"""The pipeline's structure, checked on the source (``ast``, nothing imported): no import
cycle between modules, no import from a later stage into an earlier one, no module over
300 lines (docs/architecture.md says why).

Stages, in import order: the base modules (errors, config, model, rules, geometry, files),
then text → claims → gazetteer → places → geocoding → analysis → layer → pipeline/geoparsing → cli.
A module may import its own stage, earlier ones and the base. Every import counts, also one
inside a function or under ``if TYPE_CHECKING``: a lazy import is still a dependency. The
root package ``geo`` holds only the version and lazy accessors, so importing it (for
``__version__``) is allowed from anywhere; a test below keeps it that way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

STAGES = ("base", "text", "claims", "gazetteer", "places", "geocoding", "analysis", "layer",
          "pipeline", "cli")
BASE = frozenset({"errors", "config", "model", "rules", "geometry", "files", "bundled"})
TOP = {"pipeline": "pipeline", "geoparsing": "pipeline", "store": "pipeline", "cli": "cli",
       "__main__": "cli"}
MAX_LINES = 300


def modules(root: Path, package: str) -> dict[str, Path]:
    """Dotted name → file of every module of ``package`` (the folder ``root / package``)."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of ``known`` that module ``name`` imports (a ``from pkg import mod`` of a
    submodule is an import of the submodule, of a name an import of ``pkg``)."""
    package = name if _is_package(path) else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in known else base)
    return {target for target in found if target in known and target != name}


def graph(root: Path, package: str) -> dict[str, set[str]]:
    known = modules(root, package)
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def stage(name: str) -> int:
    """A module's place in :data:`STAGES`; the root package is base (see module docstring)."""
    parts = name.split(".")[1:]
    if not parts or parts[0] in BASE:
        return 0
    head = TOP.get(parts[0], parts[0])
    if head not in STAGES:
        raise AssertionError(f"{name} belongs to no stage: add it to STAGES, BASE or TOP")
    return STAGES.index(head)


def backward(edges: dict[str, set[str]]) -> list[str]:
    """Imports from a later stage into an earlier one, and base modules importing stages."""
    return sorted(f"{a} ({STAGES[stage(a)]}) imports {b} ({STAGES[stage(b)]})"
                  for a, targets in edges.items() for b in targets if stage(b) > stage(a))


def too_long(files: dict[str, Path]) -> list[str]:
    counts = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in files.items()}
    return sorted(f"{name}: {lines} lines" for name, lines in counts.items() if lines > MAX_LINES)


@pytest.mark.parametrize("package", ["geo", "dashboard"])
def test_no_import_cycle(package):
    assert cycles(graph(ROOT, package)) == []


def test_no_import_from_a_later_stage():
    assert backward(graph(ROOT, "geo")) == []


def test_the_pipeline_never_imports_the_dashboard():
    edges = graph(ROOT, "geo")
    dashboard = set(modules(ROOT, "dashboard"))
    assert [a for a, targets in edges.items() if targets & dashboard] == []
    for path in modules(ROOT, "geo").values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in names if m and m.split(".")[0] == "dashboard"], path


def test_the_root_package_imports_nothing_of_its_own_at_import_time():
    """What makes importing ``geo`` (for ``__version__``) harmless from any stage."""
    tree = ast.parse((ROOT / "geo" / "__init__.py").read_text(encoding="utf-8"))
    assert [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))] == []


@pytest.mark.parametrize("package", ["geo", "dashboard"])
def test_no_module_over_300_lines(package):
    assert too_long(modules(ROOT, package)) == []


def test_the_checks_find_a_cycle_a_backward_import_and_a_long_module(tmp_path):
    """The checks themselves, on a small tree that breaks every rule."""
    (tmp_path / "geo" / "text").mkdir(parents=True)
    (tmp_path / "geo" / "claims").mkdir()
    for init in ("geo", "geo/text", "geo/claims"):
        (tmp_path / init / "__init__.py").write_text('"""A package."""\n')
    (tmp_path / "geo" / "text" / "a.py").write_text("from ..claims import b\n")
    (tmp_path / "geo" / "claims" / "b.py").write_text(
        "def later():\n    from ..text.a import x\n" + "\n" * MAX_LINES)
    (tmp_path / "geo" / "model.py").write_text("import geo.claims.b\n")
    edges = graph(tmp_path, "geo")
    assert cycles(edges) == [["geo.claims.b", "geo.text.a"]]
    assert backward(edges) == ["geo.model (base) imports geo.claims.b (claims)",
                               "geo.text.a (text) imports geo.claims.b (claims)"]
    assert too_long(modules(tmp_path, "geo")) == [f"geo.claims.b: {MAX_LINES + 2} lines"]
