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


def undone_text(*, revision, current):
    """`current` with `revision`'s own change taken back; None when a later edit
    touched the same lines.

    The three-way merge runs from `revision` (the base) to its predecessor (the undo)
    and to the current text (everything since): what came after is kept.
    """
    return three_way_merge(revision.body, current.body, revision.previous.body)
