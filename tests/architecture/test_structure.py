"""The floor plan holds: core/ and web/ import no domain, no two files import each other in a loop, and
every file stays small. Read from the source as text (``ast``), so a lazy import inside a function
counts as much as one at the top."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "jobboard"
LAYERS = ("core", "web")  # infrastructure that every domain may use, and that uses none
MAX_LINES = 300


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def board_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path, modules: dict[str, Path], name: str | None = None) -> Iterator[str]:
    """The board's modules that ``path`` (module ``name``) imports, anywhere in the file."""
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from . import x, from ..core import y
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base]).strip(".")
            # ``from package import module`` names a module; ``from module import name`` does not.
            names = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules]
            names = names or [base]
        else:
            continue
        for target in names:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def domain_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else None  # jobboard.<room>.<file>; top-level files have none


def test_core_and_web_import_no_domain() -> None:
    modules = board_modules()
    wrong = sorted(
        f"{module} imports {target}"
        for module, path in modules.items()
        if domain_of(module) in LAYERS
        for target in imported(path, modules)
        if domain_of(target) not in LAYERS
    )
    assert wrong == []


def loops_in(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every loop a depth-first walk meets, as the path that closes it."""
    loops: list[list[str]] = []
    state: dict[str, str] = {}  # "open" while on the current path, "done" after

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                loops.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return loops


def test_no_two_files_import_each_other_in_a_loop() -> None:
    modules = board_modules()
    assert loops_in({module: set(imported(path, modules)) for module, path in modules.items()}) == []


def test_a_loop_is_found() -> None:
    assert loops_in({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert loops_in({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("folder", ["jobboard", "tests", "bench"])
def test_every_python_file_is_under_the_limit(folder: str) -> None:
    long_files = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) >= MAX_LINES
    }
    assert long_files == {}


def test_the_checks_see_a_wrong_import(tmp_path: Path) -> None:
    """The import reader finds the imports these tests rely on: relative, lazy and ``from package``."""
    modules = board_modules()
    sample = PACKAGE / "web" / "templates.py"
    assert "jobboard.core.text" in set(imported(sample, modules))
    lazy = tmp_path / "lazy.py"
    lazy.write_text("def f():\n    from jobboard.jobs import discovery\n", encoding="utf-8")
    assert set(imported(lazy, modules, "jobboard.web.lazy")) == {"jobboard.jobs.discovery"}
    relative = tmp_path / "relative.py"
    relative.write_text("from ..core import text\nfrom .forms import Form\n", encoding="utf-8")
    found = set(imported(relative, modules, "jobboard.web.relative"))
    assert found == {"jobboard.core.text", "jobboard.web.forms"}
