"""The layout numbers of GB/T 9704-2012, in the units WordprocessingML uses.

Word measures page geometry in twips (1/20 pt) and font sizes in half-points.
Clause numbers of the standard are given in brackets.
"""

from __future__ import annotations

from enum import StrEnum

TWIPS_PER_MM = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres to twips."""
    return round(value * TWIPS_PER_MM)


def pt(value: float) -> int:
    """Points to twips."""
    return round(value * 20)


# Paper and type area [5.1, 5.2.1]: A4, top 37 mm, left 28 mm, type area 156 x 225 mm.
PAGE_WIDTH = mm(210)
PAGE_HEIGHT = mm(297)
MARGIN_TOP = mm(37)
MARGIN_LEFT = mm(28)
TYPE_WIDTH = mm(156)
TYPE_HEIGHT = mm(225)
MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - TYPE_WIDTH
MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - TYPE_HEIGHT

# The grid [5.2.3]: 22 lines of 28 characters of 3号 (16 pt) text.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
#: Line pitch in twips (28.95 pt); body lines use exactly this spacing.
LINE_PITCH = 579
#: Width of one grid character in points (156 mm / 28).
CHAR_PITCH_PT = 156 * 72 / 25.4 / CHARS_PER_LINE
#: One grid character in twips, the fallback for readers that ignore "chars" indents.
CHAR_TWIPS = round(CHAR_PITCH_PT * 20)

# Sizes in points [7]: 二号 22, 三号 16, 四号 14, 小四 12.
TITLE_SIZE = 22.0
BODY_SIZE = 16.0
PAGE_NUMBER_SIZE = 14.0
TABLE_SIZE = 12.0

#: Line height of table text: 12 pt characters on exact 16 pt lines (Word's single spacing).
TABLE_LINE = pt(16)

# Page numbers [7.5]: 4号 宋体, the dashes 7 mm below the type area, one character in.
PAGE_NUMBER_GAP = mm(7)
PAGE_NUMBER_LINE = pt(16)
#: Puts the middle of the page-number line, where the dashes sit, 7 mm below the type area.
FOOTER_DISTANCE = MARGIN_BOTTOM - PAGE_NUMBER_GAP - PAGE_NUMBER_LINE // 2
HEADER_DISTANCE = mm(15)

#: Character spacing (twips/20 = 1/20 pt) that makes LibreOffice set 28 characters a line.
COMPATIBLE_CHAR_SPACING = -5


def char_space(normal_size_pt: float) -> int:
    """The docGrid ``charSpace`` for a Normal style of the given size.

    Word's character pitch is the Normal size plus charSpace/4096 points, so the
    value depends on Normal: -848 for 16 pt.
    """
    return round((CHAR_PITCH_PT - normal_size_pt) * 4096)


class Grid(StrEnum):
    """How the 22 x 28 grid is written."""

    #: Word's own document grid, ``docGrid type="linesAndChars"`` (charSpace squeezes
    #: 16 pt characters to 28 a line). Word and WPS set it 22 x 28; LibreOffice does not
    #: (14 characters a line, pages doubled).
    NATIVE = "native"
    #: The same 22 x 28 page without a character grid: exact 579-twip lines and -0.25 pt
    #: character spacing on body text. Word, WPS and LibreOffice all set it 22 x 28, so it
    #: is what the program ships by default (settings: ``word_grid``).
    COMPATIBLE = "compatible"
