#!/usr/bin/python3
"""screen_cells.py FILE — what a terminal screen shows, cell by cell.

Reads a `tmux capture-pane -p -e -N` dump (text with SGR sequences) and
prints one line per screen line: every cell as its character and the
attributes that can be seen. Two ways of drawing the same picture give the
same output: white on black is the terminal's default colours (curses'
colour pair 0, which it sends either way), and a blank cell that the terminal cleared (erase with the
current background) and a blank written with the same background look
alike, so a blank keeps its background, reverse and underline but not its
foreground colour or boldness (unless it is reversed, when the foreground
colour is what shows). Used by tests/ui_redraw.sh and tests/ui_scroll.sh.
"""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def cells(line, st):
    """The cells of one line; st is the attribute state, carried from the
    line before (tmux does not repeat it at the start of a line)."""
    out = []
    pos = 0
    for m in list(SGR.finditer(line)) + [None]:
        end = m.start() if m else len(line)
        for ch in line[pos:end]:
            rev = st["rev"]
            # curses' colour pair 0 is white on black: sent as such or as the
            # terminal's default colours (after "orig_pair" or a clear)
            fg = None if st["fg"] == 37 else st["fg"]
            bg = None if st["bg"] == 30 else st["bg"]
            if ch == " " and not rev:
                look = (bg, st["ul"])
            else:
                look = (fg, bg, st["bold"], st["ul"], rev, st["dim"], st["it"], st["blink"])
            out.append((ch, look))
        if m is None:
            break
        pos = m.end()
        codes = [c for c in m.group(1).replace(":", ";").split(";")]
        i = 0
        while i < len(codes):
            c = int(codes[i]) if codes[i] else 0
            if c == 0:
                st.update(fg=None, bg=None, bold=False, ul=False, rev=False, dim=False,
                          it=False, blink=False)
            elif c == 1:
                st["bold"] = True
            elif c == 2:
                st["dim"] = True
            elif c == 3:
                st["it"] = True
            elif c == 4:
                st["ul"] = True
            elif c == 5:
                st["blink"] = True
            elif c == 7:
                st["rev"] = True
            elif c == 22:
                st["bold"] = st["dim"] = False
            elif c == 23:
                st["it"] = False
            elif c == 24:
                st["ul"] = False
            elif c == 25:
                st["blink"] = False
            elif c == 27:
                st["rev"] = False
            elif 30 <= c <= 37 or 90 <= c <= 97:
                st["fg"] = c
            elif c == 39:
                st["fg"] = None
            elif 40 <= c <= 47 or 100 <= c <= 107:
                st["bg"] = c - 10
            elif c == 49:
                st["bg"] = None
            elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == "5":
                st["fg" if c == 38 else "bg"] = "256:" + codes[i + 2]
                i += 2
            elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == "2":
                st["fg" if c == 38 else "bg"] = "rgb:" + ",".join(codes[i + 2:i + 5])
                i += 4
            i += 1
    # blanks with nothing to see at the end of a line are not cells
    while out and out[-1] == (" ", (None, False)):
        out.pop()
    return out


def main():
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    st = {"fg": None, "bg": None, "bold": False, "ul": False, "rev": False,
          "dim": False, "it": False, "blink": False}
    for n, line in enumerate(lines):
        row = cells(line, st)
        text = "".join(ch for ch, _ in row)
        looks = []
        last = None
        for x, (_, look) in enumerate(row):
            if look != last:
                looks.append("%d:%s" % (x, look))
                last = look
        print("%2d %s" % (n, text))
        print("   %s" % " ".join(looks))


if __name__ == "__main__":
    main()
