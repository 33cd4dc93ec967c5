<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Text extracted for search (%1 characters)</source>
        <translation>已提取正文供检索（%1 字）</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attach files…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save the new matter first, then attach files.</source>
        <translation>请先保存新事项，再添加附件。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>DeleteCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Duplicate as new matter</source>
        <translation>复制为新事项</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show personal data…</source>
        <translation>显示个人信息…</translation>
    </message>
    <message>
        <source>Take to a meeting</source>
        <translation>提交研判</translation>
    </message>
    <message>
        <source>Open this matter on the meeting screen</source>
        <translation>在研判会议界面打开此事项</translation>
    </message>
    <message>
        <source>Select a precedent in the list to read it here.

Type in the search box to find precedents, tick filters on the left to narrow them, or press Ctrl+N to record a new matter.</source>
        <translation>在列表中选择一条先例，即可在此阅读。

在搜索框中输入关键词查找先例，勾选左侧的筛选条件缩小范围，或按 Ctrl+N 登记新事项。</translation>
    </message>
    <message>
        <source>Mask personal data</source>
        <translation>隐藏个人信息</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Review level</source>
        <translation>研判层级</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Monthly income</source>
        <translation>家庭月收入</translation>
    </message>
    <message>
        <source>Found through</source>
        <translation>发现渠道</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>救助措施</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Personal data is masked.</source>
        <translation>个人信息已脱敏显示。</translation>
    </message>
    <message>
        <source>Personal data is shown unmasked; this view was recorded in the audit trail.</source>
        <translation>正在显示未脱敏的个人信息，本次查看已记入审计日志。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Created by %1 on %2</source>
        <translation>%1 创建于 %2</translation>
    </message>
    <message>
        <source>last changed by %1 on %2</source>
        <translation>%1 最后修改于 %2</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>Hardships</source>
        <translation>困难情形</translation>
    </message>
    <message>
        <source>Why policy did not fit</source>
        <translation>政策障碍</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Deliberation</source>
        <translation>研判过程与意见</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>救助措施</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>当事人</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Unsaved drafts</source>
        <translation>未保存的草稿</translation>
    </message>
    <message>
        <source>These changes were kept when the program closed before they were saved. Continue with one, or discard those you no longer need.</source>
        <translation>以下修改在程序关闭前尚未保存，已自动留存为草稿。可以继续编辑，也可以丢弃不再需要的草稿。</translation>
    </message>
    <message>
        <source>Continue editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Precedent</source>
        <translation>案例编号</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>（尚无标题）</translation>
    </message>
    <message>
        <source>new matter</source>
        <translation>新事项</translation>
    </message>
