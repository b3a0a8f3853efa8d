"""Share cards: the picture a page shows where a link to it is shared (`og:image`),
drawn with Pillow from the page's own data: its title, the site's name and, for a page
an extension gives facts to (a film's, say), the first of them.

A card is drawn on request and kept in the page cache with its page, so that it is
drawn again only once the page or its data change.
"""

import io
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
MARGIN = 72
BACKGROUND = (33, 37, 41)
ACCENT = (13, 110, 253)
TEXT = (255, 255, 255)
MUTED = (206, 212, 218)
FACTS = 4

# Fonts that Debian's fonts-noto-* and fonts-dejavu packages install, by the scripts
# their glyphs cover; Pillow's own font where none is installed.
_FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype"))
_FONTS_BY_SCRIPT = (
    (re.compile(r"[\u0900-\u097f]"), ("noto/NotoSansDevanagari-{weight}.ttf",)),
    (re.compile(r"[\u0c80-\u0cff]"), ("noto/NotoSansKannada-{weight}.ttf",)),
)
_GENERAL_FONTS = (
    "NotoSansCJK-{weight}.ttc",
    "noto/NotoSans-{weight}.ttf",
    "dejavu/DejaVuSans{dejavu}.ttf",
)


def _font_path(text, bold):
    weight = "Bold" if bold else "Regular"
    names = _GENERAL_FONTS
    for script, fonts in _FONTS_BY_SCRIPT:
        if script.search(text):
            names = fonts + names
            break
    for name in names:
        name = name.format(weight=weight, dejavu="-Bold" if bold else "")
        for folder in _FONT_DIRS:
            if (folder / name).exists():
                return folder / name
    return None


def _font(text, size, bold=False):
    path = _font_path(text, bold)
    if path is None:
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(str(path), size=size)


def _wrapped(draw, text, font, width, most_lines):
    """`text` in lines no wider than `width`, the last cut with an ellipsis."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > most_lines:
        lines = lines[:most_lines]
        lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    return lines


def share_card(*, title, site_name, facts=()):
    """A PNG of 1200 × 630 pixels, the size that sites showing shared links ask for."""
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, SIZE[1] - 16, SIZE[0], SIZE[1]), fill=ACCENT)
    draw.text((MARGIN, MARGIN), site_name, font=_font(site_name, 34), fill=MUTED)
    facts = [f"{label}: {value}" for label, value in facts][:FACTS]
    title_size = 76 if len(title) < 40 else 60
    title_font = _font(title, title_size, bold=True)
    lines = _wrapped(draw, title, title_font, width, 2 if facts else 3)
    y = MARGIN + 76
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=TEXT)
        y += int(title_size * 1.2)
    y += 24
    for fact in facts:
        font = _font(fact, 34)
        for line in _wrapped(draw, fact, font, width, 1):
            draw.text((MARGIN, y), line, font=font, fill=MUTED)
            y += 48
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
