<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdoptDialog</name>
    <message>
        <source>Hardships (all): %1</source>
        <translation>困难情形（全部具备）：%1</translation>
    </message>
    <message>
        <source>Barriers removed (any): %1</source>
        <translation>破除的门槛（具备其一）：%1</translation>
    </message>
    <message>
        <source>Narrative mentions (any): %1</source>
        <translation>情况描述提及（其一）：%1</translation>
    </message>
    <message>
        <source>Adopt policy</source>
        <translation>政策施行</translation>
    </message>
    <message>
        <source>《%1》 comes into force. Its coverage criteria are fixed, and every decided precedent that meets them is marked as covered; new matters that meet them are told that a general policy already settles them.</source>
        <translation>《%1》将施行。其适用条件随即固定，符合条件的已办结先例标记为“已覆盖”；今后符合条件的新事项会提示已有普惠政策。</translation>
    </message>
    <message>
        <source>e.g. 厦民规〔2025〕3号</source>
        <translation>例如：厦民规〔2025〕3号</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>施行</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <source>Covers matters with</source>
        <translation>适用条件</translation>
    </message>
</context>
<context>
    <name>AmountsModel</name>
    <message>
        <source>Measure</source>
        <translation>救助措施</translation>
    </message>
    <message>
        <source>Decided in</source>
        <translation>给予件数</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最高</translation>
    </message>
    <message numerus="yes">
        <source>%n precedent(s) gave an amount</source>
        <translation>
            <numerusform>%n 件先例有明确金额</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Precedent</source>
        <translation>先例</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>决定日期</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Policy draft — %1</source>
        <translation>政策草案 — %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>起草说明</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>先例依据</translation>
    </message>
    <message>
        <source>Precedents cited</source>
        <translation>引用的先例</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Export to Word…</source>
        <translation>导出 Word…</translation>
    </message>
    <message>
        <source>Precedents</source>
        <translation>先例</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>涉及区</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间跨度</translation>
    </message>
    <message>
        <source>Barriers removed</source>
        <translation>破除的门槛</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>（median %1）</source>
        <translation>（中位数 %1）</translation>
    </message>
    <message>
        <source>Masked; listed from the pattern&apos;s precedents.</source>
        <translation>已脱敏；列自该规律的先例。</translation>
    </message>
    <message>
        <source>from pattern %1</source>
        <translation>来自规律 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n precedent(s)</source>
        <translation>
            <numerusform>%n 件先例</numerusform>
        </translation>
    </message>
    <message>
        <source>adopted policies are not edited</source>
        <translation>已施行的政策不可修改</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>DraftExportDialog</name>
    <message>
        <source>Cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Export draft to Word</source>
        <translation>导出政策草案为 Word</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Built-in layout (GB/T 9704)</source>
        <translation>内置版式（GB/T 9704）</translation>
    </message>
    <message>
        <source>Another office template…</source>
        <translation>其他公文模板…</translation>
    </message>
    <message>
        <source>Office template (.docx)</source>
        <translation>公文模板（.docx）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Word file</source>
        <translation>Word 文件</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>Office template of the settings: %1</source>
        <translation>设置中的公文模板：%1</translation>
    </message>
    <message>
        <source>Office template of the settings: none chosen</source>
        <translation>设置中的公文模板：未选择</translation>
    </message>
    <message>
        <source>Choose the office template file.</source>
        <translation>请选择公文模板文件。</translation>
    </message>
    <message>
        <source>Checking the template…</source>
        <translation>正在检查模板…</translation>
    </message>
    <message>
        <source>The template is ready to use.</source>
        <translation>模板可以使用。</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>DraftExporter</name>
    <message>
        <source>Writing the Word document…</source>
        <translation>正在生成 Word 文档…</translation>
    </message>
</context>
<context>
    <name>ExcludeDialog</name>
    <message>
        <source>Take precedent out of pattern</source>
        <translation>将先例移出规律</translation>
    </message>
    <message>
        <source>%1 「%2」 will no longer count for 「%3」, now or when the precedents are mined again. Say why, for the audit trail.</source>
        <translation>%1「%2」将不再计入「%3」，今后重新发现规律时也不会再归入。请说明原因，记入审计记录。</translation>
    </message>
    <message>
        <source>Take out</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>Reason, e.g. the household&apos;s situation differs</source>
        <translation>原因，例如：家庭情况不同</translation>
    </message>
</context>
<context>
    <name>ParagraphEditor</name>
    <message>
        <source>Heading</source>
        <extracomment>Links of the citations line: open the precedent, or stop citing it. Text of a paragraph is set in a larger, document-like size.</extracomment>
        <translation>小标题</translation>
    </message>
    <message>
        <source>Text of the paragraph</source>
        <translation>段落内容</translation>
    </message>
    <message>
        <source>Add a paragraph after this one</source>
        <translation>在此段后新增一段</translation>
    </message>
    <message>
        <source>Delete this paragraph</source>
        <translation>删除此段</translation>
    </message>
    <message>
        <source>Cites: %1</source>
        <translation>引用：%1</translation>
    </message>
    <message>
        <source>Click a code to open the precedent in the library.</source>
        <translation>点击编号可在先例库中打开该先例。</translation>
    </message>
    <message>
        <source>Click × to stop citing it here.</source>
        <translation>点击 × 可在此处取消引用。</translation>
    </message>
