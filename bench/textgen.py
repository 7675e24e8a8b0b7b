"""Deterministic micro-drama-like news text in English and Chinese, for synthetic benchmarks.

Sentences come from templates whose slots draw on a few hundred words, generated names and
series titles and random numbers, so that two unrelated articles share few word pairs (like
real news: unrelated pairs stay under a Jaccard similarity of about 0.1) and a figure such as
"US$120 million" appears in about one sentence in sixteen.
"""

from __future__ import annotations

import itertools
import random

COMPANIES = (
    "ReelShort",
    "DramaBox",
    "ShortMax",
    "FlexTV",
    "GoodShort",
    "Crazy Maple Studio",
    "COL Group",
    "Kuaishou",
    "Douyin",
    "Hongguo",
    "NetShort",
    "MoboReels",
    "DramaWave",
    "Playlet Pictures",
    "Loopy Maple",
    "Storymatrix",
    "Vigloo",
    "TopShort",
    "Tencent Video",
    "iQiyi",
    "Youku",
    "Mango TV",
    "Bilibili",
    "Netflix",
    "Lionsgate",
    "Fox Entertainment",
)
PLACES = (
    "Shanghai",
    "Hangzhou",
    "Beijing",
    "Los Angeles",
    "Jakarta",
    "Seoul",
    "Zhengzhou",
    "Xi'an",
    "Shenzhen",
    "Manila",
    "Bangkok",
    "Singapore",
    "Tokyo",
    "Hengdian",
    "Cannes",
    "Mumbai",
    "Sao Paulo",
    "Dubai",
    "London",
    "Berlin",
    "Toronto",
    "Sydney",
    "Chengdu",
)
ON_TOPIC = ("micro-drama", "micro drama", "short drama", "vertical drama", "microdrama")
NOUNS = (
    "platform",
    "studio",
    "series",
    "episode",
    "regulator",
    "producer",
    "audience",
    "app",
    "market",
    "revenue",
    "subscription",
    "advertiser",
    "screenwriter",
    "actor",
    "director",
    "budget",
    "licence",
    "festival",
    "hub",
    "investor",
    "quarter",
    "download",
    "viewer",
    "creator",
    "format",
    "storyline",
    "cliffhanger",
    "paywall",
    "catalogue",
    "dubbing",
    "slate",
    "franchise",
    "pilot",
    "showrunner",
    "agency",
    "union",
    "contract",
    "campaign",
    "deal",
    "network",
    "channel",
    "rights",
    "sequel",
    "remake",
    "adaptation",
    "casting",
    "premiere",
    "algorithm",
    "feed",
    "creator fund",
    "talent",
    "shoot",
    "set",
    "crew",
    "editor",
    "trailer",
)
VERBS = (
    "reported",
    "announced",
    "expanded",
    "launched",
    "signed",
    "tightened",
    "doubled",
    "acquired",
    "streamed",
    "financed",
    "reviewed",
    "approved",
    "released",
    "promoted",
    "delayed",
    "cancelled",
    "renewed",
    "licensed",
    "dubbed",
    "relaunched",
    "paused",
    "unveiled",
    "restructured",
    "priced",
    "bundled",
    "localised",
    "greenlit",
    "shortlisted",
    "audited",
)
ADJECTIVES = (
    "overseas",
    "domestic",
    "vertical",
    "paid",
    "free",
    "AI-assisted",
    "dubbed",
    "new",
    "record",
    "quarterly",
    "regional",
    "national",
    "licensed",
    "unlicensed",
    "viral",
    "low-budget",
    "premium",
    "serialised",
    "interactive",
    "bilingual",
    "youth",
    "romance",
    "revenge",
    "werewolf",
    "billionaire",
    "historical",
    "urban",
    "rural",
    "mobile-first",
)
SHOW_WORDS = (
    "Secret",
    "Bride",
    "Heir",
    "Revenge",
    "Moon",
    "Alpha",
    "Contract",
    "Destiny",
    "Crown",
    "Mafia",
    "Queen",
    "Return",
    "Divorce",
    "Twins",
    "Empire",
    "Shadow",
    "Promise",
    "Legacy",
    "Storm",
    "Oath",
    "Mirror",
    "Falcon",
    "Lotus",
    "Winter",
    "Golden",
    "Hidden",
    "Lost",
)
FIRST = (
    "Li",
    "Wang",
    "Zhang",
    "Chen",
    "Emma",
    "James",
    "Sofia",
    "Daniel",
    "Mei",
    "Hana",
    "Arjun",
    "Lucas",
    "Olivia",
    "Noah",
    "Yuki",
    "Min-jun",
    "Isabel",
    "Omar",
    "Grace",
    "Victor",
)
LAST = (
    "Zhou",
    "Liu",
    "Huang",
    "Smith",
    "Garcia",
    "Kim",
    "Tanaka",
    "Nguyen",
    "Patel",
    "Brown",
    "Santos",
    "Muller",
    "Rossi",
    "Cohen",
    "Ivanova",
    "Okafor",
    "Lopez",
    "Wu",
    "Sun",
    "Xu",
)
PERIODS = (
    "in the first quarter of 2025",
    "in 2024",
    "last year",
    "in November",
    "in the first half",
    "over the holiday season",
    "this month",
    "in the third quarter",
    "since January",
)
UNITS = ("million", "billion")
FIGURE_SHARE = 0.06  # sentences stating a figure: about two per article
COUNTED = ("jobs", "downloads", "episodes", "subscribers", "viewers", "titles")
OFF_TOPIC = (
    "The city marathon drew {n},000 runners and closed several roads near the {w} river.",
    "Heavy rain is expected across {p}, with flood warnings issued for {n} low-lying areas.",
    "The football club confirmed the signing of {name} on a {n}-year deal.",
    "Local officials in {p} opened a new metro line with {n} stations.",
    "A museum exhibition on {w} ceramics attracted {n},000 visitors in its first week.",
)

