"""The dark theme for readers whose system asks for it, with or without script.

Bootstrap draws its dark theme under `[data-bs-theme=dark]`, an attribute that only a
script can set. static/js/appearance.js sets it from the reader's choice; a browser that
runs no script still follows its system through static/css/theme-auto.css, which holds
the same rules under `prefers-color-scheme: dark` for a page that carries no theme
attribute. That file is written from the stylesheets by `manage.py theme_css`, and a
test keeps it in step with them.
"""

import re

DARK = "[data-bs-theme=dark]"
UNCHOSEN = ":root:not([data-bs-theme])"
HEADER = (
    "/* Written by `manage.py theme_css` from the dark rules of the stylesheets below;"
    " do not edit. */\n"
)


def _top_level_rules(css):
    """(selector, declarations) of each rule outside any at-rule, in order."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    depth, start, prelude = 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                if not prelude.startswith("@"):
                    yield prelude, css[start:index].strip()
                start = index + 1


def _dark_selector(selector):
    """The selectors of a rule that start from the dark theme's attribute, moved onto a
    page with no theme chosen; None when the rule has none."""
    dark = [
        UNCHOSEN + part.strip()[len(DARK) :]
        for part in selector.split(",")
        if part.strip().startswith(DARK)
    ]
    return ",".join(dark) or None


def theme_auto_css(*stylesheets):
    """The dark rules of the stylesheets, applied when the system is dark."""
    rules = []
    for css in stylesheets:
        for selector, declarations in _top_level_rules(css):
            dark = _dark_selector(selector)
            if dark:
                rules.append(f"  {dark} {{{declarations}}}\n")
    return HEADER + "@media (prefers-color-scheme: dark) {\n" + "".join(rules) + "}\n"
