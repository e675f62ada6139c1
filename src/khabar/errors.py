"""Errors with stable codes, so users can look them up and scripts can match on them."""

from __future__ import annotations

from .doc import Failure


class KhabarError(Exception):
    """An error about one input or one setting, with a code, a kind and a hint."""

    code = "K000"
    kind = "error"

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        path: str | None = None,
        line: int | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line

    def __str__(self) -> str:
        text = f"{self.code} {self.message}"
        return f"{text}: {self.hint}" if self.hint else text

    def to_failure(self, doc_id: str | None = None) -> Failure:
        return Failure(
            kind=self.kind,
            message=str(self),
            path=self.path,
            line=self.line,
            code=self.code,
            doc_id=doc_id,
        )


class DecodeError(KhabarError):
    code, kind = "K101", "decode"


class EmptyInput(KhabarError):
    code, kind = "K102", "empty"


class BinaryInput(KhabarError):
    code, kind = "K103", "binary"


class TruncatedInput(KhabarError):
    code, kind = "K104", "truncated"


class MalformedRecord(KhabarError):
    code, kind = "K105", "malformed"


class InputTooLarge(KhabarError):
    code, kind = "K106", "too-large"


class NoContent(KhabarError):
    code, kind = "K107", "no-content"


class NotArabic(KhabarError):
    code, kind = "K108", "not-arabic"


class UnreadableInput(KhabarError):
    code, kind = "K109", "unreadable"


class StageError(KhabarError):
    code, kind = "K201", "stage"


class PipelineConfigError(KhabarError):
    code, kind = "K301", "config"


class KnowledgeBaseError(KhabarError):
    code, kind = "K401", "kb"


def failure_from_exception(
    exc: BaseException, *, path: str | None = None, line: int | None = None, doc_id: str | None = None
) -> Failure:
    """Turn any exception into a recorded failure; unknown exceptions keep their type name."""
    if isinstance(exc, KhabarError):
        failure = exc.to_failure(doc_id)
        failure.path = failure.path or path
        failure.line = failure.line if failure.line is not None else line
        return failure
    message = f"K900 {type(exc).__name__}: {exc}".splitlines()[0][:500]
    return Failure(kind="internal", message=message, path=path, line=line, code="K900", doc_id=doc_id)
