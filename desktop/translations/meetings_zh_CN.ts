<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsistencyReason</name>
    <message>
        <source>Decision departs from precedents</source>
        <translation>决定与先例不一致</translation>
    </message>
    <message>
        <source>The decision departs from the closest precedents:&lt;ul&gt;%1&lt;/ul&gt;Write down why. The reason is stored with the decision and printed in the minutes.</source>
        <translation>本次决定与最相近的先例不一致：&lt;ul&gt;%1&lt;/ul&gt;请写明理由。理由将与决定一并保存，并写入会议纪要。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Meeting %1 · %2 · %3 · %4</source>
        <translation>第%1次研判 · %2级 · %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source> · %n dissent(s)</source>
        <translation>
            <numerusform> · %n 条不同意见</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatterPanel</name>
    <message>
        <source>Reviews so far</source>
        <translation>历次研判</translation>
    </message>
    <message>
        <source>None yet: this is the first meeting.</source>
        <translation>尚无记录：这是第一次研判。</translation>
    </message>
    <message>
        <source>Minutes of meeting %1…</source>
        <translation>第%1次研判的会议纪要…</translation>
    </message>
</context>
<context>
    <name>MeetingExports</name>
    <message>
        <source>Word documents</source>
        <extracomment>What the screen shows: the matter, the review on screen and the precedents marked. The path written, once an export has finished.</extracomment>
        <translation>导出文书</translation>
    </message>
    <message>
        <source>Meeting minutes (会议纪要)…</source>
        <translation>会议纪要…</translation>
    </message>
    <message>
        <source>Case review form (个案研判表)…</source>
        <translation>个案研判表…</translation>
    </message>
    <message>
        <source>Retrieval report (类案检索报告)…</source>
        <translation>类案检索报告…</translation>
    </message>
    <message>
        <source>Save the meeting first: minutes record a saved meeting.</source>
        <translation>请先保存研判记录：会议纪要依据已保存的会议生成。</translation>
    </message>
    <message>
        <source>Meeting %1 · %2 · %3 · %4</source>
        <translation>第%1次研判 · %2级 · %3 · %4</translation>
    </message>
    <message>
        <source>Save the meeting first: the form lists saved meetings.</source>
        <translation>请先保存研判记录：个案研判表列出已保存的会议。</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>已脱敏</translation>
    </message>
    <message>
        <source>unmasked, recorded</source>
        <translation>未脱敏，已记入审计日志</translation>
    </message>
    <message>
        <source>Written %1 (%2).</source>
        <translation>已生成 %1（%2）。</translation>
    </message>
    <message>
        <source>Meeting minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Writing the minutes…</source>
        <translation>正在生成会议纪要…</translation>
    </message>
    <message>
        <source>Case review form</source>
        <translation>个案研判表</translation>
    </message>
    <message>
        <source>Writing the review form…</source>
        <translation>正在生成个案研判表…</translation>
    </message>
    <message>
        <source>Similar-precedent retrieval report</source>
        <translation>类案检索报告</translation>
    </message>
    <message>
        <source>Writing the retrieval report…</source>
        <translation>正在生成类案检索报告…</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>发言意见</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>研判结果</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>e.g. 杏林街道办事处三楼会议室</source>
        <translation>如：杏林街道办事处三楼会议室</translation>
    </message>
    <message>
        <source>What was presented to the meeting</source>
        <translation>提交会议研究的情况</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>研判层级</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Facts presented</source>
        <translation>汇报情况</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>添加参会人员</translation>
    </message>
    <message>
        <source>Dissent and reservations are kept as said, and tinted.</source>
        <translation>不同意见和保留意见按原话记录，并以底色标出。</translation>
    </message>
    <message>
        <source>Add opinion</source>
        <translation>添加发言</translation>
    </message>
    <message>
        <source>Why the matter goes up a level, or what information is missing</source>
        <translation>提交上一级的理由，或需要补充的材料</translation>
    </message>
    <message>
        <source>The decision as the meeting worded it</source>
        <translation>会议议定的处理结果</translation>
    </message>
    <message>
        <source>Only when the decision departs from the closest precedents</source>
        <translation>仅当决定与最相近的先例不一致时填写</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Measures: amounts, departments, deadlines</source>
        <translation>救助措施：金额、责任部门、完成期限</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <source>Reason for departing</source>
        <translation>不一致的理由</translation>
    </message>
    <message>
        <source>From earlier meetings…</source>
        <translation>从以往会议添加…</translation>
    </message>
</context>
<context>
    <name>MeetingMatter</name>
    <message>
        <source>%1 yuan a month</source>
        <translation>每月 %1 元</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在区</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>研判层级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>发现方式</translation>
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
        <source>Situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Personal data is masked: fit to project.</source>
        <translation>个人信息已脱敏显示，可投影。</translation>
    </message>
    <message>
        <source>Status moves</source>
        <translation>状态变更</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>Decided too</source>
        <extracomment>How many similar precedents the meeting compares. A review was saved: (code, review).</extracomment>
        <translation>含已决定</translation>
    </message>
    <message>
        <source>New matter…</source>
        <translation>新事项…</translation>
    </message>
    <message>
        <source>Projector (F11)</source>
        <translation>投影模式（F11）</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>No matter awaits a meeting. Start one with New matter.</source>
        <translation>暂无待研判的事项。请点击“新事项”开始。</translation>
    </message>
    <message>
        <source>Meeting %1 at %2 level · %3</source>
        <translation>第%1次研判 · %2级 · %3</translation>
    </message>
    <message>
        <source> · notes kept at %1</source>
        <translation> · 记录草稿已于 %1 保存</translation>
    </message>
    <message>
        <source> · not saved</source>
        <translation> · 未保存</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
