#!/usr/bin/env python3
"""Fill two team workbooks the way a manager would: start from the template that
`kpi-align template` makes from examples/scorecard.xlsx, type KPI rows into its
table with another program (openpyxl), save.

    npm run build     # the script runs the built checker, bin/kpi-align.js
    /usr/bin/python3 examples/team/make-team-workbook.py

Set KPI_ALIGN to run another build of the checker (a command line, split on
spaces), e.g. KPI_ALIGN="node /tmp/kpi/bin.js".

Writes, beside this script:

* team-marketing.xlsx: six Marketing KPIs with two deliberate problems for the
  import tests: MKT-04 is an ID the scorecard already uses (its Instagram
  followers KPI), and MKT-15 names the parent MKT-05, which does not exist (the
  Parent dropdown only warns, so a manager can type it);
* team-service.xlsx: five Customer Service KPIs with no problem at all.

Only openpyxl and the standard library (openpyxl 3.0.9 from Debian is enough).
The template's validations, hidden lists sheet and hidden names are kept by
openpyxl's load and save; the script checks that they are still there. The
output is byte-for-byte reproducible: document dates and zip times are pinned.
"""
import datetime
import os
import shlex
import subprocess
import sys
import tempfile
import zipfile

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCORECARD = os.path.join(ROOT, "examples", "scorecard.xlsx")
FIXED_TIME = datetime.datetime(2026, 9, 30, 12, 0, 0)
ZIP_TIME = (2026, 9, 30, 12, 0, 0)
LISTS_SHEET = "KPI Align Lists"
PARENT_LIST = "_KPIAlign_List_Parent"

D = datetime.datetime
YEAR = {"Start Date": D(2026, 1, 1), "Due": D(2026, 12, 31)}

# Columns not given stay blank. Percentages are fractions (0.2 = 20%).
MARKETING = [
    dict(ID="MKT-11", Name="Email newsletter subscribers", Parent="MKT-02", Owner="Jade Morrison",
         Unit="k subscribers", Direction="Higher is better", Baseline=85, Target=120, Actual=104,
         Weight=50, Updated=D(2026, 9, 30), Frequency="Monthly"),
    dict(ID="MKT-12", Name="Loyalty sign-ups at checkout", Parent="MKT-02", Owner="Tom Hughes",
         Unit="%", Direction="Higher is better", Baseline=0.12, Target=0.2, Actual=0.17,
         Weight=50, Updated=D(2026, 9, 30), Frequency="Monthly"),
    dict(ID="MKT-13", Name="Second-purchase email conversion", Parent="MKT-01", Owner="Jade Morrison",
         Unit="%", Direction="Higher is better", Baseline=0.045, Target=0.06, Actual=0.052,
         Weight=60, Updated=D(2026, 9, 30), Frequency="Monthly"),
    dict(ID="MKT-14", Name="Lapsed customers won back", Parent="MKT-01", Owner="Priya Desai",
         Unit="customers", Direction="Higher is better", Target=2400, Actual=1650,
         Weight=40, Updated=D(2026, 9, 30), Frequency="Quarterly"),
    # Deliberate: MKT-04 is already the scorecard's "Instagram followers" (Department KPIs).
    dict(ID="MKT-04", Name="Social media engagement rate", Parent="C2", Owner="Priya Desai",
         Unit="%", Direction="Higher is better", Baseline=0.021, Target=0.03, Actual=0.026,
         Updated=D(2026, 9, 30), Frequency="Monthly"),
    # Deliberate: MKT-05 is not an ID anywhere (not in the Parent list; typed over the warning).
    dict(ID="MKT-15", Name="Influencer referral revenue", Parent="MKT-05", Owner="Tom Hughes",
         Unit="$k", Direction="Higher is better", Target=350, Actual=210,
         Updated=D(2026, 9, 30), Frequency="Quarterly"),
]