</context>
<context>
    <name>PatternDetails</name>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Keep this pattern with its precedents whatever later mining finds</source>
        <translation>保留此规律及其先例，不受今后重新发现的结果影响</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Draft policy…</source>
        <translation>起草政策…</translation>
    </message>
    <message>
        <source>Open in library</source>
        <translation>在先例库中打开</translation>
    </message>
    <message>
        <source>Split off…</source>
        <translation>拆分…</translation>
    </message>
    <message>
        <source>Take out of pattern…</source>
        <translation>移出规律…</translation>
    </message>
    <message>
        <source>Amounts decided per measure</source>
        <translation>各项救助措施的金额</translation>
    </message>
    <message>
        <source>No pattern selected</source>
        <translation>未选择规律</translation>
    </message>
    <message>
        <source>Precedents</source>
        <translation>先例</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>renamed; mined label: %1</source>
        <translation>已重命名；自动标签：%1</translation>
    </message>
    <message>
        <source>Precedents (%1)</source>
        <translation>先例（%1）</translation>
    </message>
    <message>
        <source>Open draft…</source>
        <translation>打开草案…</translation>
    </message>
    <message numerus="yes">
        <source>%n patterns selected</source>
        <translation>
            <numerusform>已选择 %n 个规律</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge selected… joins them into the first one.</source>
        <translation>“合并所选…”会把它们并入第一个规律。</translation>
    </message>
    <message numerus="yes">
        <source>%n precedent(s)</source>
        <translation>
            <numerusform>%n 件先例</numerusform>
        </translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>涉及区</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间跨度</translation>
    </message>
    <message>
        <source>Hardships</source>
        <translation>困难情形</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>政策障碍</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>救助措施</translation>
    </message>
    <message>
        <source>Key terms</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Typical household</source>
        <translation>典型家庭</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>median %1 person(s)</source>
        <translation>中位 %1 人</translation>
    </message>
    <message>
        <source>median income %1 a month</source>
        <translation>月收入中位数 %1</translation>
    </message>
    <message>
        <source>%1 a person</source>
        <translation>人均 %1</translation>
    </message>
    <message>
        <source>hardships: %1</source>
        <translation>困难情形：%1</translation>
    </message>
    <message>
        <source>barriers: %1</source>
        <translation>政策障碍：%1</translation>
    </message>
    <message>
        <source>none drafted yet</source>
        <translation>尚未起草</translation>
    </message>
</context>
<context>
    <name>PatternQuestions</name>
    <message>
        <source>Merge patterns</source>
        <translation>合并规律</translation>
    </message>
    <message numerus="yes">
        <source>Merge %n pattern(s) into 「%1」?</source>
        <translation>
            <numerusform>将 %n 个规律合并到「%1」？</numerusform>
        </translation>
    </message>
    <message>
        <source>Their precedents join it, and it is confirmed; the merge stays when the precedents are mined again.</source>
        <translation>其先例并入该规律，该规律随即确认；重新发现规律时合并依然保留。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PatternsModel</name>
    <message>
        <source>Pattern</source>
        <extracomment>The decision dates of a pattern&apos;s precedents (list of dt.date). (first, last) date over every pattern listed: one scale for every timeline.</extracomment>
        <translation>规律</translation>
    </message>
    <message>
        <source>Precedents</source>
        <translation>先例</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>涉及区</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间分布</translation>
    </message>
    <message numerus="yes">
        <source>%n district(s)</source>
        <translation>
            <numerusform>%n 个区</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %n precedent(s)</source>
        <translation>
            <numerusform>%1 至 %2：%n 件先例</numerusform>
        </translation>
    </message>
    <message>
        <source>Mined label: %1</source>
        <translation>自动标签：%1</translation>
    </message>
    <message>
        <source>Confirmed by officers: kept whatever mining finds</source>
        <translation>已由经办人员确认：不受重新发现的结果影响</translation>
    </message>
