"""A normal install must carry every subpackage, stylesheet, template and the demo data."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def test_every_python_package_is_listed():
    listed = set(_config()["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "tui").rglob("__init__.py")
    } | {"tui.data"}
    assert found == listed


def test_every_stylesheet_folder_ships_its_tcss():
    package_data = _config()["package-data"]
    for sheet in (ROOT / "tui").rglob("*.tcss"):
        package = ".".join(sheet.parent.relative_to(ROOT).parts)
        assert "*.tcss" in package_data.get(package, []), f"{sheet} would be left out of a wheel"


def test_templates_and_demo_ship_as_package_data():
    patterns = _config()["package-data"]["tui.data"]
    assert "*.json" in patterns and "templates/*" in patterns
    assert (ROOT / "data" / "demo.json").exists()
    assert sorted(p.name for p in (ROOT / "data" / "templates").iterdir())
