"""Cue words that let the engine read structured facts out of a pasted paragraph.

An officer often pastes a paragraph from a report instead of filling in the
form. The paragraph still says 尿毒症 or 独居 or 收入超过低保标准, so a small
table of cues (plain words, or short regular expressions where a word alone is
ambiguous) maps such wording onto the controlled vocabularies. The labels and
synonyms of the vocabulary are cues as well; they are added at run time.

The tables are deliberately small and conservative: an inferred term that is
wrong costs more than one that is missed, because it pulls in precedents that
merely share the wrong label. Text is normalised (simplified characters) first.

Changing a table changes what the index stores, so `CUES_VERSION` is part of the
index fingerprint and a change leads to a rebuild.
"""

from __future__ import annotations

CUES_VERSION = 1


def _words(text: str) -> tuple[str, ...]:
    """Cues are written space-separated to keep the tables readable."""
    return tuple(text.split())


def _table(data: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {label: _words(cues) for label, cues in data.items()}


HARDSHIP_CUES: dict[str, tuple[str, ...]] = _table(
    {
        "重病": (
            "尿毒症 透析 血透 腹透 肾衰 白血病 急淋 急粒 肿瘤 癌 化疗 放疗 "
            "骨髓移植 肾移植 脑梗 脑出血 中风 心脏病 尘肺 淋巴瘤 肉瘤 母细胞瘤 "
            "恶性"
        ),
        "罕见病": (
            "渐冻症 肌萎缩侧索硬化 血友病 戈谢病 庞贝病 成骨不全 瓷娃娃 "
            "脊髓性肌萎缩 苯丙酮尿症 罕见"
        ),
        "重度残疾": (
            "截瘫 偏瘫 截肢 一级残疾 二级残疾 残疾一级 残疾二级 一级肢体 二级肢体 "
            "一级智力 二级智力 智力残疾 盲人 失明 聋哑 脑瘫 脑性瘫痪 植物人 "
            "脊髓损伤"
        ),
        "精神障碍": ("精神分裂 精神病 抑郁症 双相 精神残疾 躁狂"),
        "失能": ("卧床 不能自理 无法自理 半失能"),
        "孤寡": ("无儿无女 无子女 膝下无 丧偶无子"),
        "高龄": ("八旬 九旬 百岁"),
        "无人照护": (
            "空巢 独自生活 独自居住 一人居住 独自一人 无人照料 无人照顾 无人看护 无人照看"
        ),
        "重大变故": (
            "车祸 交通事故 事故 意外 火灾 失火 起火 溺水 落水 失踪 遇难 身亡 坠落 "
            "砸伤 压伤 工伤 被撞 诈骗 骗走 翻船 沉没"
        ),
        "因灾": ("台风 暴雨 洪水 洪涝 山体滑坡 泥石流 地震 冰雹 龙卷风"),
        "因学": ("学费 大学 就学 辍学 高考 中职 高职"),
        "住房困难": ("无房 土坯房 倒塌 无处安身 无处居住 漏雨 棚屋"),
        "单亲": ("离异 离婚 未婚生育 未婚妈妈 独自抚养 丧偶.{0,8}(抚养|孩子|子女|儿子|女儿)"),
        "未成年人": ("患儿 男孩 女孩 男童 女童 幼儿 婴儿 未成年"),
        "支出型贫困": (
            "因病致贫 支出型 借款 负债 举债 借债 医疗费用 治疗费用 康复费用 医药费 自付"
        ),
    }
)

BARRIER_CUES: dict[str, tuple[str, ...]] = _table(
    {
        "收入超标": (
            "超过低保 高于低保 超出低保 略超 略高于低保 超过特困 不符合低保 "
            "收入.{0,12}(超过|高于|超出|略高|略超)"
        ),
        "财产超标": ("多套房 有房有车 (房产|财产|存款|车辆|船舶).{0,8}(超过|超标|计入)"),
        "户籍不符": (
            "非本市户籍 外地户籍 外省 户籍不在 外来务工 外籍 无户籍 没有户籍 户口不在 境外"
        ),
        "有法定赡养人": (
            "赡养义务 法定赡养 "
            "(子女|儿子|女儿|儿女|养子).{0,10}(外地|外省|国外|在外|远在|定居|无力|失联|不管|打工)"
        ),
        "养老金计入收入": ("(养老金|退休金).{0,10}(计入|算作|算入|超过|超标)"),
        "家庭成员合并计算": (
            "合并计算 收入合并 同户 同一户 "
            "户口.{0,6}(在|挂).{0,8}(哥|姐|弟|妹|兄) "
            "随.{0,4}(哥哥|姐姐|弟弟|妹妹|兄长|哥嫂).{0,6}生活"
        ),
        "政策空白": ("没有相应政策 无章可循 无明确政策 没有明确政策"),
        "超出医保范围": (
            "不在医保 医保不报 目录外 医保范围外 超出医保 不能报销 无法报销 全额自费 自费"
        ),
        "年龄不符": ("满18周岁 年满18 超龄 未满60 不满60"),
    }
)

DISCOVERY_CUES: dict[str, tuple[str, ...]] = _table(
    {
        "动态监测预警": ("动态监测 监测预警 预警 大数据比对 大数据"),
        "网格员走访": ("网格员"),
        "敲门行动": ("敲门"),
        "主动申请": ("(主动|本人|自行|前来|上门|向.{1,6})申请"),
        "部门转介": ("转介 移送 通报"),
    }
)

#: Words that place the main person in an age band when no age is written
#: (bands: 0 未成年, 1 青年, 2 中年, 3 老年, 4 高龄).
AGE_BAND_HINTS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (0, _words("婴儿 幼儿 男孩 女孩 男童 女童 患儿 小学生 初中生 中学生")),
    (1, _words("大学生 青年 年轻")),
    (4, _words("高龄 百岁")),
    (3, _words("老人 老太 老汉 老伯 老年")),
)
