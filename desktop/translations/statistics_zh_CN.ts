<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartView</name>
    <message>
        <source>%1: nothing in this period</source>
        <translation>%1：本期没有数据</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All districts</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>All matters</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>自定日期</translation>
    </message>
</context>
<context>
    <name>StatisticsCharts</name>
    <message>
        <source>Hardships most often seen</source>
        <translation>常见困难情形</translation>
    </message>
    <message>
        <source>Policy barriers most often seen</source>
        <translation>常见政策障碍</translation>
    </message>
    <message>
        <source>New matters</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <source>Cases solved</source>
        <translation>解决个案</translation>
    </message>
    <message>
        <source>New matters and cases solved per month</source>
        <translation>每月新增事项与解决个案</translation>
    </message>
    <message>
        <source>matters</source>
        <translation>件</translation>
    </message>
    <message>
        <source>New matters and cases solved per district</source>
        <translation>各区新增事项与解决个案</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Assistance measures decided</source>
        <translation>救助措施次数</translation>
    </message>
    <message>
        <source>Times decided</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <source>Amounts of assistance (10,000 yuan)</source>
        <translation>救助金额（万元）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额合计</translation>
    </message>
    <message>
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Days from filing to decision, by the highest review level</source>
        <translation>从提出到决定的天数（按最高研判层级）</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Review levels</source>
        <translation>研判层级</translation>
    </message>
    <message>
        <source>Highest level of solved cases</source>
        <translation>解决个案的最高研判层级</translation>
    </message>
    <message>
        <source>Case meetings held</source>
        <translation>研判会议</translation>
    </message>
    <message>
        <source>matters / meetings</source>
        <translation>件 / 次</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Charts as PNG…</source>
        <translation>图表存为图片…</translation>
    </message>
    <message>
        <source>Summary for Word…</source>
        <translation>工作情况统计（Word）…</translation>
    </message>
    <message>
        <source>New matters</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <source>Hard cases solved</source>
        <translation>解决疑难个案</translation>
    </message>
    <message>
        <source>Assistance paid</source>
        <translation>救助金额合计</translation>
    </message>
    <message>
        <source>Median days to decision</source>
        <translation>办结天数中位数</translation>
    </message>
    <message>
        <source>Policies adopted (from patterns)</source>
        <translation>施行普惠政策（其中由规律转化）</translation>
    </message>
    <message>
        <source>Thresholds lowered</source>
        <translation>降低门槛（项）</translation>
    </message>
    <message>
        <source>%1, %2. New matters count by filing date; solved cases, measures and days by decision date; policies by the date they took effect.</source>
        <translation>%1，%2。新增事项按提出日期统计；解决个案、救助措施和办理天数按决定日期统计；普惠政策按施行日期统计。</translation>
    </message>
    <message>
        <source>Writing the Excel workbook…</source>
        <translation>正在写出 Excel 工作簿…</translation>
    </message>
    <message numerus="yes">
        <source>%n chart(s) saved in %1</source>
        <translation>
            <numerusform>已将 %n 张图表保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>正在写出工作情况统计…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写出：%1</translation>
    </message>
</context>
<context>
    <name>StatsFiles</name>
    <message>
        <source>Export the figures to Excel</source>
        <translation>把统计数字导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the summary to Word</source>
        <translation>把工作情况统计导出为 Word</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Save the charts as PNG pictures in</source>
        <translation>把图表存为 PNG 图片，保存到</translation>
    </message>
</context>
</TS>
