"""The evidence store, for every app that takes files from traders: the allowed type by extension
and by the file's first bytes, the size, a safe name, the digest and a private download."""

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.utils.translation import gettext as _

from aeo.core import audit, origin
from aeo.core.errors import DomainError

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FileType:
    extensions: tuple[str, ...]
    content_type: str
    magic: bytes
    # For Office Open XML (a ZIP): a member that only this kind of document has.
    zip_member: str = ""


ZIP_MAGIC = b"PK\x03\x04"
FILE_TYPES = (
    FileType((".pdf",), "application/pdf", b"%PDF-"),
    FileType((".png",), "image/png", b"\x89PNG\r\n\x1a\n"),
    FileType((".jpg", ".jpeg"), "image/jpeg", b"\xff\xd8\xff"),
    FileType(
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP_MAGIC,
        "word/document.xml",
    ),
    FileType(
        (".xlsx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ZIP_MAGIC,
        "xl/workbook.xml",
    ),
)
ALLOWED_EXTENSIONS = tuple(ext for t in FILE_TYPES for ext in t.extensions)


def _refuse(message: str) -> DomainError:
    return DomainError(message, field="file", code="invalid_file")


def _zip_has(upload: UploadedFile, member: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def safe_name(upload: UploadedFile) -> str:
    """The base name only, without any directory part a client may have sent."""
    return PurePath((upload.name or "").replace("\\", "/")).name[-255:]


def check_upload(upload: UploadedFile) -> FileType:
    """The upload's type if it is allowed and small enough; DomainError (field "file") if not."""
    name = safe_name(upload)
    if not name:
        raise _refuse(_("Choose a file."))
    if upload.size is None or upload.size == 0:
        raise _refuse(_("The file is empty."))
    if upload.size > MAX_EVIDENCE_BYTES:
        raise _refuse(
            _("The file is larger than %(mb)d MB.") % {"mb": MAX_EVIDENCE_BYTES // (1024 * 1024)}
        )
    extension = PurePath(name).suffix.lower()
    file_type = next((t for t in FILE_TYPES if extension in t.extensions), None)
    if file_type is None:
        raise _refuse(
            _("Upload a PDF, PNG, JPEG, DOCX or XLSX file (not %(ext)s).")
            % {"ext": extension or _("a file without extension")}
        )
    upload.seek(0)
    head = upload.read(len(file_type.magic))
    if head != file_type.magic or (
        file_type.zip_member and not _zip_has(upload, file_type.zip_member)
    ):
        raise _refuse(_("The file's content is not a valid %(ext)s file.") % {"ext": extension})
    upload.seek(0)
    return file_type


def store(item: Any, upload: UploadedFile, *, actor: Any) -> Any:
    """Check `upload` and save it into `item` (a `StoredFile` row not yet saved) with its name,
    size, digest and type; the row is saved by the caller's transaction, and the stored file
    is removed again if that fails."""
    file_type = check_upload(upload)
    item.name = safe_name(upload)
    item.size = upload.size or 0
    item.sha256 = sha256(upload)
    item.content_type = file_type.content_type
    item.uploaded_by = actor
    item.file.save(item.name, upload, save=False)
    return item


def sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def file_response(item: Any) -> FileResponse:
    """The file as a private download; callers check access first (never served via MEDIA_URL).

    Every download is in the audit trail, with the user of the request serving it."""
    audit.record(
        actor=origin.current_user(),
        action="evidence.downloaded",
        obj=item,
        changes={"name": item.name, "sha256": item.sha256},
    )
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.name, content_type=item.content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    return response
