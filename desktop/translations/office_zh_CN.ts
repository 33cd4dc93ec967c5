<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditExportDialog</name>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>%1 event(s) match the filter and will be exported.</source>
        <translation>符合筛选条件的 %1 条记录将被导出。</translation>
    </message>
    <message>
        <source>Excel (.xlsx) or CSV: one row per event, one per changed field with its old and new value. The export is recorded in the audit trail.</source>
        <translation>Excel（.xlsx）或 CSV：每条操作一行，改动了多个字段的按字段各占一行，列出原值和新值。导出本身也记入审计日志。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>改动内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Personal data changed (shown masked)</source>
        <translation>涉及个人信息（已脱敏显示）</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Precedent code</source>
        <translation>先例编号</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Select an event to see everything it changed.</source>
        <translation>选中一条记录，在此查看它改动的全部内容。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show events recorded since (F5)</source>
        <translation>显示此后新记录的操作（F5）</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>显示更早的记录</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The audit trail is only ever added to: nobody can change or delete an entry. Personal data is shown masked; an export can include it with a reason.</source>
        <translation>审计日志只能追加，任何人都不能修改或删除其中的记录。个人信息以脱敏方式显示；导出时填写理由后可包含未脱敏信息。</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest %1 of %2 events</source>
        <translation>最新 %1 条，共 %2 条记录</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>%1 event(s) exported to %2.</source>
        <translation>已将 %1 条记录导出到 %2。</translation>
    </message>
    <message>
        <source>Exporting the audit trail…</source>
        <translation>正在导出审计日志…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge changes to %1</source>
        <translation>合并对 %1 的修改</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>全部用我的</translation>
    </message>
    <message>
        <source>Keep all stored</source>
        <translation>全部用已保存的</translation>
    </message>
    <message>
        <source>Save merged version</source>
        <translation>保存合并结果</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>返回编辑</translation>
    </message>
    <message>
        <source>Another officer</source>
        <translation>另一位经办人</translation>
    </message>
    <message>
        <source>%1 saved version %2 of this precedent at %3, after you started editing version %4. %5 field(s) differ. Tick the value to keep in each row; fields only one of you changed are ticked already. Your choice is saved onto the newer version.</source>
        <translation>您开始编辑第 %4 版之后，%1 于 %3 保存了这条先例的第 %2 版。两个版本有 %5 个字段不同。请在每一行勾选要保留的内容；只有一方改过的字段已自动勾选。合并结果将保存在较新的版本之上。</translation>
    </message>
    <message>
        <source>Still to choose: %1</source>
        <translation>尚待选择：%1</translation>
    </message>
    <message>
        <source>Every field decided.</source>
        <translation>所有字段均已选定。</translation>
    </message>
</context>
<context>
    <name>MergeModel</name>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>承办：%1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限：%1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>My version</source>
        <translation>我的版本</translation>
    </message>
    <message>
        <source>Stored version (newer)</source>
        <translation>已保存的版本（较新）</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>改动方</translation>
    </message>
    <message>
        <source> (personal data)</source>
        <translation>（个人信息）</translation>
    </message>
    <message>
        <source>You</source>
        <translation>我</translation>
    </message>
    <message>
        <source>The other officer</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Both: choose</source>
        <translation>双方都改了：请选择</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>请选择</translation>
    </message>
</context>
<context>
    <name>Office</name>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source> · in step at %1</source>
        <translation> · %1 已同步</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) by other officers taken in.</source>
        <translation>
            <numerusform>已收到其他经办人的 %n 处更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 saved a newer version of %2 while you are editing it; saving will offer to compare and merge.</source>
        <translation>在您编辑期间，%1 保存了 %2 的新版本；保存时可对比并合并。</translation>
    </message>
    <message>
        <source>Automatic backup made: %1</source>
        <translation>已自动备份：%1</translation>
    </message>
    <message>
        <source>Could not catch up with other officers&apos; changes: %1</source>
        <translation>无法同步其他经办人的更改：%1</translation>
    </message>
    <message>
        <source>Automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
</context>
</TS>