</context>
<context>
    <name>MeetingSaver</name>
    <message>
        <source>Not saved: the departure needs a reason.</source>
        <translation>未保存：与先例不一致须写明理由。</translation>
    </message>
    <message>
        <source>Meeting %1 on %2 saved.</source>
        <translation>已保存 %2 的第%1次研判。</translation>
    </message>
    <message>
        <source>A city-level review is the highest; it cannot go up.</source>
        <translation>市级研判已是最高层级，不能再提交上一级。</translation>
    </message>
    <message>
        <source>Escalate to %1 level</source>
        <translation>提交%1级研判</translation>
    </message>
    <message>
        <source>Why can the %1 level not settle the matter?</source>
        <translation>为什么%1级无法解决此事项？</translation>
    </message>
</context>
<context>
    <name>MinutesReview</name>
    <message>
        <source>Meeting minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>This matter was reviewed at several meetings. Minutes of:</source>
        <translation>此事项已经多次会议研判。生成哪一次会议的纪要：</translation>
    </message>
</context>
<context>
    <name>NewMatterDialog</name>
    <message>
        <source>New matter for the meeting</source>
        <translation>提交研判的新事项</translation>
    </message>
    <message>
        <source>Paste what was reported about the matter. It becomes the situation as it is; what the program reads in it is offered below for the form.</source>
        <translation>粘贴上报的事项情况。原文作为“基本情况”保存；程序从中识别出的信息列在下方，可选用填入表单。</translation>
    </message>
    <message>
        <source>e.g. 陈某某，86岁，丧偶独居，跌倒后生活不能自理，子女均在外地……</source>
        <translation>如：陈某某，86岁，丧偶独居，跌倒后生活不能自理，子女均在外地……</translation>
    </message>
    <message>
        <source>Read the text</source>
        <translation>识别文本</translation>
    </message>
    <message>
        <source>Fill the form…</source>
        <translation>填写表单…</translation>
    </message>
    <message>
        <source>Empty form</source>
        <translation>空白表单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Read in the text (untick what is wrong):</source>
        <translation>从文本中识别出（不正确的请取消勾选）：</translation>
    </message>
    <message>
        <source>Nothing recognised; the form starts with the text only.</source>
        <translation>未识别出信息；表单只带入原文。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所在区</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难情形</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation>政策障碍</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Monthly income</source>
        <translation>月收入</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>发现方式</translation>
    </message>
</context>
<context>
    <name>NotesKeeper</name>
    <message>
        <source>Notes kept for %1 cannot continue: its meeting was decided meanwhile. They stay in the data folder (drafts/meetings).</source>
        <translation>%1 保存的研判记录草稿无法继续：该次会议已作出决定。草稿仍保留在数据文件夹（drafts/meetings）中。</translation>
    </message>
</context>
<context>
    <name>OpinionsModel</name>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>发言内容</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
</context>
<context>
    <name>RecordColumn</name>
    <message>
        <source>Meeting record</source>
        <translation>研判记录</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>提交上一级…</translation>
    </message>
    <message>
        <source>Save meeting</source>
        <translation>保存研判记录</translation>
    </message>
    <message>
        <source>Review again…</source>
        <translation>重新研判…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
</context>
<context>
    <name>ReferencesModel</name>
    <message>
        <source>Use</source>
        <extracomment>The most decision text a row shows before the measures.</extracomment>
        <translation>使用</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Precedent</source>
        <translation>先例</translation>
    </message>
    <message>
        <source>Decision and measures</source>
        <translation>决定与措施</translation>
    </message>
    <message>
        <source>Why similar</source>
        <translation>相似之处</translation>
    </message>
    <message>
        <source>Policy now: %1</source>
        <translation>现行政策：%1</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>尚未决定</translation>
    </message>
</context>
<context>
    <name>ReferencesPanel</name>
    <message>
        <source>Similar precedents</source>
        <extracomment>Widths of the mark and score columns at normal type size.</extracomment>
        <translation>相似先例</translation>
    </message>
    <message>
        <source>Find again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Mark each precedent 参照 (followed) or 参考 (consulted) in the first column.</source>
        <translation>在第一列把先例标为“参照”或“参考”。</translation>
    </message>
    <message>
        <source>The similarity index is still opening: Find again soon.</source>
        <translation>相似度索引正在打开，请稍后点击“重新查找”。</translation>
    </message>
    <message>
        <source>No similar precedent found.</source>
        <translation>未找到相似先例。</translation>
    </message>
    <message>
        <source>None is close: compare with care.</source>
        <translation>没有相近的先例，比较时请慎重。</translation>
    </message>
    <message numerus="yes">
        <source>%n close precedent(s).</source>
        <translation>
            <numerusform>%n 件相近先例。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusMoves</name>
    <message>
        <source>Review again</source>
        <extracomment>The matter as it is after the move.</extracomment>
        <translation>重新研判</translation>
    </message>
    <message>
        <source>Why must the decided matter be reviewed again?</source>
        <translation>已决定的事项为什么需要重新研判？</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 现为“%2”。</translation>
    </message>
</context>
<context>
    <name>WordExportDialog</name>
    <message>
        <source>Use the office template</source>
        <translation>使用本单位公文模板</translation>
    </message>
    <message>
        <source>A Word document with the red header</source>
        <translation>带红头的 Word 文档</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>An unmasked document is recorded in the audit trail with its reason.</source>
        <translation>未脱敏的文书连同理由记入审计日志。</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
</TS>
