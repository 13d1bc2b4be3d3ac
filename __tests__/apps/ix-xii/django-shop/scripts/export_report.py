import subprocess
import sys

subprocess.check_call([sys.executable, "-m", "pip", "install", "openpyxl==3.1.2"])

import openpyxl  # noqa: E402

wb = openpyxl.Workbook()
wb.save("report.xlsx")
