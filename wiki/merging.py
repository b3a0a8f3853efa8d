"""Three-way merge of page texts, line by line (merge3, from the Breezy project)."""

from merge3 import Merge3


def three_way_merge(base, theirs, mine):
    """Merge two edits of `base`; return the merged text, or None when they overlap."""
    merger = Merge3(
        base.splitlines(keepends=True),
        theirs.splitlines(keepends=True),
        mine.splitlines(keepends=True),
    )
    merged = []
    for group in merger.merge_groups():
        if group[0] == "conflict":
            return None
        merged.extend(group[1])
    return "".join(merged)
