"""What may be uploaded as evidence: checked by content, not by the name the uploader gave."""

from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

#: Extension -> the content type its bytes must show. Office documents are zip containers that
#: filetype recognises by their inner layout; plain text has no signature, so it is checked
#: by decoding it.
ALLOWED_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".txt": "text/plain",
    ".csv": "text/csv",
}
TEXT_TYPES = {"text/plain", "text/csv"}
ALLOWED_DESCRIPTION = "PDF, Word, Excel, PowerPoint, PNG, JPEG, plain text or CSV"


def check_size(upload, limit: int) -> None:
    """Refuse an empty file, or one over `limit` bytes, saying how big it is."""
    if upload.size > limit:
        size, most = filesizeformat(upload.size), filesizeformat(limit)
        raise ValidationError({"upload": f"This file is {size}; the limit is {most}."})
    if upload.size == 0:
        raise ValidationError({"upload": "This file is empty."})


def check_upload(upload) -> str:
    """Return the verified content type, or raise ValidationError saying what is wrong."""
    check_size(upload, settings.EVIDENCE_MAX_BYTES)
    extension = PurePath(upload.name).suffix.lower()
    expected = ALLOWED_TYPES.get(extension)
    if expected is None:
        raise ValidationError({"upload": f"Upload a {ALLOWED_DESCRIPTION} file."})
    head = upload.read(8192)
    upload.seek(0)
    if expected in TEXT_TYPES:
        if filetype.guess(head) is not None or not _is_utf8_text(upload):
            raise ValidationError({"upload": "This file's contents are not plain text."})
    else:
        guessed = filetype.guess_mime(head)
        if guessed != expected:
            raise ValidationError(
                {"upload": f"This file's contents do not match its {extension} name."}
            )
    return expected


def _is_utf8_text(upload) -> bool:
    try:
        for chunk in upload.chunks():
            chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True
