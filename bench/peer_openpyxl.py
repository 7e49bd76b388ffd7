#!/usr/bin/python3
"""peer_openpyxl.py BUNDLE_DIR OUT.xlsx [DELIMITER] — what an
administrator's script would do with openpyxl: read the exported CSV bundle,
write one sheet per table with a bold header row, numbers as numbers. Part of
the export benchmark (bench/README)."""
import sys
import openpyxl
from openpyxl.styles import Font
from peer_common import NUM, tables


def main():
    bundle, out = sys.argv[1], sys.argv[2]
    delimiter = sys.argv[3] if len(sys.argv) > 3 else ","
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for name, rows in tables(bundle, delimiter):
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows):
            if r == 0:
                ws.append([v if v != "" else None for v in row])
                for cell in ws[1]:
                    cell.font = bold
            else:
                ws.append([None if v == "" else float(v) if NUM.match(v) else v for v in row])
    wb.save(out)


if __name__ == "__main__":
    main()
