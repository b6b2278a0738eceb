"""Comparing the frozen versions with what was published (`strategi check --published`).

A lock in the repository can be edited or deleted along with the text it protects; the
published site cannot be, by the same hands, without it showing. So the site publishes
`manifest.json` (every frozen version's files and hashes) and this compares it, before
each deploy, with the content about to be published: a frozen version whose text, lock
or figures changed since it was published is named, file by file. The published figures
and documents themselves are compared with the manifest too.
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..content.freezing import MANIFEST_NAME, file_hash, locked_files
from ..content.markdown_links import ASSET_SUFFIXES
from ..model import Strategy

TIMEOUT = 30  # seconds for each file fetched from a published site


class PublishedUnavailable(Exception):
    """The published site or its manifest cannot be read."""


@dataclass(frozen=True)
class Difference:
    where: str  # "version/file" or "version"
    message: str

    def format(self) -> str:
        return f"{self.where}: {self.message}"


def read_published(target: str, relative: str) -> bytes:
    """A file of the published site, from a folder or an http(s) address."""
    if target.startswith(("http://", "https://")):
        url = target.rstrip("/") + "/" + relative
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310
                body: bytes = response.read()
                return body
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            raise PublishedUnavailable(f"cannot read {url}: {error}") from None
    path = Path(target) / relative
    try:
        return path.read_bytes()
    except OSError as error:
        raise PublishedUnavailable(f"cannot read {path}: {error.strerror or error}") from None


def published_manifest(target: str) -> dict[str, dict[str, str]]:
    """version id -> {file: hash} from the published manifest."""
    try:
        data = json.loads(read_published(target, MANIFEST_NAME))
        return {
            str(version): {str(name): str(digest) for name, digest in entry["files"].items()}
            for version, entry in data["versions"].items()
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        raise PublishedUnavailable(
            f"{target}/{MANIFEST_NAME} is not a manifest of frozen versions"
        ) from None


def compare(strategy: Strategy, target: str) -> list[Difference]:
    """Every difference between the published frozen versions and the content."""
    differences = []
    for version_id, published in published_manifest(target).items():
        version = strategy.versions.get(version_id)
        if version is None:
            differences.append(
                Difference(version_id, "was published frozen, but is not in the content")
            )
            continue
        if not version.frozen:
            differences.append(
                Difference(
                    version_id,
                    "was published frozen, but its version.lock is gone: restore it from "
                    "git (the published text may not change)",
                )
            )
        local = {p.relative_to(version.path).as_posix(): p for p in locked_files(version.path)}
        for name, digest in sorted(published.items()):
            where = f"{version_id}/{name}"
            if name not in local:
                differences.append(Difference(where, "was published, but is gone from the content"))
            elif file_hash(local[name]) != digest:
                differences.append(Difference(where, "has changed since it was published"))
            if Path(name).suffix.lower() in ASSET_SUFFIXES:
                served = hashlib.sha256(read_published(target, where)).hexdigest()
                if served != digest:
                    differences.append(
                        Difference(where, "the published file differs from the manifest")
                    )
        for name in sorted(set(local) - set(published)):
            differences.append(
                Difference(f"{version_id}/{name}", "was added after the version was published")
            )
    return differences