ZH_SUBJECTS = (
    "国家广播电视总局",
    "上海市",
    "杭州市",
    "浙江省",
    "各平台",
    "制作机构",
    "行业协会",
    "红果短剧",
    "快手",
    "抖音",
    "横店影视城",
    "网络视听协会",
    "北京市",
    "郑州市",
    "西安市",
    "广东省",
    "四川省",
    "湖南广电",
    "中国传媒大学",
    "腾讯视频",
    "爱奇艺",
    "芒果TV",
    "哔哩哔哩",
    "中文在线",
    "点众科技",
)
ZH_TOPICS = ("微短剧", "网络微短剧", "短剧", "竖屏剧", "小程序剧")
ZH_ACTIONS = (
    "加强监管",
    "发布扶持政策",
    "开展专项整治",
    "推出精品创作计划",
    "上线审核新规",
    "扩大海外发行",
    "举办创作大赛",
    "签署合作协议",
    "设立产业基金",
    "建设拍摄基地",
    "完善备案流程",
    "召开座谈会",
    "启动人才培训",
    "发布年度报告",
    "下架违规作品",
    "约谈重点平台",
    "推进版权保护",
    "组织专家评审",
)
ZH_CLAUSES = (
    "进一步规范行业秩序",
    "推动高质量发展",
    "鼓励优质内容创作",
    "保护未成年人权益",
    "强化平台主体责任",
    "促进文旅融合",
    "提升作品质量",
    "引导行业健康发展",
    "打击低俗内容",
    "助力乡村振兴",
    "讲好中国故事",
    "培育新型业态",
    "拓展消费场景",
    "优化营商环境",
)
ZH_THEMES = (
    "都市情感",
    "古装悬疑",
    "家庭伦理",
    "青春校园",
    "乡村振兴",
    "非遗传承",
    "科幻冒险",
    "职场成长",
    "历史人物",
    "体育竞技",
    "美食文化",
    "红色题材",
    "警匪刑侦",
    "民俗风情",
    "医疗救援",
)
ZH_NAMES = ("张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱")
ZH_GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛")
ZH_OFF_TOPIC = (
    "本市今日天气晴转多云，最高气温{n}度。",
    "地铁{n}号线今天正式开通运营，沿线居民出行更加便利。",
    "马拉松比赛吸引了{n}万多名选手参加。",
    "{name}在博物馆举办个人书画展，展出作品{n}件。",
)


