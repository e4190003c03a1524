"""manifest.json: what a backup holds and the SHA-256 of every file in it, so a restore can
refuse a backup that is incomplete or has been altered."""

import hashlib
import json
from pathlib import Path
from typing import Any

NAME = "manifest.json"
FORMAT = 1
CHUNK = 1024 * 1024


class BadBackup(Exception):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_hashes(folder: Path) -> dict[str, str]:
    """Every file under `folder` (its path relative to it, POSIX style) with its SHA-256."""
    return {
        path.relative_to(folder).as_posix(): sha256_of(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def write(folder: Path, data: dict[str, Any]) -> None:
    files = {name: digest for name, digest in file_hashes(folder).items() if name != NAME}
    manifest = {"format": FORMAT, **data, "files": files}
    (folder / NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def read_and_check(folder: Path) -> dict[str, Any]:
    """The manifest, once every file it lists is there with its hash and nothing else is."""
    try:
        manifest = json.loads((folder / NAME).read_text())
    except (OSError, ValueError) as error:
        raise BadBackup(f"{folder} has no readable {NAME}: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BadBackup(f"{NAME} is not a backup this version can restore.")
    found = {name: digest for name, digest in file_hashes(folder).items() if name != NAME}
    listed = manifest.get("files", {})
    for name in sorted(listed.keys() | found.keys()):
        if name not in found:
            raise BadBackup(f"{name} is listed in the manifest but missing.")
        if name not in listed:
            raise BadBackup(f"{name} is not listed in the manifest.")
        if found[name] != listed[name]:
            raise BadBackup(f"{name} does not match its SHA-256 in the manifest.")
    return manifest