</context>
<context>
    <name>EditorPanel</name>
    <message>
        <source>Save</source>
        <extracomment>(parent, my record, their record) → the merged record to save, or None to keep editing.</extracomment>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New matter</source>
        <translation>新事项</translation>
    </message>
    <message>
        <source>Editing %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>New matter from %1</source>
        <translation>由 %1 复制的新事项</translation>
    </message>
    <message>
        <source>Draft kept at %1</source>
        <translation>草稿已于 %1 自动保存</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention before saving.</source>
        <translation>
            <numerusform>有 %n 处需要修改后才能保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export precedents</source>
        <translation>导出先例</translation>
    </message>
    <message>
        <source>All precedents (%1)</source>
        <translation>全部先例（%1 条）</translation>
    </message>
    <message>
        <source>The current search results (%1)</source>
        <translation>当前搜索结果（%1 条）</translation>
    </message>
    <message>
        <source>Names become 王某, ID and phone numbers are shortened, addresses stop at the town. An unmasked export is recorded in the audit trail with its reason.</source>
        <translation>脱敏后姓名显示为“王某”，身份证号和电话号码部分隐去，地址只保留到镇街。导出未脱敏的文件会连同理由记入审计日志。</translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>Facets</name>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难情形</translation>
    </message>
    <message>
        <source>Policy barrier</source>
        <translation>政策障碍</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>救助措施</translation>
    </message>
    <message>
        <source>Review level</source>
        <translation>研判层级</translation>
    </message>
    <message>
        <source>Year filed</source>
        <translation>提出年份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>FieldNote</name>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>Import precedents</source>
        <translation>导入先例</translation>
    </message>
    <message>
        <source>Precedent files (*.jsonl *.json *.ndjson *.xlsx);;All files (*)</source>
        <translation>先例文件 (*.jsonl *.json *.ndjson *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export precedents</source>
        <translation>导出先例</translation>
    </message>
    <message>
        <source>Excel ledger (*.xlsx);;JSON Lines (*.jsonl)</source>
        <translation>Excel 台账 (*.xlsx);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Documents and images (*.docx *.doc *.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp);;All files (*)</source>
        <translation>文档和图片 (*.docx *.doc *.pdf *.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Office template</source>
        <translation>单位公文模板</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>Words searched as one</source>
        <translation>视为同义的词语</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>%1: %2 record(s) have problems and cannot be imported; %3 are valid.</source>
        <translation>%1：%2 条记录有错误，无法导入；%3 条记录正确。</translation>
    </message>
    <message>
        <source>Import: problems found</source>
        <translation>导入：发现错误</translation>
    </message>
    <message>
        <source>Import the %1 valid records</source>
        <translation>导入正确的 %1 条记录</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>全部不导入</translation>
    </message>
    <message>
        <source>%1: %2 created, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation>%1：新建 %2 条，更新 %3 条，未变 %4 条，跳过 %5 条。</translation>
    </message>
    <message>
        <source>Skipped records were written to %1</source>
        <translation>跳过的记录及原因已写入 %1</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Import not possible</source>
        <translation>无法导入</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Search precedents, e.g. 戈谢病, 独居老人 区:集美 措施:临时救助</source>
        <extracomment>(done, total) while the search index is built. Emitted once, when the index has answered the first query.</extracomment>
        <translation>搜索先例，如：戈谢病、独居老人 区:集美 措施:临时救助</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Similar precedents are unavailable: %1</source>
        <translation>相似先例暂不可用：%1</translation>
    </message>
    <message>
        <source>The search index could not be opened: %1</source>
        <translation>无法打开搜索索引：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n precedent(s)</source>
        <translation>
            <numerusform>共 %n 条先例</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>The library holds no precedents yet.

Press Ctrl+N to record a new matter, or import a ledger with File ▸ Import.</source>
        <translation>先例库中还没有先例。

按 Ctrl+N 登记新事项，或通过“文件 ▸ 导入”导入台账。</translation>
    </message>
    <message>
        <source>No precedent matches 「%1」.

Try fewer or shorter words (戈谢 finds 戈谢病), remove a filter, or press Esc to start over.</source>
        <translation>没有找到与「%1」相符的先例。

可以减少或缩短关键词（输入“戈谢”也能找到“戈谢病”），去掉某个筛选条件，或按 Esc 重新开始。</translation>
    </message>
    <message>
        <source>Also searched for: %1</source>
        <translation>同时搜索了：%1</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>筛选：%1</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>正在重建搜索索引…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Precedent Desk</source>
        <translation>一事一议先例库</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>先例库</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>研判会议</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>规律与政策</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved draft(s) found: Tools ▸ Unsaved drafts.</source>
        <translation>
            <numerusform>发现 %n 份未保存的草稿：工具 ▸ 未保存的草稿。</numerusform>
        </translation>
    </message>
    <message>
        <source>Meeting notes not saved on %1: open Meetings to continue them.</source>
        <translation>%1 有未保存的研判记录草稿：打开“研判会议”即可继续。</translation>
    </message>
    <message>
        <source>Nothing to save: no precedent is being edited.</source>
        <translation>没有需要保存的内容：当前没有正在编辑的先例。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>About Precedent Desk</source>
        <translation>关于一事一议先例库</translation>
    </message>
    <message>
        <source>&lt;b&gt;Precedent Desk&lt;/b&gt; %1&lt;br&gt;Records, finds and reuses 一事一议 precedents.&lt;br&gt;&lt;br&gt;Data folder: %2&lt;br&gt;Database: %3</source>
        <translation>&lt;b&gt;一事一议先例库&lt;/b&gt; %1&lt;br&gt;记录、检索和借鉴“一事一议”先例。&lt;br&gt;&lt;br&gt;数据文件夹：%2&lt;br&gt;数据库：%3</translation>
    </message>
</context>
<context>
    <name>MaskingChoice</name>
    <message>
        <source>Mask personal data (recommended)</source>
        <translation>个人信息脱敏（推荐）</translation>
    </message>
    <message>
        <source>Why unmasked data must leave the program</source>
        <translation>导出未脱敏信息的理由（必填）</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
</context>
<context>
    <name>MeasuresModel</name>
    <message>
        <source>Measure</source>
        <translation>措施类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
</context>
<context>
    <name>PersonsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>PrecedentForm</name>
    <message>
        <source>Measures</source>
        <translation>救助措施</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Basic facts</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>案例编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>One line on the matter</source>
        <translation>一句话概括事项</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Town or street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Review level</source>
        <translation>研判层级</translation>
    </message>
    <message>
        <source>Found through</source>
        <translation>发现渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Monthly income (yuan)</source>
        <translation>家庭月收入（元）</translation>
    </message>
    <message>
        <source>Hardships and barriers</source>
        <translation>困难情形与政策障碍</translation>
    </message>
    <message>
        <source>Hardships</source>
        <translation>困难情形</translation>
    </message>
    <message>
        <source>Why policy did not fit</source>
        <translation>政策障碍</translation>
    </message>
    <message>
        <source>Separated by 、 or commas</source>
        <translation>多个标签用“、”或逗号分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Situation and deliberation</source>
        <translation>情况与研判</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Deliberation</source>
        <translation>研判过程与意见</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除所选行</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Delete precedent</source>
        <translation>删除先例</translation>
    </message>
    <message>
        <source>Delete %1 「%2」?</source>
        <translation>删除 %1「%2」？</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo until you close the program.</source>
        <translation>关闭程序之前，可以用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Remove the attachment 「%1」? This cannot be undone.</source>
        <translation>删除附件「%1」？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to 「%1」?</source>
        <translation>保存对「%1」的修改吗？</translation>
    </message>
    <message>
        <source>new matter</source>
        <translation>新事项</translation>
    </message>
    <message>
        <source>If you discard them, the draft is deleted as well.</source>
        <translation>如果放弃，自动保存的草稿也会一并删除。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Unsaved draft found</source>
        <translation>发现未保存的草稿</translation>
    </message>
    <message>
        <source>There are unsaved changes to 「%1」 from %2. Continue with them?</source>
        <translation>「%1」有 %2 留下的未保存修改。要继续这些修改吗？</translation>
    </message>
    <message>
        <source>Restore the draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <source>Start from the saved version</source>
        <translation>从已保存的版本开始</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Your changes are kept as a draft. Compare the two versions side by side and choose field by field, go on editing, or load the other version now and lose your changes.</source>
        <translation>您的修改已保存为草稿。可以并排比较两个版本、逐个字段选择保留的内容，也可以继续编辑，或者现在载入对方的版本并放弃您的修改。</translation>
    </message>
    <message>
        <source>Your changes are kept as a draft. You can go on editing and copy them over after reloading, or load the other version now and lose them.</source>
        <translation>您的修改已保存为草稿。可以继续编辑，稍后重新载入再把修改誊过去；也可以现在载入对方的版本，放弃您的修改。</translation>
    </message>
    <message>
        <source>Keep my changes</source>
        <translation>保留我的修改</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>载入对方的版本</translation>
    </message>
    <message>
        <source>Compare and merge…</source>
        <translation>对比并合并…</translation>
    </message>
</context>
<context>
    <name>RecordPane</name>
    <message>
        <source>Similar precedents</source>
        <translation>相似先例</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Looking for similar precedents…</source>
        <translation>正在查找相似先例…</translation>
    </message>
    <message>
        <source>Describe the matter; similar precedents appear as you write.</source>
        <translation>填写事项情况，相似先例会随之显示在这里。</translation>
    </message>
    <message>
        <source>Deleted %1. Press Ctrl+Z to undo.</source>
        <translation>已删除 %1。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>已恢复 %1。</translation>
    </message>
    <message>
        <source>No program is set up to open %1.</source>
        <translation>系统中没有可以打开 %1 的程序。</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Precedent</source>
        <translation>先例</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Most relevant first</source>
        <extracomment>Default widths of the result columns (the title stretches). Shown only when asked for (header menu): the code is on each row&apos;s second line.</extracomment>
        <translation>按相关度</translation>
    </message>
    <message>
        <source>Newest filed first</source>
        <translation>提出日期：新→旧</translation>
    </message>
    <message>
        <source>Oldest filed first</source>
        <translation>提出日期：旧→新</translation>
    </message>
    <message>
        <source>By code</source>
        <translation>按编号</translation>
    </message>
    <message>
        <source>By district</source>
        <translation>按区</translation>
    </message>
    <message>
        <source>Take to a meeting</source>
        <translation>提交研判</translation>
    </message>
</context>
<context>
    <name>RevealReason</name>
    <message>
        <source>Show personal data</source>
        <translation>显示个人信息</translation>
    </message>
    <message>
        <source>Names, ID numbers and phone numbers of %1 will be shown unmasked. This is recorded in the audit trail with your name and the reason.</source>
        <translation>将显示 %1 中未脱敏的姓名、身份证号和电话号码。本次查看将连同您的姓名和理由记入审计日志。</translation>
    </message>
    <message>
        <source>Reason, e.g. checking identity for the annual review</source>
        <translation>查看理由，如：年度复核核实身份</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>Font roles of exported documents and the usual official fonts for each.</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>公文导出</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Vocabularies (administrators)</source>
        <translation>词表（管理员）</translation>
    </message>
    <message>
        <source>Officer name</source>
        <translation>经办人姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所在部门</translation>
    </message>
    <message>
        <source>Named in reports and minutes, and in the audit trail of your changes.</source>
        <translation>用于报告、会议纪要，以及您所做修改的审计记录。</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation>更改语言后，重新启动程序生效。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Empty: the database file in the data folder</source>
        <translation>留空：使用数据文件夹中的数据库文件</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Shared database</source>
        <translation>共用数据库</translation>
    </message>
    <message>
        <source>For an office server, e.g. postgresql+psycopg://user:password@server/precedents. A new folder or database applies at the next start.</source>
        <translation>办公室服务器的地址，如 postgresql+psycopg://用户名:密码@服务器/precedents。更改数据文件夹或数据库后，重新启动程序生效。</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>当前使用</translation>
    </message>
    <message>
        <source>Title font</source>
        <translation>标题字体</translation>
    </message>
    <message>
        <source>Body font</source>
        <translation>正文字体</translation>
    </message>
    <message>
        <source>First-level heading font</source>
        <translation>一级标题字体</translation>
    </message>
    <message>
        <source>Second-level heading font</source>
        <translation>二级标题字体</translation>
    </message>
    <message>
        <source>Page number font</source>
        <translation>页码字体</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>Empty: the built-in layout</source>
        <translation>留空：使用内置版式</translation>
    </message>
    <message>
        <source>Office template (.docx)</source>
        <translation>单位公文模板（.docx）</translation>
    </message>
    <message>
        <source>How much each attribute counts when precedents are compared. Only the ratios matter; 0 leaves an attribute out.</source>
        <translation>比较先例时各项属性所占的分量。只有相互之间的比例起作用；设为 0 表示不考虑该项。</translation>
    </message>
    <message>
        <source>Default %1</source>
        <translation>默认值 %1</translation>
    </message>
    <message>
        <source>「%1」 is not a database address.</source>
        <translation>「%1」不是有效的数据库地址。</translation>
    </message>
</context>
<context>
    <name>SimilarModel</name>
    <message>
        <source> (not decided yet)</source>
        <translation>（尚未决定）</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>Select a precedent to see similar ones.</source>
        <translation>选择一条先例，即可查看与之相似的先例。</translation>
    </message>
    <message>
        <source>The similarity index is being prepared…</source>
        <translation>正在准备相似先例索引…</translation>
    </message>
    <message>
        <source>No similar precedents on file.</source>
        <translation>库中没有相似的先例。</translation>
    </message>
    <message numerus="yes">
        <source>%n close precedent(s) (similarity %1 or more).</source>
        <translation>
            <numerusform>有 %n 条高度相似的先例（相似度 %1 及以上）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No close precedent: nothing on file reaches similarity %1.</source>
        <translation>没有高度相似的先例：库中没有相似度达到 %1 的先例。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Officer: %1</source>
        <translation>经办人：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n precedent(s)</source>
        <translation>
            <numerusform>共 %n 条先例</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 条 / 共 %2 条</translation>
    </message>
    <message>
        <source>Search index: not open</source>
        <translation>搜索索引：未打开</translation>
    </message>
    <message>
        <source>Search index: opening…</source>
        <translation>搜索索引：正在打开…</translation>
    </message>
    <message>
        <source>Search index: rebuilding…</source>
        <translation>搜索索引：正在重建…</translation>
    </message>
    <message>
        <source>Search index: ready</source>
        <translation>搜索索引：就绪</translation>
    </message>
    <message>
        <source>Search index: unavailable</source>
        <translation>搜索索引：不可用</translation>
    </message>
    <message>
        <source>Search index: building %1%</source>
        <translation>搜索索引：正在建立 %1%</translation>
    </message>
    <message>
        <source>Search index: building (%1 read)</source>
        <translation>搜索索引：正在建立（已读取 %1 条）</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancelling…</source>
        <extracomment>How long work may run before its progress dialog appears (milliseconds). Progress signals closer together than this are dropped (seconds). Emitted last, after the callbacks ran, whatever the outcome. Set when nobody is left to receive the outcome (program closing).</extracomment>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
<context>
    <name>TermPicker</name>
    <message>
        <source>Type a term or a synonym, then Enter</source>
        <extracomment>A message about text that names no term (shown beside the field).</extracomment>
        <translation>输入词语或同义词后按回车</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Choose from the list</source>
        <translation>从列表中选择</translation>
    </message>
    <message>
        <source>「%1」 is not a term of this list</source>
        <translation>「%1」不在本词表中</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
</context>
<context>
    <name>TermsModel</name>
    <message>
        <source>Term</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Synonyms</source>
        <translation>同义词</translation>
    </message>
    <message>
        <source>Broader term</source>
        <translation>上位词</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何记录。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Imported %1: %2 created, %3 updated.</source>
        <translation>已导入 %1：新建 %2 条，更新 %3 条。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何记录。</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未生成文件。</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Exported %1 precedent(s) to %2 (masked).</source>
        <translation>已导出 %1 条先例到 %2（已脱敏）。</translation>
    </message>
    <message>
        <source>Exported %1 precedent(s) to %2, unmasked; recorded in the audit trail.</source>
        <translation>已导出 %1 条先例到 %2（未脱敏），已记入审计日志。</translation>
    </message>
</context>
<context>
    <name>VocabularyEditor</name>
    <message>
        <source>Changes are saved at once, recorded in the audit trail and apply to everyone sharing this database. Separate several synonyms with 、. Changed search synonyms take effect after Tools ▸ Rebuild search index.</source>
        <translation>修改立即保存、记入审计日志，并对共用此数据库的所有人生效。多个同义词用“、”分隔。修改后的搜索同义词在“工具 ▸ 重建搜索索引”后生效。</translation>
    </message>
    <message>
        <source>Add term…</source>
        <translation>添加词语…</translation>
    </message>
    <message>
        <source>Add group…</source>
        <translation>添加同义词组…</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>删除同义词组</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>词表：</translation>
    </message>
    <message>
        <source>Search synonyms</source>
        <translation>搜索同义词</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>添加词语</translation>
    </message>
    <message>
        <source>New term for %1:</source>
        <translation>%1的新词语：</translation>
    </message>
    <message>
        <source>「%1」 is already a term.</source>
        <translation>「%1」已在词表中。</translation>
    </message>
    <message>
        <source>A synonym group needs at least two words.</source>
        <translation>同义词组至少需要两个词。</translation>
    </message>
    <message>
        <source>Add synonym group</source>
        <translation>添加同义词组</translation>
    </message>
    <message>
        <source>Words searched as one, separated by 、:</source>
        <translation>视为同义的词语，用“、”分隔：</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New matter</source>
        <translation>新建事项(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit precedent</source>
        <translation>编辑先例(&amp;E)</translation>
    </message>
    <message>
        <source>D&amp;uplicate as new matter</source>
        <translation>复制为新事项(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete precedent…</source>
        <translation>删除先例(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Clear search</source>
        <translation>清除搜索(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Rebuild search index</source>
        <translation>重建搜索索引(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved &amp;drafts…</source>
        <translation>未保存的草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>Open data &amp;folder</source>
        <translation>打开数据文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About Precedent Desk</source>
        <translation>关于一事一议先例库(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The data folder cannot be used: %1</source>
        <translation>无法使用数据文件夹：%1</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Precedent Desk</source>
        <translation>一事一议先例库</translation>
    </message>
    <message>
        <source>The file could not be read or written: %1</source>
        <translation>无法读写文件：%1</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Your saved data is safe; unsaved changes are kept as a draft. The details have been written to the log.</source>
        <translation>程序遇到了意外的问题。已保存的数据不受影响，未保存的修改已留存为草稿。详细情况已写入日志。</translation>
    </message>
    <message>
        <source>Log folder: %1</source>
        <translation>日志文件夹：%1</translation>
    </message>
</context>
</TS>
