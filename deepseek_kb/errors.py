"""Exit codes and the one exception family the logic raises and the CLI converts."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple, Self

from deepseek_kb.messages import MESSAGES, Text, in_lang, say, texts


class ExitCode(IntEnum):
    """Every exit status dskb uses; documented in the README and in `dskb --help`."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2
    DATA = 3
    IO = 4
    CONTRADICTED = 5
    INTERRUPTED = 130
    TERMINATED = 143


class DskbError(Exception):
    """A problem the user can act on; the CLI prints its message and exits with its code."""

    exit_code: ExitCode = ExitCode.IO
    # Set once the problem has been told in the output itself (a JSON report): exit quietly.
    told: bool = False

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        *,
        zh: str | None = None,
        hint_zh: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.zh = zh
        self.hint_zh = hint_zh

    @classmethod
    def of(cls, key: str, /, hint: str | None = None, **fields: object) -> Self:
        """The error whose words are the catalogue's message `key` (deepseek_kb.messages), with
        the hint `hint` (a key; by default `key` + ".hint", when the catalogue has one)."""
        message = texts(key, **fields)
        hint_key = hint or f"{key}.hint"
        said = texts(hint_key, **fields) if hint_key in MESSAGES else None
        return cls(
            message.en,
            said.en if said else None,
            zh=message.zh,
            hint_zh=said.zh if said else None,
        )

    def said(self, lang: str) -> tuple[str, str | None]:
        """The message and hint in the reader's language (English where no Chinese is given)."""
        if lang == "zh" and self.zh:
            return self.zh, self.hint_zh or self.hint
        if lang == "both" and self.zh:
            hint = f"{self.hint_zh} / {self.hint}" if self.hint_zh and self.hint else self.hint
            return f"{self.zh} / {self.message}", hint
        return self.message, self.hint


class NotFoundError(DskbError):
    """Nothing matched; `hint` says what to try instead."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        suggestions: tuple[str, ...] = (),
        *,
        zh: str | None = None,
        hint_zh: str | None = None,
    ) -> None:
        super().__init__(message, hint, zh=zh, hint_zh=hint_zh)
        self.suggestions = suggestions

    def suggesting(self, names: tuple[str, ...]) -> Self:
        """The same error, naming the nearest matches ("did you mean: …")."""
        self.suggestions = names
        return self


class UsageError(DskbError):
    """An option value that cannot work, found after parsing (e.g. an unknown model list)."""

    exit_code = ExitCode.USAGE


class WriteError(DskbError):
    """An output file or folder could not be written (exit 4; render/destination.py)."""


class Problem(NamedTuple):
    """One thing wrong with the data, located as precisely as the data allows; what is wrong is
    said in both languages (`messages/problems.py`), and told in the reader's (`said`)."""

    file: str
    line: int | None
    text: Text
    record: str | None = None
    field: str | None = None

    @property
    def message(self) -> str:
        """What is wrong, in English (the `message` of `dskb validate --json`)."""
        return self.text.en

    def said(self, lang: str) -> str:
        """The problem for a reader of `lang`: where (labelled in Chinese for zh, in English
        otherwise, as the error label is) and what, in Chinese, English or both."""
        labels = "zh" if lang == "zh" else "en"
        parts = [f"{self.file}:{self.line}" if self.line else self.file]
        if self.record:
            parts.append(say("problem.record", labels, record=self.record))
        if self.field:
            parts.append(say("problem.field", labels, field=self.field))
        where = say("problem.sep", labels).join(parts)
        return say("problem.told", labels, where=where, what=in_lang(self.text, lang))

    def __str__(self) -> str:
        return self.said("en")


class BadValue(ValueError):
    """A value the schema refuses, worded by the catalogue's message `key`: pydantic reports it
    as a `value_error` whose context holds it, and the loader tells it in both languages."""

    def __init__(self, key: str, /, **fields: object) -> None:
        self.text = texts(key, **fields)
        super().__init__(self.text.en)


class DataError(DskbError):
    """The data folder has problems; all of them are listed, not only the first."""

    exit_code = ExitCode.DATA

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        said = texts("data.problems", count=count, noun="problem" if count == 1 else "problems")
        hint = texts("data.problems.hint")
        super().__init__(said.en, hint=hint.en, zh=said.zh, hint_zh=hint.zh)
        self.problems = problems
