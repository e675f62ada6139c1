"""Content hashes that make ingest idempotent."""

from __future__ import annotations

import hashlib

from ..doc import Document


def document_hash(doc: Document) -> str:
    """Hash of what the article says (clean body, else raw), not of where it came from."""
    body = doc.text or doc.raw
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
