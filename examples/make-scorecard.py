#!/usr/bin/env python3
"""Build examples/scorecard.xlsx from examples/scorecard.json, and the same
scorecard split into a finance workbook and two team workbooks in
examples/consolidation/ (to try `kpi-align check` on several files at once).

    /usr/bin/python3 examples/make-scorecard.py [data.json] [out.xlsx]

Needs only the standard library and openpyxl (3.0.9 from Debian is enough).
The JSON is the source of truth; this script only lays it out:

* every entry of "tables" becomes a real Excel table (ListObject) on its own
  sheet, header row at "origin", styled, header row frozen;
* columns whose header names a date field (Start Date, Due, Updated and the
  spec's synonyms such as Period Start, Deadline, Last Updated) hold ISO date
  text in the JSON and are written as real dates;
* value columns are formatted per row from the row's unit ("%" rows as
  percentages, "$k" with thousands separators), so the stored numbers stay
  plain fractions and amounts;
* "about" becomes a plain-text sheet (no table, no ID column).

The output is byte-for-byte reproducible: document properties and the zip
entries' timestamps are pinned.
"""
import datetime
import json
import os
import re
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string, column_index_from_string
from openpyxl.worksheet.table import Table, TableStyleInfo

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = datetime.datetime(2026, 9, 30, 12, 0, 0)
ZIP_TIME = (2026, 9, 30, 12, 0, 0)
TABLE_STYLE = "TableStyleMedium2"

# Header synonyms from SEMANTICS.md section 2, for the fields this script formats.
SYNONYMS = {
    "start": ["Start Date", "Period Start", "From"],
    "due": ["Due", "Due Date", "End Date", "Deadline", "Period End", "To"],
    "updated": ["Updated", "Last Updated", "As Of", "Updated On"],
    "unit": ["Unit", "UoM", "Unit of Measure"],
    "weight": ["Weight", "Weighting"],
    "value": [
        # baseline, target, band, tolerance and actual: formatted by the row's unit
        "Baseline", "Start Value", "Initial", "Initial Value",
        "Target", "Goal", "Target Value",
        "Target Min", "Min", "Minimum", "Lower Bound", "Floor",
        "Target Max", "Max", "Maximum", "Upper Bound", "Ceiling",
        "Tolerance",
        "Actual", "Current", "Current Value", "Value", "YTD", "Actual YTD",
    ],
}
DATE_FIELDS = ("start", "due", "updated")


def norm(header):
    """The spec's header matching: case-insensitive, ignoring spaces, _, - and a trailing %."""
    s = re.sub(r"[\s_\-]", "", str(header).lower())
    return s[:-1] if s.endswith("%") else s


FIELD_OF = {norm(h): field for field, names in SYNONYMS.items() for h in names}

UNIT_FORMATS = {
    "%": "0.0%",
    "$k": "#,##0",
    "$": "#,##0.00",
}


def value_format(unit, value):
    unit = (unit or "").strip()
    if unit in UNIT_FORMATS:
        return UNIT_FORMATS[unit]
    if isinstance(value, float) and not value.is_integer():
        return "#,##0.0##"
    return "#,##0"


