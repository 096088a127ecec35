"""A clone has only what is in it: the README and docs/ link nothing outside the repository."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\(([^)#\s]+)[^)]*\)|`(\.\./[^`]+)`")


def test_readme_and_docs_link_only_files_in_the_repository():
    outside = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for match in LINK.finditer(doc.read_text()):
            target = match.group(1) or match.group(2)
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            path = (doc.parent / target).resolve()
            if not path.is_relative_to(ROOT) or not path.exists():
                outside.append(f"{doc.name}: {target}")
    assert not outside, outside
