"""Typed domain errors.

Every error carries a stable code and its parameters; `message` renders the
Chinese sentence that officers read (the CLI prints it, the desktop shows it).
Keeping the sentences in one catalogue keeps them consistent and translatable.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    "backup.not_sqlite": "只有本地 SQLite 数据库可以这样备份：{url}",
    "backup.missing": "找不到备份文件：{path}",
    "backup.invalid": "不是有效的先例库备份文件：{path}（{reason}）",
    "schema.too_new": "数据库由更新版本的程序创建（版本 {revision}），请升级本程序后再打开",
    "db.open_failed": "无法打开数据库：{reason}",
    "db.locked": "数据库正被其他程序占用，请稍后再试",
    "precedent.not_found": "找不到案例编号 {code}",
    "precedent.code_exists": "案例编号 {code} 已存在",
    "precedent.conflict": (
        "案例 {code} 已被 {by} 于 {at} 修改（当前版本 {current}，您编辑的是版本 {expected}），"
        "为避免覆盖他人的修改，本次保存未执行"
    ),
    "precedent.invalid": "案例 {code} 有 {count} 处错误：{first}",
    "import.invalid": "{file}：{count} 条记录有错误，未导入任何记录。第一处：{first}",
    "import.unreadable": "{file}：无法读取（{reason}）",
    "import.empty": "{file}：文件中没有记录",
    "import.unsupported": "{file}：不支持的文件类型，请使用 .jsonl 或 .xlsx",
    "import.cancelled": "导入已取消，未导入任何记录",
    "export.failed": "导出失败：{reason}",
    "file.exists": "文件已存在：{path}（使用 --force 覆盖）",
    "file.not_found": "找不到文件：{path}",
    "cancelled": "操作已取消",
    "search.rebuilding": "搜索索引正在重建（已完成 {done}/{total} 条），请稍候再搜索",
    "search.unavailable": "搜索索引暂不可用：{reason}",
    "search.busy": "搜索索引正被另一个程序写入（{path}），请稍后再试",
    "search.closed": "搜索服务尚未打开或已关闭",
}


class PrecedentError(Exception):
    """Base of every error the domain raises on purpose."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        template = MESSAGES.get(self.code)
        if template is None:
            return f"{self.code}: {self.params}"
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template


class StorageError(PrecedentError):
    """The database could not be opened, upgraded, read or written."""


class NotFoundError(PrecedentError):
    """A record that was asked for does not exist."""


class ConflictError(PrecedentError):
    """Someone else saved a newer version of the record being saved."""


class ValidationFailed(PrecedentError):
    """Records failed validation; `issues` lists every problem found."""

    def __init__(self, code: str, /, issues: list[Any] | None = None, **params: Any) -> None:
        self.issues = list(issues or [])
        super().__init__(code, **params)


class ImportFailed(PrecedentError):
    """An import file could not be read or held invalid records."""

    def __init__(self, code: str, /, issues: list[Any] | None = None, **params: Any) -> None:
        self.issues = list(issues or [])
        super().__init__(code, **params)


class Cancelled(PrecedentError):
    """The user cancelled a long operation; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("cancelled")
