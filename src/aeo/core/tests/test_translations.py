"""Every user-facing string carries its Japanese (DESIGN.md, "Two languages").

The Japanese catalogue must hold every string marked in the source, each translated, none fuzzy,
with its placeholders and HTML intact. After changing a marked string: `make messages`, then
translate what is new in src/aeo/locale/ja/LC_MESSAGES/django.po.
"""

import ast
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

GETTEXT_TOOLS = ("xgettext", "msgmerge", "msgfmt")
pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in GETTEXT_TOOLS),
    reason="GNU gettext (xgettext, msgmerge, msgfmt) is not installed: `make gettext` installs it",
)

SOURCE = Path(settings.BASE_DIR)  # src/aeo: what `make messages` scans
CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "ja" / "LC_MESSAGES" / "django.po"
# The same options as the Makefile's `messages` target.
MAKEMESSAGES_OPTIONS = {"no_obsolete": True, "add_location": "file", "ignore_patterns": ["tests"]}


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    locations: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$')


def parse_po(path: Path) -> list[Entry]:
    """The entries of a .po file, header included, obsolete (#~) ones left out."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            current, target = None, None
            continue
        if current is None:
            current = Entry(line=number)
            entries.append(current)
        if line.startswith("#,"):
            current.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#:"):
            current.locations += line[2:].split()
        elif line.startswith("#"):
            continue
        elif match := _KEYWORD.match(line):
            keyword, index, literal = match.groups()
            target = (keyword, int(index or 0))
            _append(current, target, ast.literal_eval(literal), start=True)
        elif line.startswith('"') and target is not None:
            _append(current, target, ast.literal_eval(line), start=False)
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    return entries


def _append(entry: Entry, target: tuple[str, int], text: str, *, start: bool) -> None:
    keyword, index = target
    if keyword == "msgstr":
        entry.msgstr[index] = text if start else entry.msgstr[index] + text
    else:
        previous = "" if start else (getattr(entry, keyword) or "")
        setattr(entry, keyword, previous + text)


def describe(entries: list[Entry], *, where: str = "line") -> str:
    def place(e: Entry) -> str:
        return f"line {e.line}" if where == "line" else ", ".join(e.locations)

    return "\n".join(f"  {e.msgid!r} ({place(e)})" for e in entries)


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    assert CATALOGUE.exists(), f"{CATALOGUE} is missing: run `make messages`"
    return parse_po(CATALOGUE)


def test_header_declares_japanese_with_one_plural_form(catalogue):
    header = catalogue[0]
    assert header.msgid == "", "the catalogue must start with its header"
    assert "fuzzy" not in header.flags, "a fuzzy header is ignored by msgfmt"
    assert "Language: ja\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=1; plural=0;\n" in header.msgstr[0]
    assert "charset=UTF-8" in header.msgstr[0]


def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    entries = catalogue[1:]
    fuzzy = [e for e in entries if "fuzzy" in e.flags]
    untranslated = [
        e for e in entries if not e.msgstr or not all(s.strip() for s in e.msgstr.values())
    ]
    wrong_plurals = [e for e in entries if e.msgid_plural is not None and set(e.msgstr) != {0}]
    assert not fuzzy, f"fuzzy entries in {CATALOGUE} (check, then drop the flag):\n" + describe(
        fuzzy
    )
    assert not untranslated, f"entries without Japanese in {CATALOGUE}:\n" + describe(untranslated)
    assert not wrong_plurals, "Japanese has one plural form (msgstr[0] only):\n" + describe(
        wrong_plurals
    )


def test_placeholders_and_markup_are_kept(catalogue):
    # msgfmt compares the python-format / python-brace-format placeholders of every entry.
    msgfmt = shutil.which("msgfmt") or "msgfmt"
    checked = subprocess.run(  # noqa: S603 (our own catalogue, no outside input)
        [msgfmt, "--check-format", "--check-header", "-o", os.devnull, str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    tag = re.compile(r"</?[a-zA-Z][^>]*>")
    broken = [
        e
        for e in catalogue[1:]
        for text in e.msgstr.values()
        if sorted(tag.findall(text)) != sorted(tag.findall(e.msgid))
    ]
    assert not broken, "translations whose HTML differs from the English:\n" + describe(broken)


def _copy_sources(destination: Path) -> None:
    """The files makemessages reads (Python and templates), without tests, data or catalogues."""
    shutil.copytree(
        SOURCE,
        destination,
        ignore=shutil.ignore_patterns(
            "tests", "locale", "static", "__pycache__", "*.pyc", "*.mo", "*.po", "*.sqlite3"
        ),
    )


def test_catalogue_holds_every_marked_string_and_no_stale_one(catalogue, tmp_path, monkeypatch):
    sources = tmp_path / "aeo"
    _copy_sources(sources)
    monkeypatch.chdir(sources)
    with override_settings(LOCALE_PATHS=[sources / "locale"]):
        call_command("makemessages", locale=["ja"], verbosity=0, **MAKEMESSAGES_OPTIONS)
    extracted = parse_po(sources / "locale" / "ja" / "LC_MESSAGES" / "django.po")
    in_source = {e.key: e for e in extracted[1:]}
    in_catalogue = {e.key: e for e in catalogue[1:]}
    missing = [in_source[k] for k in in_source.keys() - in_catalogue.keys()]
    stale = [in_catalogue[k] for k in in_catalogue.keys() - in_source.keys()]
    assert not missing, (
        "strings marked for translation but missing from the Japanese catalogue "
        "(run `make messages` and translate them):\n" + describe(missing, where="source")
    )
    assert not stale, (
        "catalogue entries no longer in the source (run `make messages`):\n" + describe(stale)
    )
