"""Write the incident table as CSV or Parquet, and read it back with its documented types."""
from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any, Dict, Iterable, Sequence

from .table import COLUMN_NAMES, COLUMNS

TABLE_FORMATS = ("csv", "parquet")
MISSING_EXTRA = (
    "Parquet and typed loading need pandas and pyarrow: pip install -e \".[table]\""
)


class TableError(Exception):
    """The table cannot be written or read; the message is one line for the user."""


def table_format(path: Path) -> str:
    """``csv`` or ``parquet`` from the file name; anything else is a :class:`TableError`."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in TABLE_FORMATS:
        raise TableError(f"cannot tell the table format of {str(path)!r}: name it .csv or .parquet")
    return suffix


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S+00:00")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_text(rows: Iterable[Dict[str, Any]], header: bool = True) -> str:
    """Rows as CSV (RFC 4180, ``\\n`` line ends): empty cell for None, ``true``/``false``,
    timestamps as ``YYYY-MM-DD HH:MM:SS+00:00``, dates as ``YYYY-MM-DD``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(COLUMN_NAMES)
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in COLUMN_NAMES])
    return buffer.getvalue()


def arrow_schema():
    """The Parquet schema of :data:`COLUMNS` (``pyarrow`` imported here)."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "date": pa.date32(),
        "double": pa.float64(),
        "boolean": pa.bool_(),
        "int": pa.int64(),
    }
    return pa.schema([pa.field(c.name, types[c.type], nullable=True) for c in COLUMNS])


def _arrow_table(rows: Sequence[Dict[str, Any]]):
    import pyarrow as pa

    schema = arrow_schema()
    return pa.Table.from_pylist([{name: row[name] for name in COLUMN_NAMES} for row in rows], schema=schema)


def write_table(rows: Sequence[Dict[str, Any]], path: Path) -> None:
    """Write ``rows`` to ``path`` (.csv or .parquet) atomically: a temp file renamed over it."""
    import os
    import tempfile

    path = Path(path)
    kind = table_format(path)
    if kind == "parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise TableError(MISSING_EXTRA) from None
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        if kind == "csv":
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(csv_text(rows))
        else:
            os.close(fd)
            pq.write_table(_arrow_table(rows), tmp)
        os.replace(tmp, path)
        from .files import readable_by_all

        readable_by_all(path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def pandas_dtypes() -> Dict[str, str]:
    """The pandas dtype of each column when read from CSV (timestamps and dates parsed apart)."""
    dtypes = {"string": "string", "double": "float64", "boolean": "boolean", "int": "Int64"}
    return {c.name: dtypes[c.type] for c in COLUMNS if c.type in dtypes}


def duckdb_types() -> Dict[str, str]:
    """The DuckDB type of each column, for ``duckdb.read_csv(path, dtype=duckdb_types())``
    (a CSV sniffer would guess from the rows at hand: ``start_value`` may look like a timestamp)."""
    types = {
        "string": "VARCHAR",
        "timestamp": "TIMESTAMPTZ",
        "date": "DATE",
        "double": "DOUBLE",
        "boolean": "BOOLEAN",
        "int": "BIGINT",
    }
    return {c.name: types[c.type] for c in COLUMNS}


def read_incidents(path: Path):
    """The table at ``path`` (.csv or .parquet) as a pandas DataFrame with the documented types:
    strings ``string``, timestamps ``datetime64[UTC]``, dates ``datetime64`` (midnight),
    doubles ``float64``, booleans ``boolean``, ints ``Int64`` (all nullable)."""
    try:
        import pandas as pd
    except ImportError:
        raise TableError(MISSING_EXTRA) from None
    path = Path(path)
    kind = table_format(path)
    if kind == "parquet":
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_csv(path, dtype=pandas_dtypes(), keep_default_na=False, na_values=[""])
    for column in COLUMNS:
        if column.type == "timestamp":
            frame[column.name] = pd.to_datetime(frame[column.name], utc=True).astype("datetime64[us, UTC]")
        elif column.type == "date":
            frame[column.name] = pd.to_datetime(frame[column.name]).astype("datetime64[us]")
        elif kind == "parquet":
            frame[column.name] = frame[column.name].astype(pandas_dtypes()[column.name])
    return frame
