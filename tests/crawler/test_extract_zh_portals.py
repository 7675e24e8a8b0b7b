"""Chinese pages of shapes the extractor has not been tuned on: commercial portals, tech media,
WeChat and Baijiahao articles, bureau, association and court notices, interviews, rankings,
traditional characters and pages whose charset the server and the page disagree on.

Every page (``tests/fixtures/zh-portals``) is decoded as the spiders decode it, then read by
:func:`extract_article`; the title must be exact, the date exact or absent when the page states
none, the body's key sentences present, the page's chrome absent, and the page stored as an
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawler.extract import extract_article
from crawler.spiders.base import page_html

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "zh-portals"
CST = timezone(timedelta(hours=8))
HTML = "text/html"
# Bytes read in the wrong charset: replacement characters, Latin-1 letters, GB18030 reading
# of UTF-8 (its three-byte sequences come out as these rare characters).
_MOJIBAKE_RE = re.compile(r"[\ufffd\u00c0-\u00ff]|鍙|鐭|鏂|浜|鍖|鎴|銆")


@dataclass(frozen=True)
class Case:
    """One probe page and what extraction must find in it."""

    file: str
    url: str
    title: str
    date: str | None  # "YYYY-MM-DD HH:MM[:SS]" (China time), "YYYY-MM-DD" or None (no date)
    present: tuple[str, ...]
    absent: tuple[str, ...]
    content_type: str = "text/html; charset=utf-8"


CASES = [
    Case(
        "sina-ent.html",
        "https://ent.sina.com.cn/tv/zy/2025-03-10/doc-inaxyz1234567.shtml",
        "短剧平台争抢头部编剧：单集稿费涨至万元",
        "2025-03-10 10:30",
        ("头部编剧的单集稿费已从去年的两三千元涨至万元左右", "中小制作公司的压力将进一步加大"),
        (
            "责任编辑",
            "扫码下载",
            "相关新闻",
            "微短剧演员片酬调查",
            "编剧终于熬出头了",
            "热点推荐",
            "某顶流官宣新剧",
            "限时优惠",
            "版权所有",
            "我要评论",
        ),
    ),
    Case(
        "netease-ent.html",
        "https://www.163.com/ent/article/JQ1ABCDE00038FO9.html",
        "短剧还能火多久？业内人士：至少还有三年！",
        "2025-03-10 10:30",
        ("首次超过内地电影票房", "精品化、品牌化才是下一阶段的竞争焦点"),
        (
            "本文来源",
            "责任编辑",
            "热门跟贴",
            "网友评论仅供其表达个人看法",
            "热门推荐",
            "某女星新剧",
            "下载网易新闻客户端",
            "分享到",
        ),
    ),
    Case(
        "sohu-hao.html",
        "https://www.sohu.com/a/870123456_121123456",
        "微短剧出海——从“卖剧”到“卖模式”",
        "2025-03-10 10:30",
        ("正在从“卖剧”转向“卖模式”", "对国内团队的跨文化管理能力提出了更高要求"),
        (
            "返回搜狐",
            "平台声明",
            "小编最近文章",
            "短剧投流成本再创新高",
            "推荐阅读",
            "东南亚用户付费习惯",
            "我来说两句",
            "阅读 (1.2万)",
        ),
    ),
    Case(
        "ifeng-video.html",
        "https://ent.ifeng.com/c/8hAbCdEfGh1",
        "《家里家外》爆火背后：一部短剧如何拍出年代感",
        "2025-03-10 10:30:12",
        ("上线一周播放量突破二十亿次", "关键在于创作者是否愿意沉下心来打磨内容"),
        ("视频加载中", "00:01:32", "特别声明", "热点推荐", "年代剧为何再度走红", "文明上网"),
    ),
    Case(
        "qq-news.html",
        "https://new.qq.com/rain/a/20250310A01ABC00",
        "红果短剧月活用户破亿，免费模式改写行业格局",
        "2025-03-10 10:30",
        ("成为短剧领域首个月活过亿的独立应用", "精品剧的回本周期有所拉长"),
        ("扫码下载腾讯新闻APP", "免责声明", "相关阅读", "抖音短剧新规解读", "24小时热文"),
    ),
    Case(
        "sina-gallery.html",
        "https://slide.news.sina.com.cn/c/slide_1_86058_612345.html",
        "高清图集：走进横店短剧拍摄基地",
        "2025-03-10 10:30",
        (
            "每天有上百个短剧剧组在此开机",
            "一天要为十几名演员化妆",
            "他们中不少人同时在多个剧组工作",
        ),
        ("上一图集", "热门图集", "春天的花海", "查看原图"),
    ),
    Case(
        "36kr-article.html",
        "https://36kr.com/p/3201234567890123",
        "微短剧出海的下半场：本地化、AI与合规",
        "2025-03-10 10:30",
        ("收入超过10亿美元", "本地化制作成为标配", "隐私保护和未成年人保护方面的要求"),
        (
            "未经授权禁止转载",
            "36氪作者",
            "打赏",
            "关注36氪公众号",
            "相关推荐",
            "ReelShort的增长秘诀",
            "京ICP备",
        ),
    ),
    Case(
        "36kr-newsflash.html",
        "https://36kr.com/newsflashes/3201234567890124",
        "红果短剧日活跃用户数突破1亿",
        "2025-03-10 10:30",
        ("红果短剧日活跃用户数已突破1亿，较去年同期增长超过两倍",),
        ("最新快讯", "某AI公司完成新一轮融资", "原文链接", "分享至"),
    ),
    Case(
        "huxiu-article.html",
        "https://www.huxiu.com/article/4123456.html",
        "短剧公司的钱，都被投流吃掉了",
        "2025-03-10 10:30",
        ("投流成本要占到充值流水的八到九成", "还很难撼动付费短剧的主导地位"),
        ("不代表虎嗅立场", "如对本稿件有异议或投诉", "赞赏", "相关推荐", "写下你的评论"),
    ),
    Case(
        "jiemian-article.html",
        "https://www.jiemian.com/article/12345678.html",
        "短剧演员片酬调查：“日薪过万”只属于少数人",
        "2025-03-10 10:30",
        ("能拿到这个价格的演员屈指可数", "是决定其长期收入的关键"),
        ("未经正式授权严禁转载", "打开界面新闻APP", "相关阅读", "短剧编剧收入调查", "你怎么看"),
    ),
    Case(
        "thepaper-article.html",
        "https://www.thepaper.cn/newsDetail_forward_30312345",
        "上海出台措施扶持精品微短剧，单部最高补贴100万元",
        "2025-03-10 10:30",
        ("给予最高100万元的补贴", "吸引更多优秀创作者和企业落户上海"),
        (
            "责任编辑",
            "澎湃新闻报料",
            "未经授权不得转载",
            "扫码下载澎湃新闻客户端",
            "微短剧管理新规出台",
            "写评论",
        ),
    ),
    Case(
        "wechat-rendered.html",
        "https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOp",
        "一图读懂：《关于进一步加强网络微短剧管理的通知》",
        "2025-03-10 10:30",
        ("未经审核的作品一律不得上线", "鼓励创作更多反映现实生活、弘扬正能量的精品短剧"),
        (
            "点击蓝字",
            "关注我们",
            "往期推荐",
            "短剧备案新规十问十答",
            "在看",
            "长按识别二维码",
            "阅读原文",
            "微信扫一扫",
            "写留言",
            "编辑：小周",
        ),
    ),
    Case(
        "wechat-script-date.html",
        "https://mp.weixin.qq.com/s/QrStUvWxYz123456",
        "短剧版权保护，平台该担什么责？",
        "2025-03-10",
        ("一部热门短剧上线后", "第一时间固定证据并发出通知"),
        ("阅读原文", "点赞、转发、在看三连", "- END -"),
    ),
    Case(
        "baijiahao.html",
        "https://baijiahao.baidu.com/s?id=1826123456789012345&wfr=spider&for=pc",
        "短剧“霸总”退潮，现实题材接棒",
        "2025-03-10 10:30",
        (
            "取而代之的，是一批聚焦家庭、职场和乡村的现实题材作品",
            "未来短剧的竞争将更多地回到内容本身",
        ),
        (
            "举报/反馈",
            "作者最新文章",
            "本周短剧新片速递",
            "热搜榜",
            "使用百度前必读",
            "优质影视领域创作者",
        ),
    ),
    Case(
        "people-culture.html",
        "http://culture.people.com.cn/n1/2025/0310/c1013-40123456.html",
        "微短剧“小切口”如何讲好“大时代”",
        "2025-03-10 10:30",
        ("如何在有限的时长里讲好时代故事", "在题材和表达上不断创新"),
        ("责编", "分享让更多人看到", "相关新闻", "微短剧创作研讨会召开", "人 民 网"),
    ),
    Case(
        "cctv-news.html",
        "https://news.cctv.com/2025/03/10/ARTIabcdefg250310.shtml",
        "文旅部门联合短剧平台推出“跟着微短剧去旅行”",
        "2025-03-10 10:30",
        ("共有50部作品入选", "实现了文化传播和经济效益的双赢"),
        ("责任编辑", "分享到", "微短剧带火小城旅游", "热点新闻", "字号"),
    ),
    Case(
        "chinanews.html",
        "https://www.chinanews.com.cn/cul/2025/03-10/10380001.shtml",
        "浙江发布微短剧产业发展行动方案",
        "2025-03-10 10:30",
        ("提出到2027年全省微短剧产业规模突破200亿元", "建立从业人员培训体系"),
        ("【编辑:王琴】", "更多精彩内容请进入", "短剧产业园落户杭州", "不代表中新社", "参与互动"),
    ),
    Case(
        "gd-bureau-attach.html",
        "https://gbdsj.gd.gov.cn/zwgk/tzgg/content/post_4612345.html",
        "广东省广播电视局关于开展2025年度优秀网络微短剧推选活动的通知",
        "2025-03-10",
        ("现将有关事项通知如下", "于2025年4月15日前报送", "联系人：陈工"),
        (
            "打印本页",
            "关闭窗口",
            "扫一扫在手机打开当前页",
            "上一篇",
            "下一篇",
            "春节期间广播电视安全播出",
            "浏览次数",
            "网站标识码",
        ),
    ),
    Case(
        "zj-bureau-news.html",
        "https://gdj.zj.gov.cn/art/2025/3/10/art_1229251234_58912345.html",
        "省局召开网络微短剧行业座谈会",
        "2025-03-10 10:30",
        ("全省三十余家微短剧制作机构", "推动全省微短剧产业健康有序发展"),
        ("分享到", "打印本页", "相关信息", "全省广播电视工作会议召开"),
    ),
    Case(
        "cnsa-announcement.html",
        "http://www.cnsa.cn/home/infom/notice_detail/id/123.html",
        "中国网络视听节目服务协会关于发布《网络微短剧内容审核细则（2025修订版）》的公告",
        "2025-03-10",
        ("自发布之日起施行", "切实提高审核质量"),
        ("点击量", "友情链接", "版权所有"),
    ),
    Case(
        "court-cases.html",
        "https://www.a-court.gov.cn/xxfb/no1court_412/docs/202503/d_3512345.html",
        "上海一中院发布微短剧著作权纠纷典型案例",
        "2025-03-10 10:30:15",
        ("发布五起微短剧著作权纠纷典型案例", "平台应当履行必要的审核义务"),
        ("打印", "关闭", "版权所有"),
    ),
    Case(
        "interview-qa.html",
        "http://www.cnsa.cn/home/industry/detail/id/5678.html",
        "微短剧如何“出海”？——访中国网络视听节目服务协会有关负责人",
        "2025-03-10 10:30",
        (
            "当前微短剧出海呈现哪些特点？",
            "主要是文化差异和合规风险",
            "为企业提供政策咨询、版权保护和海外推介等服务",
        ),
        ("责任编辑", "上一篇", "下一篇", "网络视听大会将于4月举行"),
    ),
    Case(
        "xinhua-urldate.html",
        "http://www.news.cn/culture/2025-03/10/c_1130312345.htm",
        "微短剧带动取景地文旅消费升温",
        "2025-03-10",
        ("不少取景地迎来了慕名而来的游客", "需要持续打造优质内容和配套服务"),
        ("责任编辑", "纠错", "分享到", "热点推荐一"),
    ),
    Case(
        "gov-turldate.html",
        "http://www.gd.gov.cn/gdywdt/bmdt/t20250310_4612345.htm",
        "省广电局推动微短剧与乡村振兴融合发展",
        "2025-03-10",
        ("鼓励创作者深入乡村", "推动优秀作品在主流平台播出"),
        ("相关稿件", "省广电局召开年度工作会议", "字号", "打印"),
    ),
    Case(
        "table-pubdate.html",
        "https://gdj.sc.gov.cn/scgdj/tzgg/article.shtml?id=8c7f2a",
        "四川省广播电视局关于公布第二批重点网络微短剧创作项目的通知",
        "2025-03-10",
        ("确定《蜀道》等十二个项目为第二批重点网络微短剧创作项目", "确保项目按期完成"),
        ("有效性", "打印本页"),
    ),
    Case(
        "date-before-source.html",
        "http://news.china.com.cn/txt/content_117123456.shtml",
        "国家广电总局：春节档微短剧播放量同比增长三成",
        "2025-03-10 10:30",
        ("合家欢题材作品表现突出", "鼓励更多贴近生活、温暖人心的作品"),
        ("责任编辑", "分享到", "春节档电影票房创新高", "webmaster"),
    ),
    Case(
        "updated-first.html",
        "http://jsgd.jiangsu.gov.cn/art/xw/45678.html",
        "江苏出台微短剧审核备案工作指引",
        "2025-03-10 10:30",
        ("平台不得上线未备案作品", "审核记录保存等作出具体规定"),
        ("更新时间", "【打印】"),
    ),
    Case(
        "published-updated.html",
        "https://www.oeeee.com/mp/a/BAAFRD00002025031012345.html",
        "短剧平台未成年人保护专项行动启动",
        "2025-03-10 10:30",
        ("重点整治诱导未成年人充值、推送不良内容等问题", "需要从产品层面加以约束"),
        ("报料热线", "相关阅读", "网络游戏防沉迷新规", "更新于"),
    ),
    Case(
        "mixed-en-zh.html",
        "https://www.tmtpost.com/7412345.html",
        "ReelShort收入突破10亿美元：Crazy Maple Studio的“出海”打法",
        "2025-03-10 10:30",
        (
            "稳居海外短剧应用收入榜首",
            "We are building a new kind of Hollywood for mobile.",
            "CPI（单次安装成本）较去年上涨约30%",
        ),
        (
            "授权钛媒体发表",
            "下载钛媒体App",
            "Related",
            "DramaBox获新一轮融资",
            "All rights reserved",
        ),
    ),
    Case(
        "hk-big5.html",
        "https://inews.hket.com/article/3912345",
        "港產微短劇進軍內地市場 業界盼「北上」分一杯羹",  # its ideographic space read as a space
        "2025-03-10 10:30",
        ("內地微短劇市場規模去年突破五百億元人民幣", "需要適應內地的審查及備案制度"),
        ("訂閱我們的電子報", "相關文章", "港產片票房回顧", "版權所有"),
        HTML,
    ),
    Case(
        "tw-big5-undeclared.html",
        "https://udn.com/news/story/7266/8591234",
        "台灣微短劇產業起步 文化部補助首批作品",
        "2025-03-10 10:30",
        ("共有八部作品獲得補助", "必須以海外市場為目標"),
        ("訂閱《聯合報》電子報", "延伸閱讀", "串流影音平台搶占市場", "著作權所有"),
        HTML,
    ),
    Case(
        "fullwidth-digits.html",
        "http://gdj.shanxi.gov.cn/zwgk/tzgg/detail.shtml?id=9912345",
        "关于２０２５年第一批网络微短剧备案情况的通报",
        "2025-03-10",
        ("全省共完成网络微短剧备案１２６部", "省局已要求相关机构限期整改"),
        ("打印本页", "关闭窗口"),
    ),
    Case(
        "long-report.html",
        "https://culture.gmw.cn/2025-03/10/content_37912345.htm",
        "《2024年度中国微短剧行业发展报告》发布：市场规模突破五百亿元",
        "2025-03-10 10:30",
        (
            "对过去一年微短剧行业的发展情况进行了全面梳理",
            "一、市场规模持续扩大",
            "三、产业链条日趋完善",
            "据测算，微短剧行业直接和间接带动的就业岗位超过一百万个。",
            "五、未来发展趋势",
            "报告由多家研究机构联合编写，历时半年完成。",
        ),
        ("责编", "分享到", "阅读剩余全文", "相关阅读", "网络视听大会前瞻"),
    ),
    Case(
        "ranking-paras.html",
        "https://www.ysdushe.com/rank/drama-hot-feb.html",
        "2月微短剧热度榜出炉：《家里家外》登顶，《好一个乖乖女》第二",
        "2025-03-10 10:30",
        (
            "以下是完整榜单",
            "1.《家里家外》（红果短剧）",
            "10.《我的归途有风》（芒果TV）",
            "讲述返乡青年创业的故事",
            "数据统计时间为2月1日至2月28日",
        ),
        ("只说真话", "上一篇", "往期榜单", "2025年1月微短剧热度榜"),
    ),
    Case(
        "ranking-list.html",
        "https://www.duanju-guancha.cn/rank/week10.html",
        "微短剧周榜｜第10周：年代剧霸榜，甜宠题材回暖",
        "2025-03-10 10:30",
        (
            "年代题材作品继续霸榜",
            "《家里家外》（红果短剧）",
            "《我的归途有风》（芒果TV）",
            "仅供参考",
        ),
        ("热门文章", "短剧行业观察", "分享到"),
    ),
    Case(
        "short-transmittal.html",
        "https://gbdsj.henan.gov.cn/tzgg/content_3123456.html",
        "河南省广播电视局关于转发《网络微短剧管理实施细则》的通知",
        "2025-03-10",
        (
            "各省辖市文化广电和旅游局：",
            "现将《网络微短剧管理实施细则》转发给你们，请认真贯彻落实。",
        ),
        ("最新公告", "关于开展广播电视安全播出检查的通知", "浏览次数", "打印本页"),
    ),
    Case(
        "column-slogan.html",
        "https://news.iqilu.com/wenyu/5812345.shtml",
        "【短剧观察】短剧用户为何越来越“老”？",
        "2025-03-10 10:30",
        ("五十岁以上的短剧用户占比已经接近三成", "保障其合法权益"),
        (
            "每周一篇，带你看懂短剧行业",
            "有态度的文娱评论",
            "新闻热线",
            "报料邮箱",
            "免责声明",
            "上一篇",
            "短剧编剧的一天",
        ),
    ),
    *(
        Case(
            file,
            "http://hebei.hebnews.cn/content_9312345.htm",
            "河北出台措施支持微短剧产业发展" + suffix,
            "2025-03-10 10:30:15",
            ("鼓励各地依托文旅资源打造微短剧拍摄基地", "为剧组提供场地协调、手续办理等便利"),
            ("我要纠错", "责任编辑", "热点推荐", "石家庄今春首场招聘会", "版权所有"),
            content_type,
        )
        for file, suffix, content_type in (
            ("gbk-header-utf8.html", "", "text/html; charset=utf-8"),
            ("gbk-header-latin1.html", "", "text/html; charset=ISO-8859-1"),
            ("gb18030-undeclared.html", "（𠮷城篇）", HTML),
            ("utf8-header-gbk.html", "", "text/html; charset=GBK"),
            ("gbk-header-utf8-undeclared.html", "", "text/html; charset=utf-8"),
        )
    ),
    Case(
        "bjnews.html",
        "https://www.bjnews.com.cn/detail/1741573800123456.html",
        "短剧“擦边”广告仍在投放，平台回应：将加强审核",
        "2025-03-10 10:30",
        ("部分短剧的投放广告仍存在“擦边”内容", "对违规账号予以处罚"),
        ("编辑 陈静", "校对", "版权声明", "分享到", "短剧投流乱象调查", "报料热线"),
    ),
    Case(
        "video-news.html",
        "https://www.kankanews.com/detail/AbCdEf123",
        "视频｜横店短剧群演：一天跑五个剧组",
        "2025-03-10 10:30",
        ("最多时一天要跑五个剧组，收入比拍长剧时高出不少",),
        ("视频加载中", "全屏", "更多视频", "短剧片场的一天"),
    ),
    Case(
        "prev-next-notice.html",
        "http://gbdsj.hunan.gov.cn/gsgg/content_2.html",
        "湖南省广播电视局网络微短剧创作扶持项目评审结果公示",
        "2025-03-10",
        (
            "拟确定《湘江北去》等十个项目",
            "如有异议，请以书面形式向省局反映",
            "联系电话：0731-12345678",
        ),
        ("上一篇", "下一篇", "2024年度全省广播电视节目评析结果", "打印本页"),
    ),
    Case(
        "dotted-date.html",
        "https://www.dsb.cn/news/258123.html",
        "快手星芒短剧发布2025年扶持计划",
        "2025-03-10 10:30",
        ("将拿出十亿流量和一亿元现金扶持优质短剧创作者", "把短剧做得更精、更好看"),
        ("标签", "相关文章", "抖音短剧新政解读", "版权所有"),
    ),
    Case(
        "source-first.html",
        "https://culture.gmw.cn/content_37912399.htm",
        "短剧行业协会成立 首批会员单位超百家",
        "2025-03-10 10:30",
        ("首批会员单位超过一百家", "抵制低俗内容"),
        ("责编", "版权所有"),
    ),
    Case(
        "trs-contentstart.html",
        "http://gdj.shaanxi.gov.cn/tzgg/content_123.html",
        "关于征集2025年网络视听精品创作项目的通知",
        "2025-03-10 10:30",
        ("各市（区）文化和旅游局（广电局），各有关单位：", "请于2025年4月20日前将申报材料报送"),
        ("打印", "关闭", "陕ICP备"),
    ),
    Case(
        "qa-wenda.html",
        "https://www.nrta.gov.cn/col/c2/detail.html?id=70123",
        "《网络微短剧管理细则》答记者问",
        "2025-03-10 10:30",
        ("问：出台《细则》的背景是什么？", "一是明确分类分层审核要求", "确保各项要求落到实处"),
        ("分享到", "打印本页", "关闭窗口"),
    ),
    Case(
        "ranking-links-ul.html",
        "https://www.yingshizixun.cn/news/4567.html",
        "总局公布2025年第一季度优秀网络微短剧推荐名单",
        "2025-03-10 10:30",
        ("共有8部作品入选", "《家里家外》", "《深情诱引》", "在宣传推广、平台推荐等方面给予支持"),
        ("热门资讯", "春节档短剧盘点"),
    ),
    Case(
        "gb2312-header-rare.html",
        "https://ent.example.com.cn/music/8123.html",
        "陶喆献唱短剧主题曲 镕铸经典再出发",
        "2025-03-10 10:30",
        ("歌手陶喆近日为一部年代题材微短剧献唱主题曲", "提升短剧的整体品质"),
        ("版权所有",),
        "text/html; charset=gb2312",
    ),
    Case(
        "chinadaily-en.html",
        "https://www.chinadaily.com.cn/a/202503/10/WS67ce1234a310c240449d1234.html",
        "Micro-dramas find a global audience",
        "2025-03-10 10:30",
        (
            "Chinese micro-dramas (微短剧), vertical series",
            "topped the US entertainment app charts",
            "The format fits the way people watch on their phones",
        ),
        ("Related Stories", "Short dramas boost tourism", "Copyright", "Share:"),
    ),
    Case(
        "netease-hao.html",
        "https://www.163.com/dy/article/JQ2ABCDE0517BE7A.html",
        "短剧制作成本大揭秘：一部百集短剧要花多少钱？",
        "2025-03-10 10:30",
        ("得到的答案从三十万元到两百万元不等", "拍摄周期一般为七到十天"),
        ("特别声明", "网易号", "下一篇", "短剧出海调查"),
    ),
    Case(
        "sina-finance.html",
        "https://finance.sina.com.cn/stock/relnews/cn/2025-03-10/doc-inaxyz7654321.shtml",
        "中文在线：海外短剧平台ReelShort收入持续增长",
        "2025-03-10 10:30",
        ("公司旗下海外短剧平台ReelShort收入持续增长", "中文在线股价报收25.36元，上涨3.2%"),
        ("新浪财经APP", "行情图", "责任编辑", "相关阅读", "短剧概念股盘点"),
    ),
    Case(
        "thepaper-hao.html",
        "https://www.thepaper.cn/newsDetail_forward_30312399",
        "县城里的短剧剧组",
        "2025-03-10 10:30",
        ("一家短剧公司租下了整栋办公楼", "带动了数百人就业"),
        ("澎湃号作者", "申请澎湃号", "相关推荐", "短剧在县城"),
    ),
    Case(
        "original-title.html",
        "http://www.ce.cn/culture/gd/202503/10/t20250310_39312345.shtml",
        "微短剧“出圈”更要“出彩”",
        "2025-03-10 10:30",
        ("微短剧凭借“短平快”的特点迅速走红", "用好故事赢得观众"),
        ("原标题", "责任编辑", "互联网新闻信息服务许可证"),
    ),
    Case(
        "written-published.html",
        "https://gdj.fujian.gov.cn/zwgk/zcwj/content_8812.htm",
        "福建省广播电视局关于印发《福建省网络微短剧创作扶持办法》的通知",
        "2025-03-10",
        ("各设区市文化和旅游局，平潭综合实验区社会事业局：", "请结合实际认真贯彻执行。"),
        ("成文日期", "闽广〔2025〕12号", "打印", "闽ICP备"),
    ),
    Case(
        "short-announcement.html",
        "https://gdj.example.gov.cn/tzgg/content_2231.html",
        "关于2025年第一批网络微短剧备案情况的公告",
        "2025-03-10",
        ("现将2025年第一批网络微短剧备案情况予以公告，详见附件。",),
        ("关于开展安全播出检查的通知", "通知公告", "版权所有"),
    ),
    Case(
        "big5-header-meta-utf8.html",
        "https://www.hkcd.com/content/2025-03/10/content_1234567.html",
        "短劇平台湧現 港人追劇新選擇",
        "2025-03-10 10:30",
        ("越來越多香港觀眾開始在手機上追看微短劇", "較去年增長超過一倍"),
        ("版權所有",),
        "text/html; charset=big5",
    ),
    Case(
        "logo-h1.html",
        "https://news.youth.cn/gn/content_30112345.htm",
        "网络微短剧如何守住内容底线",
        "2025-03-10 10:30",
        ("编者按：微短剧火了", "平台也要切实履行审核责任", "微短剧同样要讲好故事、传递正能量。"),
        ("共2页", "下一页", "责任编辑", "版权所有"),
    ),
    Case(
        "gallery-pagination.html",
        "https://photo.china.com/news/20250310/12345.html",
        "组图：短剧片场的一天",
        "2025-03-10 10:30",
        ("清晨六点，短剧剧组已经在影视城集合",),
        ("上一页", "下一页", "点击图片进入下一页", "精彩图集", "城市夜景"),
    ),
]


def _extract(case: Case):  # type: ignore[no-untyped-def]
    body = (PAGES / case.file).read_bytes()
    response = HtmlResponse(case.url, body=body, headers={"Content-Type": case.content_type})
    return extract_article(page_html(response), case.url)


@pytest.mark.parametrize("case", CASES, ids=[c.file.removesuffix(".html") for c in CASES])
def test_a_new_chinese_page_shape_is_extracted_whole_and_clean(case: Case) -> None:
    found = _extract(case)
    assert found.is_article
    assert found.title == case.title
    assert not _MOJIBAKE_RE.search(found.text + (found.title or "")), found.text[:200]
    for sentence in case.present:
        assert sentence in found.text
    for chrome in case.absent:
        assert chrome not in found.text
    if case.date is None:
        assert found.published_at is None
    elif len(case.date) == 10:
        assert found.published_at is not None
        assert found.published_at.astimezone(CST).date().isoformat() == case.date
    else:
        assert found.published_at == datetime.fromisoformat(case.date).replace(tzinfo=CST)
