"""The statistics screen (统计): the figures reported upward, charted, filtered and exported.

`chart_data` turns `precedents.stats.Figures` into chart specifications,
`charts` draws them with Qt Charts and saves them as pictures, `page` is the
screen itself (filters, summary tiles, charts, export buttons).
"""
