"""The lock files pin every dependency pyproject.toml names, at the version it pins."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;]+)", line)
        if match:
            found[match[1].lower().replace("_", "-")] = match[2]
    return found


def declared() -> dict[str, str]:
    text = (ROOT / "pyproject.toml").read_text()
    return {
        m[1].lower().replace("_", "-"): m[2]
        for m in re.finditer(r'"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^"; ]+)', text)
    }


def test_every_exact_pin_in_pyproject_is_in_the_dev_lock_at_that_version():
    locked = pins(ROOT / "requirements-dev.lock")
    for name, version in declared().items():
        assert locked.get(name) == version, name


def test_the_runtime_lock_holds_the_production_server_and_protections():
    locked = pins(ROOT / "requirements.lock")
    assert {"django", "granian", "django-axes", "django-csp"} <= set(locked)
    assert "pytest" not in locked
