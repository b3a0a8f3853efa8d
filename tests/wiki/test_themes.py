"""The dark theme for a system that asks for it, without script: theme-auto.css holds
the stylesheets' dark rules, under the media query, for a page with no theme set."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from wiki.management.commands.theme_css import TARGET, written_theme_css
from wiki.themes import theme_auto_css


def test_the_committed_file_is_the_one_the_stylesheets_make():
    committed = (Path(settings.BASE_DIR) / "static" / TARGET).read_text()
    assert committed == written_theme_css(), "run `manage.py theme_css` and commit it"


def test_dark_rules_move_onto_a_page_with_no_theme_chosen():
    css = theme_auto_css(
        ":root,[data-bs-theme=light]{--x:#fff}"
        "[data-bs-theme=dark]{--x:#000}"
        "[data-bs-theme=dark] .form-select{--y:1},.other{--z:2}"
        ".navbar[data-bs-theme=dark]{--w:3}"
        "@media (min-width:1px){[data-bs-theme=dark]{--v:4}}"
    )
    body = css.split("@media (prefers-color-scheme: dark) {", 1)[1]
    assert ":root:not([data-bs-theme]) {--x:#000}" in body
    assert ":root:not([data-bs-theme]) .form-select {--y:1}" in body
    assert "--z" not in body and "--w" not in body and "--v" not in body
    assert "#fff" not in body


def test_the_command_writes_the_file(tmp_path, monkeypatch):
    from wiki.management.commands import theme_css

    target = tmp_path / "static"
    (target / "css").mkdir(parents=True)
    for name in theme_css.SOURCES:
        source = Path(settings.BASE_DIR) / "static" / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_text(source.read_text())
    monkeypatch.setattr(theme_css, "STATIC", target)
    call_command("theme_css", verbosity=0)
    assert (target / TARGET).read_text() == written_theme_css()