_FUNCTION_WORDS = ("the", "of", "and", "to", "in", "a", "for", "with", "on", "as", "by", "at")
_SYLLABLES = (
    "ka",
    "ro",
    "ne",
    "ti",
    "mar",
    "ven",
    "lo",
    "sa",
    "dre",
    "qui",
    "bel",
    "to",
    "rin",
    "ga",
    "pho",
    "len",
    "mi",
    "tur",
    "vas",
    "cel",
    "do",
    "fe",
    "nor",
    "zu",
)
_HAN = (
    "国家发展产业市场平台内容创作用户视频观众制作公司剧集作品文化网络规模收入增长监管政策"
    "管理服务数据技术创新合作项目投资城市地区企业行业标准质量审核传播影视演员导演编剧故事人物"
)


def _zipf_vocabulary(words: list[str]) -> tuple[list[str], list[float]]:
    """The words and their cumulative Zipf weights (rank r has weight 1/r)."""
    return words, list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))


def _pseudo_words() -> list[str]:
    rng = random.Random(7)
    made = sorted({"".join(rng.choices(_SYLLABLES, k=rng.randint(2, 3))) for _ in range(6000)})
    rng.shuffle(made)
    return list(_FUNCTION_WORDS) + made[:4000]


def _han_words() -> list[str]:
    rng = random.Random(8)
    made = sorted({"".join(rng.choices(_HAN, k=2)) for _ in range(5000)})
    rng.shuffle(made)
    return made[:3000]


EN_VOCAB = _zipf_vocabulary(_pseudo_words())
ZH_VOCAB = _zipf_vocabulary(_han_words())


def detail(rng: random.Random, language: str) -> str:
    """A clause of Zipf-distributed filler words: the long tail real articles have."""
    words, weights = EN_VOCAB if language == "en" else ZH_VOCAB
    chosen = rng.choices(words, cum_weights=weights, k=rng.randint(5, 10))
    return " ".join(chosen) if language == "en" else "".join(chosen)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _show(rng: random.Random) -> str:
    first, second = rng.sample(SHOW_WORDS, 2)
    return f"The {first} {second}"


