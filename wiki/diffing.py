"""Line diffs of two page texts, with the changed words inside a changed line marked."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

CONTEXT_LINES = 3
WORD = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "context", "removed" or "added"
    old_number: int | None
    new_number: int | None
    html: str


def _word_diff(old, new):
    """Return both lines as HTML: removed words in <del>, added ones in <ins>."""
    old_words, new_words = WORD.findall(old), WORD.findall(new)
    old_html, new_html = [], []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if op == "equal":
            old_html.append(escape(removed))
            new_html.append(escape(added))
            continue
        if removed:
            old_html.append(format_html("<del>{}</del>", removed))
        if added:
            new_html.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(old_html)), mark_safe("".join(new_html))


def _removed(lines, first):
    """Lines only in the old text, which begins at line `first` + 1."""
    return [
        DiffLine("removed", first + n + 1, None, escape(line))
        for n, line in enumerate(lines)
    ]


def _added(lines, first):
    """Lines only in the new text, which begins at line `first` + 1."""
    return [
        DiffLine("added", None, first + n + 1, escape(line))
        for n, line in enumerate(lines)
    ]


def _replaced(old_lines, new_lines, i1, j1):
    """Pair the lines of a replaced block so each pair shows its changed words."""
    removed, added = [], []
    for offset, (old, new) in enumerate(zip(old_lines, new_lines, strict=False)):
        old_html, new_html = _word_diff(old, new)
        removed.append(DiffLine("removed", i1 + offset + 1, None, old_html))
        added.append(DiffLine("added", None, j1 + offset + 1, new_html))
    pairs = min(len(old_lines), len(new_lines))
    removed += _removed(old_lines[pairs:], i1 + pairs)
    added += _added(new_lines[pairs:], j1 + pairs)
    return removed + added


def diff_hunks(old_text, new_text):
    """Return the changed stretches of the two texts, each a list of DiffLines."""
    old_lines, new_lines = old_text.splitlines(), new_text.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        hunk = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                hunk += [
                    DiffLine("context", i1 + n + 1, j1 + n + 1, escape(line))
                    for n, line in enumerate(old_lines[i1:i2])
                ]
            elif op == "replace":
                hunk += _replaced(old_lines[i1:i2], new_lines[j1:j2], i1, j1)
            elif op == "delete":
                hunk += _removed(old_lines[i1:i2], i1)
            else:
                hunk += _added(new_lines[j1:j2], j1)
        hunks.append(hunk)
    return hunks
