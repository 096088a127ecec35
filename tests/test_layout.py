"""The layout's import rules: the kernel depends on no domain app, and an app reaches another
only through its services, selectors, constants and models."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "aeo"
KERNEL = {"core"}
# Project-level modules that wire the apps together (URLs, the API, settings).
PROJECT = {"api", "urls", "settings", "openapi", "wsgi", "asgi", "__main__"}
PUBLIC = {"services", "selectors", "constants", "models"}
# Kernel pieces of the accounts app that every app's views and API use, and the Time Release
# Study engine: a library without Django imports that the border feeds with its declarations.
SHARED = {("accounts", "http"), ("accounts", "auth"), ("trs", "engine")}
APPS = sorted(p.name for p in SRC.iterdir() if (p / "apps.py").exists())


def _imports(app: str) -> list[tuple[Path, str]]:
    found = []
    for path in (SRC / app).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("aeo."):
                found.append((path, node.module))
                found += [(path, f"{node.module}.{a.name}") for a in node.names]
            elif isinstance(node, ast.Import):
                found += [(path, a.name) for a in node.names if a.name.startswith("aeo.")]
    return found


@pytest.mark.parametrize("app", APPS)
def test_an_app_uses_only_the_public_surface_of_another(app):
    wrong = set()
    for path, module in _imports(app):
        parts = module.split(".")
        other = parts[1]
        if other in (app, *KERNEL, *PROJECT) or len(parts) < 3:
            continue
        if app in KERNEL:
            wrong.add(f"{path.relative_to(SRC)}: {module} (the kernel imports no domain app)")
        elif parts[2] not in PUBLIC and (other, parts[2]) not in SHARED:
            wrong.add(f"{path.relative_to(SRC)}: {module}")
    assert not wrong, sorted(wrong)
