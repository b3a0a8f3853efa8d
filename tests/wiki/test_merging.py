from wiki.merging import three_way_merge


def test_changes_to_different_lines_merge():
    assert three_way_merge("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n") == "A\nb\nC\n"


def test_changes_to_the_same_line_do_not_merge():
    assert three_way_merge("a\nb\n", "X\nb\n", "Y\nb\n") is None


def test_the_same_change_twice_merges_to_it():
    assert three_way_merge("a\nb\n", "a\nB\n", "a\nB\n") == "a\nB\n"


def test_text_without_final_newline_merges():
    assert three_way_merge("a\nb\nc", "A\nb\nc", "a\nb\nC") == "A\nb\nC"