def display_text(value, number_format):
    """Roughly what Excel shows, to size the columns."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if number_format.endswith("%"):
            return "%.1f%%" % (value * 100)
        return "{:,.3f}".format(value).rstrip("0").rstrip(".")
    return str(value)


def write_table(wb, spec):
    ws = wb.create_sheet(spec["sheet"])
    col_letter, row0 = coordinate_from_string(spec["origin"])
    col0 = column_index_from_string(col_letter)
    header = spec["header"]
    fields = [FIELD_OF.get(norm(h)) for h in header]
    unit_col = fields.index("unit") if "unit" in fields else None
    weights = [r[i] for r in spec["rows"] for i, f in enumerate(fields) if f == "weight" and isinstance(r[i], (int, float))]
    weight_format = "0%" if weights and max(weights) <= 1 else "0"

    widths = [len(str(h)) for h in header]
    for j, h in enumerate(header):
        ws.cell(row=row0, column=col0 + j, value=h)
    for i, row in enumerate(spec["rows"]):
        if len(row) != len(header):
            raise SystemExit("%s row %d has %d cells, header has %d" % (spec["table"], i + 1, len(row), len(header)))
        unit = row[unit_col] if unit_col is not None else None
        for j, value in enumerate(row):
            field = fields[j]
            fmt = None
            if field in DATE_FIELDS and isinstance(value, str):
                try:
                    value = datetime.date.fromisoformat(value)
                except ValueError:
                    pass  # not ISO text: written as the text it is
            if isinstance(value, datetime.date):
                fmt = "yyyy-mm-dd"
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                if field == "value":
                    fmt = value_format(unit, value)
                elif field == "weight":
                    fmt = weight_format
            cell = ws.cell(row=row0 + 1 + i, column=col0 + j, value=value)
            if fmt:
                cell.number_format = fmt
            widths[j] = max(widths[j], len(display_text(value, fmt or "General")))

    last = "%s%d" % (get_column_letter(col0 + len(header) - 1), row0 + len(spec["rows"]))
    table = Table(displayName=spec["table"], ref="%s:%s" % (spec["origin"], last))
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showFirstColumn=False, showLastColumn=False,
                                          showRowStripes=True, showColumnStripes=False)
    ws.add_table(table)
    for j, w in enumerate(widths):
        # + room for the header's filter button; keep long names readable but bounded
        ws.column_dimensions[get_column_letter(col0 + j)].width = min(max(w + 4, 9), 48)
    ws.freeze_panes = "A%d" % (row0 + 1)
    return ws


def write_about(wb, about):
    ws = wb.create_sheet(about["sheet"], 0)
    for i, line in enumerate(about["lines"]):
        cell = ws.cell(row=i + 1, column=1, value=line if line else None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 0:
            cell.font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 110
    return ws


def pin_zip_timestamps(path):
    """Rewrite the archive with fixed entry times so that reruns give identical bytes."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, data)
    os.replace(tmp, path)


# The same scorecard split the way finance consolidates it: its own workbook plus one per team.
SPLIT = {
    "finance.xlsx": ["Objectives", "DeptKPIs"],
    "team-sales.xlsx": ["TeamSales"],
    "team-operations.xlsx": ["TeamOps", "IndividualGoals"],
}


def write_workbook(data, tables, about, out):
    wb = Workbook()
    wb.remove(wb.active)
    for spec in tables:
        write_table(wb, spec)
    if about:
        write_about(wb, about)
    wb.active = 0

    props = wb.properties
    props.creator = "KPI Align examples (make-scorecard.py)"
    props.lastModifiedBy = props.creator
    props.title = "%s balanced scorecard" % data.get("company", "Example")
    props.subject = "KPI cascade as of %s" % data["asOf"]
    props.created = FIXED_TIME
    props.modified = FIXED_TIME

    wb.save(out)
    pin_zip_timestamps(out)
    print("wrote %s (%s)" % (os.path.relpath(out), ", ".join(
        "%s: %d rows" % (t["sheet"], len(t["rows"])) for t in tables)))


def main(argv):
    src = argv[1] if len(argv) > 1 else os.path.join(HERE, "scorecard.json")
    out = argv[2] if len(argv) > 2 else os.path.join(HERE, "scorecard.xlsx")
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    write_workbook(data, data["tables"], data.get("about"), out)

    split_dir = os.path.join(os.path.dirname(out), "consolidation")
    os.makedirs(split_dir, exist_ok=True)
    by_name = {t["table"]: t for t in data["tables"]}
    for name, tables in SPLIT.items():
        write_workbook(data, [by_name[t] for t in tables], None, os.path.join(split_dir, name))


if __name__ == "__main__":
    main(sys.argv)
