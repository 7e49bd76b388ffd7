#!/usr/bin/python3
"""peer_xlsxwriter.py BUNDLE_DIR OUT.xlsx [DELIMITER] — what an
administrator's script would do with Python's XlsxWriter: read the exported
CSV bundle, write one sheet per table with a bold header row, numbers as
numbers. Part of the export benchmark (bench/README)."""
import sys
import xlsxwriter
from peer_common import NUM, tables


def main():
    bundle, out = sys.argv[1], sys.argv[2]
    delimiter = sys.argv[3] if len(sys.argv) > 3 else ","
    wb = xlsxwriter.Workbook(out)
    bold = wb.add_format({"bold": True})
    for name, rows in tables(bundle, delimiter):
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v == "":
                    continue
                if r == 0:
                    ws.write_string(r, c, v, bold)
                elif NUM.match(v):
                    ws.write_number(r, c, float(v))
                else:
                    ws.write_string(r, c, v)
    wb.close()


if __name__ == "__main__":
    main()