def _figure(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"US${rng.randint(2, 980)} {rng.choice(UNITS)}"
    return f"{rng.randint(2, 99)}.{rng.randint(1, 9)} million {rng.choice(COUNTED)}"


def _fill(rng: random.Random) -> dict[str, str]:
    return {
        "c": rng.choice(COMPANIES),
        "o": rng.choice(COMPANIES),
        "p": rng.choice(PLACES),
        "t": rng.choice(ON_TOPIC),
        "n1": rng.choice(NOUNS),
        "n2": rng.choice(NOUNS),
        "v": rng.choice(VERBS),
        "v2": rng.choice(VERBS),
        "a": rng.choice(ADJECTIVES),
        "a2": rng.choice(ADJECTIVES),
        "name": _name(rng),
        "show": _show(rng),
        "per": rng.choice(PERIODS),
        "num": str(rng.randint(3, 400)),
    }


EN_TEMPLATES = (
    "{c} {v} a {a} {t} {n1} in {p} {per}.",
    "{name}, who runs the {a} {n1} team at {c}, said the {n2} had been {v} after {show}.",
    "The {a} {n1} behind {show} {v} its {n2} in {p}, people familiar with the plan said.",
    "Analysts said the {a} {n1} of {c} {v} as {o} {v2} its {a2} {n2}.",
    "In {p}, {num} {a} {n1}s {v} {per}, a spokesperson for {o} said.",
    "{show}, a {num}-episode {t}, was {v} by {c} for {a2} audiences.",
    "{name} told reporters the {n1} would be {v} once the {a} {n2} was {v2}.",
    "Regulators in {p} {v} {num} {a} {n1}s and asked {c} to review its {n2}.",
    "{c} and {o} {v} a {a} {n1} that covers {num} {a2} titles.",
    "Producers in {p} say a {t} costs a fraction of a {a} {n1}, and shoots in {num} days.",
    "The {n1} for {show} was written by {name} and {v} {per}.",
    "Competition between {c} and {o} for {a} {n1}s has {v} since {name} joined.",
)


def english_sentence(rng: random.Random, *, on_topic: bool = True) -> str:
    """One news-like English sentence about the micro-drama industry (or off topic)."""
    slots = _fill(rng)
    if not on_topic:
        return rng.choice(OFF_TOPIC).format(
            n=rng.randint(2, 90), w=rng.choice(ADJECTIVES), p=slots["p"], name=slots["name"]
        )
    if rng.random() < FIGURE_SHARE:
        return (
            f"The {slots['t']} {slots['n1']} of {slots['c']} reached {_figure(rng)} {slots['per']}."
        )
    sentence = rng.choice(EN_TEMPLATES).format(**slots)
    return f"{sentence[:-1]}, {detail(rng, 'en')}."


def _zh_fill(rng: random.Random) -> dict[str, str]:
    return {
        "s": rng.choice(ZH_SUBJECTS),
        "s2": rng.choice(ZH_SUBJECTS),
        "t": rng.choice(ZH_TOPICS),
        "a": rng.choice(ZH_ACTIONS),
        "a2": rng.choice(ZH_ACTIONS),
        "c": rng.choice(ZH_CLAUSES),
        "th": rng.choice(ZH_THEMES),
        "th2": rng.choice(ZH_THEMES),
        "n": str(rng.randint(2, 900)),
        "name": rng.choice(ZH_NAMES) + rng.choice(ZH_GIVEN) + rng.choice(ZH_GIVEN),
    }


ZH_TEMPLATES = (
    "{s}{a}，{c}。",
    "据{s}介绍，今年以来共有{n}部{th}题材{t}上线，下一步将{a}。",
    "{name}表示，{t}创作要{c}，{s2}将{a2}。",
    "在{s}的支持下，{n}家制作机构参与{th}{t}创作，{c}。",
    "{s}与{s2}{a}，围绕{th}和{th2}题材{c}。",
    "业内人士{name}认为，{th}类{t}正在{c}，但仍需{a}。",
    "{s}日前{a2}，要求各平台{c}，并对{n}部作品进行复核。",
)


def chinese_sentence(rng: random.Random, *, on_topic: bool = True) -> str:
    """One news-like Simplified Chinese sentence about 微短剧 (or off topic)."""
    slots = _zh_fill(rng)
    if not on_topic:
        return rng.choice(ZH_OFF_TOPIC).format(n=slots["n"], name=slots["name"])
    if rng.random() < FIGURE_SHARE:
        size = f"{rng.randint(20, 900)}.{rng.randint(1, 9)}亿元"
        return f"{slots['s']}{slots['t']}市场规模达到{size}，{slots['c']}。"
    sentence = rng.choice(ZH_TEMPLATES).format(**slots)
    return f"{sentence[:-1]}，{detail(rng, 'zh')}。"


def sentence(rng: random.Random, language: str) -> str:
    """An on-topic sentence in ``language`` ("en" or "zh")."""
    return chinese_sentence(rng) if language == "zh" else english_sentence(rng)


def paragraph(rng: random.Random, language: str, *, on_topic: bool = True) -> str:
    """A paragraph of 3-6 sentences (English) or 3-5 (Chinese)."""
    if language == "zh":
        return "".join(chinese_sentence(rng, on_topic=on_topic) for _ in range(rng.randint(3, 5)))
    return " ".join(english_sentence(rng, on_topic=on_topic) for _ in range(rng.randint(3, 6)))


def title(rng: random.Random, language: str, *, on_topic: bool = True) -> str:
    """A headline."""
    if language == "zh":
        sentence = chinese_sentence(rng, on_topic=on_topic)
        return sentence.split("，")[0].rstrip("。")
    if not on_topic:
        return english_sentence(rng, on_topic=False).split(",")[0].rstrip(".")
    slots = _fill(rng)
    return f"{slots['c']} {slots['v']} {slots['a']} {slots['t']} {slots['n1']} in {slots['p']}"