</context>
<context>
    <name>PatternsPage</name>
    <message>
        <source>Draft written to %1</source>
        <extracomment>An officer asked to see a precedent in the library. A short message for the status bar.</extracomment>
        <translation>草案已导出到 %1</translation>
    </message>
    <message>
        <source>Fewest precedents that make a pattern</source>
        <translation>构成规律的最少先例数</translation>
    </message>
    <message>
        <source>Fewest districts its precedents must come from</source>
        <translation>先例至少来自的区数</translation>
    </message>
    <message>
        <source>Mine again</source>
        <translation>重新发现</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>precedents from</source>
        <translation>件先例，来自</translation>
    </message>
    <message>
        <source>district(s)</source>
        <translation>个区</translation>
    </message>
    <message>
        <source>Merge selected…</source>
        <translation>合并所选…</translation>
    </message>
    <message>
        <source>Select two or more patterns that are one kind of case</source>
        <translation>选择属于同一类情形的两个或多个规律</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>规律</translation>
    </message>
    <message>
        <source>Policy registry</source>
        <translation>政策台账</translation>
    </message>
    <message>
        <source>Mining patterns among the precedents…</source>
        <translation>正在从先例中发现规律…</translation>
    </message>
    <message>
        <source>Mining stopped: the list may be out of date. Press Mine again.</source>
        <translation>已停止发现规律：列表可能不是最新的，请点击“重新发现”。</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) among %1 decided precedents</source>
        <translation>
            <numerusform>在 %1 件已办结先例中发现 %n 个规律</numerusform>
        </translation>
    </message>
    <message>
        <source>No kind of case recurs often enough yet: a pattern needs at least %1 decided precedents from %2 district(s). Lower the settings above to see smaller groups.</source>
        <translation>暂无反复出现的情形：一个规律至少需要来自 %2 个区的 %1 件已办结先例。调低上方的设置可以看到较小的分组。</translation>
    </message>
    <message>
        <source>Saving and mining the precedents again…</source>
        <translation>正在保存并重新发现规律…</translation>
    </message>
    <message>
        <source>Writing the draft from the precedents…</source>
        <translation>正在根据先例起草…</translation>
    </message>
</context>
<context>
    <name>PoliciesModel</name>
    <message>
        <source>Policy</source>
        <extracomment>A colour per status, so the list reads at a glance.</extracomment>
        <translation>政策</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <source>Precedents covered</source>
        <translation>覆盖先例</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>规律</translation>
    </message>
    <message>
        <source>Repealed on %1</source>
        <translation>%1 废止</translation>
    </message>
</context>
<context>
    <name>PolicyQuestions</name>
    <message>
        <source>Export draft to Word</source>
        <translation>导出政策草案为 Word</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在，是否替换？</translation>
    </message>
    <message>
        <source>Draft exported</source>
        <translation>草案已导出</translation>
    </message>
    <message>
        <source>The draft was written to %1. Open it now?</source>
        <translation>草案已导出到 %1，现在打开吗？</translation>
    </message>
</context>
<context>
    <name>RegistryView</name>
    <message>
        <source>Open draft…</source>
        <translation>打开草案…</translation>
    </message>
    <message>
        <source>Export to Word…</source>
        <translation>导出 Word…</translation>
    </message>
    <message>
        <source>Open consultation</source>
        <translation>征求意见</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>施行…</translation>
    </message>
    <message>
        <source>Repeal…</source>
        <translation>废止…</translation>
    </message>
    <message>
        <source>No policy drafted yet. Select a pattern and press 「Draft policy…」: the draft is written from its precedents and listed here.</source>
        <translation>尚未起草政策。选择一个规律并点击「起草政策…」，系统会根据其先例起草，并列在这里。</translation>
    </message>
    <message>
        <source>drafts</source>
        <translation>件草稿</translation>
    </message>
    <message>
        <source>in consultation</source>
        <translation>件征求意见</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>件施行中</translation>
    </message>
    <message>
        <source>repealed</source>
        <translation>件已废止</translation>
    </message>
    <message>
        <source>thresholds lowered</source>
        <translation>项门槛已降低</translation>
    </message>
    <message>
        <source>precedents covered</source>
        <translation>件先例已覆盖</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
    <message>
        <source>Adopting the policy and marking the precedents it covers…</source>
        <translation>正在施行政策并标记其覆盖的先例…</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename pattern</source>
        <translation>重命名规律</translation>
    </message>
    <message>
        <source>The name officers see instead of the mined label 「%1」. It stays when the precedents are mined again. Leave it empty to show the mined label.</source>
        <translation>经办人员看到的名称，代替自动标签「%1」；重新发现规律时保留。留空则显示自动标签。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
</context>
<context>
    <name>RepealDialog</name>
    <message>
        <source>Repeal policy</source>
        <translation>废止政策</translation>
    </message>
    <message>
        <source>《%1》 stops applying from the date below. The precedents it covered stay recorded, for the history.</source>
        <translation>《%1》自下列日期起不再适用。其覆盖的先例记录保留，以备查考。</translation>
    </message>
    <message>
        <source>Repeal</source>
        <translation>废止</translation>
    </message>
    <message>
        <source>Repealed from</source>
        <translation>废止日期</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>Written from the precedents&apos; figures when the draft is exported; shown here for reference.</source>
        <translation>导出时根据先例数据生成，此处仅供参考。</translation>
    </message>
    <message>
        <source>Add paragraph</source>
        <translation>新增段落</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split pattern</source>
        <translation>拆分规律</translation>
    </message>
    <message>
        <source>Split off</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>Tick the precedents of 「%1」 that are a kind of case of their own. They become a new confirmed pattern, and stay apart when the precedents are mined again.</source>
        <translation>勾选「%1」中自成一类的先例。它们将成为一个新的已确认规律，重新发现规律时仍保持分开。</translation>
    </message>
</context>
</TS>
