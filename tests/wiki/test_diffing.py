from wiki.diffing import diff_hunks


def kinds(hunks):
    return [line.kind for hunk in hunks for line in hunk]


def test_changed_words_are_marked_inside_the_changed_line():
    (hunk,) = diff_hunks("The balloon flies.\n", "The red balloon flies away.\n")
    removed, added = hunk
    assert (removed.kind, added.kind) == ("removed", "added")
    assert added.html == "The<ins> red</ins> balloon flies<ins> away</ins>."
    assert removed.html == "The balloon flies.", "nothing was taken out"


def test_added_and_removed_lines_with_context():
    old = "\n".join(str(n) for n in range(20))
    new = old.replace("10", "ten").replace("19", "19\n20")
    hunks = diff_hunks(old, new)
    assert kinds(hunks).count("added") == 2 and kinds(hunks).count("removed") == 1
    assert all(len(hunk) <= 9 for hunk in hunks), "only three lines of context"


def test_text_is_escaped():
    (hunk,) = diff_hunks("a\n", "<script>alert(1)</script>\n")
    assert "<script>" not in "".join(line.html for line in hunk)
    assert "&lt;script&gt;" in "".join(line.html for line in hunk)


def test_same_text_has_no_hunks():
    assert diff_hunks("same\n", "same\n") == []


def test_lines_are_numbered_when_a_block_is_replaced_by_one_of_another_length():
    (hunk,) = diff_hunks("a\nb\nc\n", "a\nB1\nB2\nB3\nc\n")
    assert [line.new_number for line in hunk if line.kind == "added"] == [2, 3, 4]
    assert [line.old_number for line in hunk if line.kind == "removed"] == [2]
    (hunk,) = diff_hunks("a\nb1\nb2\nb3\nc\n", "a\nB\nc\n")
    assert [line.old_number for line in hunk if line.kind == "removed"] == [2, 3, 4]
    assert [line.new_number for line in hunk if line.kind == "added"] == [2]
