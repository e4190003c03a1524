"""The stored files: everything under MEDIA_ROOT (evidence uploads, published and draft PDFs,
update reports, the office's logo), copied with their paths."""

import shutil
from pathlib import Path

from django.conf import settings

MEDIA = "media"


class StorageRefused(Exception):
    pass


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def copy_out(folder: Path) -> None:
    root = media_root()
    target = folder / MEDIA
    if root.exists():
        shutil.copytree(root, target)
    else:
        target.mkdir()


def check_empty() -> None:
    root = media_root()
    if root.exists() and any(root.iterdir()):
        raise StorageRefused(
            f"The file storage ({root}) is not empty: a backup is restored only into empty storage."
        )


def copy_in(folder: Path) -> None:
    shutil.copytree(folder / MEDIA, media_root(), dirs_exist_ok=True)
