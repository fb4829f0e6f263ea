"""Help texts of the commands: examples and exit codes, shown by ``-h`` / ``--help``.

Click rewraps help paragraphs; a paragraph that starts with ``\\b`` is printed as written.
"""
from __future__ import annotations

#: typer settings every command shares: ``-h`` as well as ``--help``, and help printed
#: as written (no rich markup: square brackets and defaults stay visible).
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
RICH_MARKUP_MODE = None

EXTRACT_EPILOG = """\b
Examples:
  cat article.txt | extract                     one JSON line on stdout
  extract a.txt --reference-date 2024-07-19 --pretty
  extract corpus/ --format json > records.json  one JSON array
  extract news/ -o out.jsonl --workers 2        a folder, two processes
  extract news/ -o out.jsonl --resume           continue an interrupted run

\b
Exit codes:
  0    every document extracted
  1    a document failed or could not be read (with several documents, its
       error record is in the output), or the output could not be written
  2    bad usage: unknown option, bad value, missing extra
  130  interrupted (Ctrl-C or SIGTERM); --resume continues
  141  the reader of stdout went away (broken pipe)
"""

EVAL_EPILOG = """\b
Examples:
  outages eval
  outages eval --show 000
  outages eval --json report.json
  outages eval --fail-under timexes.relaxed=0.95 --fail-under incidents.main.incident=1

\b
Exit codes:
  0    scored, every threshold met
  1    a document failed or a threshold was missed
  2    bad usage: no golden files, unknown metric or document
"""

TIMEML_EVAL_EPILOG = """\b
Examples:
  outages timeml-eval DIR
  outages timeml-eval DIR --limit 20 --json report.json
  outages timeml-eval DIR --write-tml system/

\b
Exit codes:
  0    scored
  1    the report could not be written
  2    bad usage: no .tml files in DIR
"""
