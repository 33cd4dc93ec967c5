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
    "backup.server_database": (
        "办公室共用的 PostgreSQL 数据库不能用本命令备份或恢复，"
        "请由管理员使用 pg_dump / pg_restore（见 README「办公室共用数据库」）"
    ),
    "restore.failed": (
        "恢复未能完成（{reason}）；请关闭所有使用该数据库的程序后重试。原有数据已保存在 {kept}"
    ),
    "schema.too_new": "数据库由更新版本的程序创建（版本 {revision}），请升级本程序后再打开",
    "schema.upgrade_denied": (
        "数据库（版本 {revision}）需要升级才能被本程序使用，但当前账号无权升级；"
        "请管理员用数据库所有者账号运行 precedents --db-url … init"
    ),
    "db.open_failed": "无法打开数据库：{reason}",
    "db.driver_missing": (
        "缺少连接该数据库所需的组件（{reason}）；连接 PostgreSQL 请安装 precedent-desk[postgres]"
    ),
    "db.locked": "数据库正被其他程序占用，请稍后再试",
    "db.busy": "数据库繁忙，与其他经办人的操作冲突，本次操作未保存，请重试",
    "precedent.not_found": "找不到案例编号 {code}",
    "precedent.code_exists": "案例编号 {code} 已存在",
    "precedent.conflict": (
        "案例 {code} 已被 {by} 于 {at} 修改（当前版本 {current}，您编辑的是版本 {expected}），"
        "为避免覆盖他人的修改，本次保存未执行"
    ),
    "precedent.deleted_meanwhile": (
        "案例 {code} 已被他人删除（您编辑的是版本 {expected}），本次保存未执行"
    ),
    "merge.unresolved": "以下字段双方都有修改，请逐项选择保留哪一方：{fields}",
    "precedent.invalid": "案例 {code} 有 {count} 处错误：{first}",
    "attachment.unsupported": "{file}：不支持的附件类型，可附加 Word、PDF 和图片文件",
    "attachment.too_large": "{file}：文件过大（{size} MB，上限 {limit} MB）",
    "attachment.unreadable": "{file}：无法读取（{reason}）",
    "attachment.not_found": "找不到附件（编号 {id}）",
    "attachment.missing_file": "附件「{file}」的文件已不在数据文件夹中：{path}",
    "import.invalid": "{file}：{count} 条记录有错误，未导入任何记录。第一处：{first}",
    "import.unreadable": "{file}：无法读取（{reason}）",
    "import.empty": "{file}：文件中没有记录",
    "import.unsupported": "{file}：不支持的文件类型，请使用 .jsonl 或 .xlsx",
    "import.changed": "{file}：文件在导入过程中被修改，未导入任何记录，请重新导入",
    "import.cancelled": "导入已取消，未导入任何记录",
    "export.failed": "导出失败：{reason}",
    "stats.bad_period": "统计期间有误：起始日期 {start} 晚于截止日期 {end}，请调换两个日期",
    "file.exists": "文件已存在：{path}（使用 --force 覆盖）",
    "file.not_found": "找不到文件：{path}",
    "cancelled": "操作已取消",
    "search.rebuilding": "搜索索引正在重建（已完成 {done}/{total} 条），请稍候再搜索",
    "search.unavailable": "搜索索引暂不可用：{reason}",
    "search.busy": "搜索索引正被另一个程序写入（{path}），请稍后再试",
    "search.closed": "搜索服务尚未打开或已关闭",
    "patterns.bad_setting": "规律挖掘设置“{name}”的值 {value} 无效，应为{expected}",
    "pattern.not_found": "找不到规律 {id}",
    "pattern.unknown": "找不到规律 {id}（现有：{known}）",
    "pattern.merged": "规律 {id} 已并入规律 {target}，请在 {target} 上操作",
    "pattern.merge_too_few": "合并至少需要两个不同的规律",
    "pattern.split_selection": "拆分规律 {id} 时须选出其中一部分先例（不能为空，也不能是全部）",
    "pattern.not_member": "先例 {case} 不属于规律 {id}",
    "pattern.bad_name": "规律名称不能超过 {limit} 个字",
    "draft.empty_pattern": "规律 {id} 没有先例，无法起草政策",
    "policy.not_found": "找不到政策（编号 {id}）",
    "policy.bad_transition": "政策《{title}》当前为“{current}”，不能改为“{target}”",
    "policy.missing_number": "政策《{title}》施行前须填写文号",
    "policy.missing_date": "政策《{title}》施行前须填写施行日期",
    "policy.bad_repeal_date": "政策《{title}》的废止日期 {repealed} 早于施行日期 {effective}",
    "policy.not_editable": "政策《{title}》已{status}，草稿内容不能再修改",
    "policy.empty_criteria": "政策《{title}》没有任何适用条件，无法判断覆盖哪些情形",
    "policy.bad_content": "政策草稿内容无法读取：{reason}",
    "document.write_failed": "无法写入文档 {path}：{reason}",
    "document.bad_picture": "图片无法放入文档：{path}（{reason}），请使用 PNG 或 JPEG 图片",
    "document.no_soffice": "找不到 LibreOffice（soffice），无法生成 PDF",
    "document.convert_failed": "LibreOffice 无法把 {path} 转换为 PDF：{reason}",
    "template.unreadable": "无法打开模板 {path}：{reason}",
    "template.macro": "模板 {path} 含有宏：请在 Word 中另存为 .docx 或 .dotx 后再使用",
    "template.no_marker": (
        "模板 {path} 中没有正文标记 {marker}：请在红头之后单独起一段，只输入 {marker}"
    ),
    "template.many_markers": "模板 {path} 中有 {count} 处正文标记 {marker}，只能保留一处",
    "template.marker_not_alone": (
        "模板 {path} 中的正文标记 {marker} 所在段落还有其他文字：标记必须单独成段"
    ),
    "template.marker_misplaced": (
        "模板 {path} 中的正文标记 {marker} 位于{place}：标记必须是正文中单独的一段"
    ),
    "template.missing_styles": "模板 {path} 缺少样式 {names}：导出时将添加默认的公文样式",
    "template.theme_fonts": "模板 {path} 的样式 {names} 使用主题字体：中文可能显示为其他字体",
    "template.font_missing": "模板 {path} 使用的字体 {names} 在本机未安装：Word 会用其他字体代替",
    "template.unknown_fields": (
        "模板 {path} 中的字段 {names} 无法识别：导出时将留空（可用字段：{known}）"
    ),
    "template.no_page_number": "模板 {path} 的页脚中没有页码（PAGE 域）",
    "similar.settings_invalid": "相似案例设置有误：{key}（{reason}）",
    "similar.index_corrupt": "相似案例索引已损坏，需要重建：{path}（{reason}）",
    "similar.index_outdated": (
        "相似案例索引由其他版本的程序或词典建立，需要重建：{path}（{reason}）"
    ),
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
    """Someone else saved a newer version of the record being saved.

    Carries both versions: `expected_version` (the one the caller edited) and
    `current_version` (the one stored now), and `theirs`, the stored record
    (None when it was deleted meanwhile), so that the caller can show the two
    side by side (`precedents.store.merge.compare_versions`).
    """

    def __init__(
        self,
        code: str,
        /,
        *,
        expected_version: int | None = None,
        current_version: int | None = None,
        theirs: Any = None,
        **params: Any,
    ) -> None:
        self.expected_version = expected_version
        self.current_version = current_version
        self.theirs = theirs
        super().__init__(code, **params)


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


class PatternError(PrecedentError):
    """A curation action that does not fit the patterns as they stand."""


class PolicyError(PrecedentError):
    """A policy action that its state or its data does not allow."""


class DocumentError(PrecedentError):
    """A Word document could not be written, or an office template cannot be used."""


class Cancelled(PrecedentError):
    """The user cancelled a long operation; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("cancelled")
