"""Renders a terminal screen captured with ANSI colours (`tmux capture-pane -peJ`) to a PNG, so docs can show
what the REPL drew (the braille picture and its coloured level bands) as the terminal showed it.
Run: /usr/bin/python3 docs/pictures/terminal_png.py CAPTURE.ansi OUT.png"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

BASIC = [(0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229)]
BRIGHT = [(102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255)]
FG, BG = (30, 30, 30), (255, 255, 255)


def xterm(n):
    if n < 8:
        return BASIC[n]
    if n < 16:
        return BRIGHT[n - 8]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[n // 6 % 6], steps[n % 6]
    v = 8 + 10 * (n - 232)
    return v, v, v


def sgr(codes, fg, bg):
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            fg, bg = FG, BG
        elif 30 <= c <= 37:
            fg = BASIC[c - 30]
        elif 90 <= c <= 97:
            fg = BRIGHT[c - 90]
        elif 40 <= c <= 47:
            bg = BASIC[c - 40]
        elif 100 <= c <= 107:
            bg = BRIGHT[c - 100]
        elif c == 39:
            fg = FG
        elif c == 49:
            bg = BG
        elif c in (38, 48) and i + 1 < len(codes):
            if codes[i + 1] == 5:
                col, i = xterm(codes[i + 2]), i + 2
            else:
                col, i = tuple(codes[i + 2:i + 5]), i + 4
            if c == 38:
                fg = col
            else:
                bg = col
        i += 1
    return fg, bg


DOTS = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]   # bit k of a braille cell: (column, row)


def braille(d, bits, x, y, colour):
    """A braille cell drawn as dots (monospace fonts here lack the braille block)."""
    for k, (c, r) in enumerate(DOTS):
        if bits >> k & 1:
            cx, cy = x + 2 + c * 4, y + 2 + r * 4
            d.rectangle([cx - 1, cy - 1, cx + 1, cy + 1], fill=colour)


def main(src, out):
    lines = open(src, encoding="utf-8").read().rstrip("\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 13)
    cw, ch = 8, 16
    cols = max(len(re.sub(r"\x1b\[[0-9;]*m", "", l)) for l in lines)
    img = Image.new("RGB", (cols * cw + 16, len(lines) * ch + 16), BG)
    d = ImageDraw.Draw(img)
    fg, bg = FG, BG
    for row, line in enumerate(lines):
        col = 0
        for part in re.split(r"(\x1b\[[0-9;]*m)", line):
            if part.startswith("\x1b["):
                codes = [int(c) for c in part[2:-1].split(";") if c] or [0]
                fg, bg = sgr(codes, fg, bg)
                continue
            for chr_ in part:
                x, y = 8 + col * cw, 8 + row * ch
                d.rectangle([x, y, x + cw - 1, y + ch - 1], fill=bg)
                if 0x2800 <= ord(chr_) <= 0x28FF:
                    braille(d, ord(chr_) - 0x2800, x, y, fg)
                else:
                    d.text((x, y + 1), chr_, font=font, fill=fg)
                col += 1
    img.save(out, optimize=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
