"""Documentation kept honest: README's links into docs/ lead somewhere, and every variable is documented."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# A Markdown link or image: [text](target) or ![alt](target), target without spaces.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
SETTINGS_READ = re.compile(r'env_(?:str|bool|int|list|choice)\(\s*"([A-Z_]+)"')


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors_in(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text())
    return {anchor(heading) for heading in HEADING.findall(text)}


def local_links(path: Path) -> list[str]:
    """Links from one Markdown file to files in this repository (not web addresses)."""
    text = FENCE.sub("", path.read_text())
    return [target for target in LINK.findall(text) if not re.match(r"[a-z]+:", target)]


def broken_links(path: Path) -> list[str]:
    broken = []
    for target in local_links(path):
        file_part, _, fragment = target.partition("#")
        resolved = (path.parent / file_part).resolve() if file_part else path
        if not resolved.is_file():
            broken.append(f"{target}: no such file")
        elif fragment and resolved.suffix == ".md" and fragment not in anchors_in(resolved):
            broken.append(f"{target}: no heading #{fragment}")
    return broken


def test_anchor_follows_github():
    assert anchor("Today and Quick log") == "today-and-quick-log"
    assert anchor("Bonding and crying") == "bonding-and-crying"
    assert anchor("`twofold` and the API's docs") == "twofold-and-the-apis-docs"


def test_a_missing_file_or_heading_is_reported(tmp_path):
    (tmp_path / "guide.md").write_text("# Guide\n\n## Today\n\n```\n## Not a heading\n```\n")
    page = tmp_path / "README.md"
    page.write_text(
        "[ok](guide.md#today) [gone](nothing.md) [fenced](guide.md#not-a-heading) [web](https://example.org)"
    )

    assert broken_links(page) == [
        "nothing.md: no such file",
        "guide.md#not-a-heading: no heading #not-a-heading",
    ]


def test_readme_links_into_docs():
    links = local_links(ROOT / "README.md")
    for page in ["guide", "api", "configuration", "operations", "architecture"]:
        assert f"docs/{page}.md" in links


def test_every_link_in_readme_and_docs_resolves():
    pages = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
    broken = {page.name: broken_links(page) for page in pages}

    assert {name: links for name, links in broken.items() if links} == {}


def test_readme_is_a_front_door():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme[:400] and "make test" in readme[:400]
    assert len(readme) <= 8_000


def test_every_setting_variable_is_documented():
    variables = set(SETTINGS_READ.findall((ROOT / "twofold" / "settings.py").read_text()))
    documented = (DOCS / "configuration.md").read_text()

    assert len(variables) > 10
    missing = sorted(v for v in variables if f"`{v}`" not in documented)
    assert not missing, f"Document these in docs/configuration.md: {missing}"


# `twofold X` in prose or code, `/bin/twofold X` in a unit file, and `tf X` (operations.md's helper that runs
# a command as the service does) at the start of a line in a shell example.
TWOFOLD_COMMAND = re.compile(r"(?:`|/bin/)twofold ([a-z][a-z_-]*)|^tf ([a-z][a-z_-]*)", re.MULTILINE)


def commands_named_in(text: str) -> set[str]:
    return {(found or helper).replace("-", "_") for found, helper in TWOFOLD_COMMAND.findall(text)}


def test_commands_are_found_in_prose_units_and_shell_examples():
    text = (
        "Run `twofold plan-night --week`.\n```ini\nExecStart=/srv/t/.venv/bin/twofold serve\n```\n"
        "tf backup x\n"
    )

    assert commands_named_in(text) == {"plan_night", "serve", "backup"}
    assert commands_named_in("twofold/home/backup.py and Twofold is") == set()


def test_every_command_in_the_operations_guide_exists():
    from django.core.management import get_commands

    named = commands_named_in((DOCS / "operations.md").read_text())

    assert {"serve", "backup", "restore", "migrate", "reseal", "purge"} <= named
    assert sorted(named - set(get_commands())) == []