SERVICE = [
    dict(ID="SVC-01", Name="Complaints resolved within 48 h", Parent="CX-02", Owner="Luis Ortega",
         Unit="%", Direction="Higher is better", Baseline=0.7, Target=0.9, Actual=0.84,
         Weight=40, Updated=D(2026, 9, 30), Frequency="Monthly"),
    dict(ID="SVC-02", Name="Repeat complaints", Parent="CX-02", Owner="Luis Ortega",
         Unit="%", Direction="Lower is better", Baseline=0.12, Target=0.06, Actual=0.08,
         Weight=40, Updated=D(2026, 9, 30), Frequency="Monthly"),
    dict(ID="SVC-03", Name="Service desk staff trained in de-escalation", Parent="HR-03", Owner="Nadia Farouk",
         Unit="%", Direction="Higher is better", Target=1, Actual=0.75,
         Weight=30, Updated=D(2026, 9, 30), Frequency="Quarterly"),
    dict(ID="SVC-04", Name="Agent satisfaction survey", Parent="HR-03", Owner="Nadia Farouk",
         Unit="pts", Direction="Higher is better", Baseline=64, Target=75, Actual=70,
         Weight=70, Updated=D(2026, 9, 30), Frequency="Quarterly"),
    dict(ID="SVC-05", Name="Hold time", Parent="CX-02", Owner="Luis Ortega",
         Unit="minutes", Direction="Range", TargetMin=1, TargetMax=3, Actual=2.4,
         Weight=20, Updated=D(2026, 9, 30), Frequency="Weekly"),
]

HEADER_OF = {"TargetMin": "Target Min", "TargetMax": "Target Max"}


def make_template(team, path):
    cli = shlex.split(os.environ.get("KPI_ALIGN", "node " + os.path.join(ROOT, "bin", "kpi-align.js")))
    subprocess.run(cli + ["template", "--team", team, "--from", SCORECARD, "-o", path], check=True)


def fill(template, rows, out):
    wb = load_workbook(template)
    ws = wb.worksheets[0]
    (table_name, _), = ws.tables.items()
    table = ws.tables[table_name]
    header = [cell.value for cell in ws[1]]
    parents = [c.value for c in wb[LISTS_SHEET]["A"][1:] if c.value is not None]
    for i, spec in enumerate(rows):
        r = 2 + i
        values = dict(YEAR, Level="Team", **{HEADER_OF.get(k, k): v for k, v in spec.items()})
        for name, value in values.items():
            cell = ws.cell(row=r, column=header.index(name) + 1, value=value)
            if isinstance(value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd"
            elif values.get("Unit") == "%" and name in ("Baseline", "Target", "Target Min", "Target Max", "Actual"):
                cell.number_format = "0.0%"
        if spec["Parent"] not in parents and spec["ID"] != "MKT-15":
            sys.exit("%s: parent %s is not in the template's Parent list" % (spec["ID"], spec["Parent"]))
    ref = "A1:%s%d" % (get_column_letter(len(header)), 1 + len(rows))
    table.ref = ref
    table.autoFilter.ref = ref

    props = wb.properties
    props.creator = "KPI Align examples (make-team-workbook.py)"
    props.lastModifiedBy = props.creator
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    wb.save(out)
    pin_zip_timestamps(out)
    check(out, len(header))
    print("wrote %s (sheet %s, table %s, %d KPIs)" % (os.path.relpath(out, ROOT), ws.title, table_name, len(rows)))


def check(path, columns):
    """openpyxl's save must keep what the template is for: validations, the hidden lists sheet, the hidden names."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(ws.data_validations.dataValidation) == columns, "validations lost"
    assert sorted(dv.formula1 for dv in lists) == sorted(n.name for n in wb.defined_names.definedName), "names lost"
    assert all(n.hidden for n in wb.defined_names.definedName), "names shown"
    assert wb[LISTS_SHEET].sheet_state == "hidden", "lists sheet shown"
    assert PARENT_LIST in [n.name for n in wb.defined_names.definedName]


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


def main():
    with tempfile.TemporaryDirectory() as folder:
        for team, rows, name in (("Marketing", MARKETING, "team-marketing.xlsx"), ("Service", SERVICE, "team-service.xlsx")):
            template = os.path.join(folder, "template-%s.xlsx" % team.lower())
            make_template(team, template)
            fill(template, rows, os.path.join(HERE, name))


if __name__ == "__main__":
    main()
