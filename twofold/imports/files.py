"""Opening an upload safely: its size, a zip's contents (no bombs), text encoding, and CSV cells.

A file is a `Bundle`: named members, each opened as text lines on demand, so nothing is read whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from twofold.imports.rows import BadFile

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# A zip whose contents would unpack to more than this, or that compresses better than a log can, is a bomb.
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 200

TOO_BIG = (
    "The file is {size} MB; Twofold imports files up to 50 MB. Export a shorter period (or one child) at a "
    "time, or use `twofold import` on the server."
)
CUT_SHORT = (
    "Line {line} has {cells} of the {columns} columns: the file may be cut short. Export it again. "
    "Nothing was imported."
)
NOT_TEXT = "The file is not text Twofold can read (it should be UTF-8 CSV, JSON or a zip of them)."
BOMB = "The zip would unpack to far more than a baby log holds. It may be damaged or not an export."
# Cells a spreadsheet would run as a formula: an export never writes one, so the file was edited or crafted.
_FORMULA = re.compile(r"^\s*(=|[+\-@][A-Za-z_]+\()")

# The one member of a zip that is a spreadsheet rather than a zip of CSV files.
SHEET_MARK = "xl/workbook.xml"

csv.field_size_limit(1024 * 1024)


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes | None = None
    path: Path | None = None
    archive: zipfile.ZipFile | None = None
    # A spreadsheet (Baby Buddy's XLSX export): its first sheet is read as the table.
    sheet: bool = False

    @property
    def tabular(self) -> bool:
        return self.sheet or self.name.lower().endswith(".csv")

    def binary(self) -> IO[bytes]:
        if self.archive is not None:
            return self.archive.open(self.name)
        if self.path is not None:
            return self.path.open("rb")
        return io.BytesIO(self.data or b"")

    def text(self) -> IO[str]:
        return io.TextIOWrapper(self.binary(), encoding="utf-8-sig", errors="strict", newline="")

    def head(self, size: int = 4096) -> str:
        with self.binary() as stream:
            raw = stream.read(size)
        return raw.decode("utf-8-sig", errors="ignore")


@dataclass(frozen=True)
class Bundle:
    filename: str
    members: tuple[Member, ...]


def check_size(size: int) -> None:
    if size > MAX_UPLOAD_BYTES:
        raise BadFile(TOO_BIG.format(size=size // (1024 * 1024)))


def open_bundle(filename: str, data: bytes) -> Bundle:
    """The upload as a bundle: a zip's CSV and JSON members, or the file itself."""
    check_size(len(data))
    if not data.strip():
        raise BadFile("The file is empty.")
    name = PurePosixPath(filename).name
    if data[:4] == b"PK\x03\x04":
        members = _zip_members(io.BytesIO(data))
        return Bundle(filename, (Member(name, data=data, sheet=True),) if _is_sheet(members) else members)
    return Bundle(filename, (Member(name, data=data),))


def open_path(path: Path) -> Bundle:
    """A file on disk as a bundle, read as it is imported rather than loaded whole."""
    if not path.is_file():
        raise BadFile(f"There is no file at {path}.")
    check_size(path.stat().st_size)
    with path.open("rb") as stream:
        start = stream.read(4)
    if not start.strip():
        raise BadFile("The file is empty.")
    if start == b"PK\x03\x04":
        members = _zip_members(path)
        return Bundle(
            path.name, (Member(path.name, path=path, sheet=True),) if _is_sheet(members) else members
        )
    return Bundle(path.name, (Member(path.name, path=path),))


def _zip_members(source: Path | IO[bytes]) -> tuple[Member, ...]:
    try:
        archive = zipfile.ZipFile(source)
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, EOFError) as error:
        raise BadFile("The zip is damaged or cut short: download the export again.") from error
    if len(infos) > MAX_MEMBERS:
        raise BadFile(BOMB)
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        raise BadFile(BOMB)
    if any(i.filename == "xl/workbook.xml" for i in infos):
        return (Member(SHEET_MARK),)
    wanted = [i for i in infos if i.filename.lower().endswith((".csv", ".json"))]
    if not wanted:
        raise BadFile("The zip holds no CSV or JSON file to import.")
    return tuple(Member(i.filename, archive=archive) for i in wanted)


def _is_sheet(members: tuple[Member, ...]) -> bool:
    return len(members) == 1 and members[0].name == SHEET_MARK


def _sheet_cells(member: Member) -> Iterator[list[str]]:
    """A spreadsheet's first sheet as rows of text cells, read in openpyxl's streaming mode."""
    # Imported here: openpyxl takes longer to load than a CSV file of a year takes to read.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with member.binary() as stream:
            book = openpyxl.load_workbook(stream, read_only=True, data_only=False)
            try:
                for values in book.worksheets[0].iter_rows(values_only=True):
                    yield [_cell_text(value) for value in values]
            finally:
                book.close()
    except (KeyError, IndexError, ValueError, OSError, InvalidFileException, zipfile.BadZipFile) as error:
        raise BadFile("The spreadsheet is damaged or cut short: export it again.") from error


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _table(member: Member) -> Iterator[tuple[int, list[str]]]:
    if member.sheet:
        yield from enumerate(_sheet_cells(member), start=1)
        return
    with member.text() as stream:
        reader = csv.reader(stream)
        for cells in reader:
            yield reader.line_num, cells


def csv_rows(member: Member) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row by header name) of a CSV file or a spreadsheet, refusing formula cells, bytes that are not
    text and rows cut short."""
    try:
        rows = _table(member)
        header = [h.strip() for h in next(rows, (0, []))[1]]
        for line, cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            _refuse_formula(cells, line)
            if len(cells) < len(header):
                raise BadFile(CUT_SHORT.format(line=line, cells=len(cells), columns=len(header)))
            yield line, dict(zip(header, cells, strict=False))
    except UnicodeDecodeError as error:
        raise BadFile(NOT_TEXT) from error
    except csv.Error as error:
        raise BadFile(f"The CSV cannot be read ({error}): it may be cut short or damaged.") from error
    except (zipfile.BadZipFile, EOFError) as error:
        raise BadFile("The zip is damaged or cut short: download the export again.") from error


def _refuse_formula(cells: list[str], line: int) -> None:
    for cell in cells:
        if _FORMULA.match(cell):
            raise BadFile(
                f"Line {line} holds a spreadsheet formula (“{cell[:30]}”). An export never writes one, so "
                "the file was changed after it was exported: export it again. Nothing was imported."
            )


def csv_header(member: Member) -> list[str]:
    if member.sheet:
        return [h.strip() for h in next(_sheet_cells(member), [])]
    first = member.head().splitlines()[:1]
    if not first:
        return []
    return [h.strip() for h in next(csv.reader(first), [])]
