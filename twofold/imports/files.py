"""Opening an upload safely: its size, a zip's contents (no bombs), text encoding, and CSV cells.

A file is a `Bundle`: named members, each opened as text lines on demand, so nothing is read whole.
"""

from __future__ import annotations

import csv
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

csv.field_size_limit(1024 * 1024)


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes | None = None
    path: Path | None = None
    archive: zipfile.ZipFile | None = None

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
    if data[:4] == b"PK\x03\x04":
        return Bundle(filename, _zip_members(io.BytesIO(data)))
    return Bundle(filename, (Member(PurePosixPath(filename).name, data=data),))


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
        return Bundle(path.name, _zip_members(path))
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
    wanted = [i for i in infos if i.filename.lower().endswith((".csv", ".json"))]
    if not wanted:
        raise BadFile("The zip holds no CSV or JSON file to import.")
    return tuple(Member(i.filename, archive=archive) for i in wanted)


def csv_rows(member: Member) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row by header name), refusing formula cells and bytes that are not text."""
    try:
        with member.text() as stream:
            reader = csv.reader(stream)
            header = [h.strip() for h in next(reader, [])]
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                _refuse_formula(cells, reader.line_num)
                if len(cells) < len(header):
                    raise BadFile(
                        CUT_SHORT.format(line=reader.line_num, cells=len(cells), columns=len(header))
                    )
                yield reader.line_num, dict(zip(header, cells, strict=False))
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
    first = member.head().splitlines()[:1]
    if not first:
        return []
    return [h.strip() for h in next(csv.reader(first), [])]
