#!/usr/bin/env python3
"""Builds the synthetic pages of corpus/html (s*.html) and their gold.

Each page wraps the article text of one field-corpus file (its T/B lines in
corpus/field/gold/NAME.lines.tsv, real text scraped from the host named in the manifest)
in a typical Chinese CMS template written for this corpus: top bars, menus, tickers,
breadcrumbs, sidebars, related lists, share bars, tags, credit lines, comments, footers,
inline scripts and styles, hidden elements, GB2312/GBK bytes and lying charset declarations.
The templates are ours; only the article text is real.  usage: corpus/html/build-synthetic.py
"""
import html, os

HERE = os.path.dirname(os.path.abspath(__file__))
FIELD = os.path.join(HERE, "..", "field")


def article(name):
    raw = open(os.path.join(FIELD, name + ".txt"), encoding="utf-8").read().split("\n")
    rows = [l.split("\t") for l in open(os.path.join(FIELD, "gold", name + ".lines.tsv"), encoding="utf-8").read().splitlines()[1:]]
    titles = [raw[int(r[0]) - 1].strip() for r in rows if r[2] == "T"]
    body = [raw[int(r[0]) - 1].strip() for r in rows if r[2] == "B"]
    return titles, body


e = html.escape
SCRIPT = """<script type="text/javascript">var _hmt = _hmt || [];(function(){var hm=document.createElement("script");hm.src="https://hm.example.cn/hm.js?1f2e";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();
document.write('<div class="ad">广告位招租，联系电话010-12345678</div>');</script>"""
STYLE = """<style type="text/css">body{font:12px/1.5 "宋体";} .nav li{float:left;} #zoom p{text-indent:2em;line-height:2;} .hide{display:none}</style>"""
FOOTER = """<div class="footer"><p>主办单位：{org}　承办：{org}办公室　技术支持：某某网络科技有限公司</p><p>网站标识码：3213000012　<a href="#">苏ICP备05012345号-1</a>　<a href="#">公安机关备案号 32130202000123</a></p><p>地址：人民路88号　邮编：234300　联系电话：0557-1234567　版权所有 {org}</p></div>"""


def gov_table_gb(titles, body, org, date):
    """Old table-layout county government site, GB2312 declared with http-equiv, a marquee ticker."""
    paras = "".join(f"<p>　　{e(p)}</p>\n" for p in body)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{e(titles[0])}-{org}</title>{STYLE}{SCRIPT}</head>
<body><table width="1000" align="center"><tr><td class="topbar"><a href="#">设为首页</a> | <a href="#">加入收藏</a> | <a href="#">无障碍浏览</a> | <a href="#">手机版</a> 今天是：<script>document.write(new Date().toLocaleDateString())</script></td></tr>
<tr><td class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/jyxw/">教育新闻</a> <a href="/tzgg/">通知公告</a> <a href="/bsfw/">办事服务</a> <a href="/hdjl/">互动交流</a> <a href="/zfxxgk/">政府信息公开</a></td></tr>
<tr><td><marquee direction="left" scrollamount="3"><a href="#">我县召开2021年教育工作会议，部署全年重点任务！</a>　<a href="#">县教育局开展校园安全大检查，确保师生平安？</a>　<a href="#">全县中小学秋季开学工作平稳有序，各校认真落实防控措施</a>　<a href="#">县实验小学获评省级文明校园，全县教育系统为之振奋！</a></marquee></td></tr>
<tr><td class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/jyxw/">教育新闻</a> &gt; 正文</td></tr>
<tr><td><table width="100%"><tr><td class="title" align="center"><strong>{e(titles[0])}</strong></td></tr>
<tr><td class="info" align="center">发布时间：{date}　来源：{org}　作者：办公室　浏览次数：<span id="hits">1234</span>　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</td></tr>
<tr><td id="zoom">{paras}</td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr></table></td></tr>
<tr><td class="xgwz"><div>相关文章：</div><ul><li><a href="#">县委书记到县一中调研教育工作，要求办好人民满意的教育！</a></li><li><a href="#">我县举行“十四五”教育发展规划专家论证会</a></li><li><a href="#">如何让农村孩子享受更优质的教育资源？</a></li><li><a href="#">县教育局召开党风廉政建设工作会议</a></li></ul></td></tr>
<tr><td>{FOOTER.format(org=org)}</td></tr></table></body></html>"""


def gov_div_utf8(titles, body, org, date):
    """Modern district government portal: TRS_Editor inside div.article, share bar, tags, hot list, comments."""
    paras = "".join(f"<p style=\"text-indent:2em\">{e(p)}</p>\n" for p in body)
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="ArticleTitle" content="{e(titles[0])}"><meta name="PubDate" content="{date}"><meta name="ContentSource" content="{org}">
<title>{e(titles[0])}_政策法规与解读_{org}</title>{STYLE}
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{e(titles[0])}"}}</script></head>
<body><div class="header"><div class="top"><span>欢迎访问{org}门户网站</span><a href="#">信息报送</a> | <a href="#">政务邮箱登录</a> <a href="#">繁体版</a> <a href="#">ENGLISH</a> <a href="#" class="login">登录</a> <a href="#">注册</a></div>
<div class="logo"><img src="/images/logo.png" alt="{org}"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/zjks">走进{org[:2]}</a></li></ul></div>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/zwfw">政务服务</a> &gt; <a href="/whjy">文化教育</a> &gt; <span>政策法规与解读</span></div>
<div class="main"><div class="article">
<h1>{e(titles[0])}</h1>
<div class="info"><span>时间：{date}</span> <span>来源：{org}</span> <span>浏览次数：<script>document.write(Math.floor(Math.random()*1000))</script></span> <span>字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</span></div>
<div class="share bdsharebuttonbox"><a href="#" class="bds_weixin">微信</a><a href="#" class="bds_tsina">微博</a><a href="#" class="bds_qzone">QQ空间</a></div>
<div class="TRS_Editor">{paras}<span class="hide">本文来源于{org}网站，转载请注明出处xYz</span></div>
<p class="editor">（责任编辑：王晓明）</p>
<div class="tags">标签：<a href="#">教育</a> <a href="#">工作意见</a> <a href="#">十三五</a></div>
<div class="page-nav"><a href="#">上一篇：关于做好2017年春季学期开学工作的通知</a><br><a href="#">下一篇：2017年全市教育工作会议召开</a></div>
</div>
<div class="sidebar"><h3>热点排行</h3><ol><li><a href="#">全市义务教育学校招生入学政策问答，家长最关心的问题都在这里！</a></li><li><a href="#">今年中考有哪些新变化？一图读懂！</a></li><li><a href="#">教师资格认定工作即将开始，这些材料请提前准备好</a></li><li><a href="#">市区新建改扩建学校12所，新增学位一万余个</a></li></ol></div>
<div id="comments" class="comment-list"><h3>网友评论</h3><div class="comment-item"><span class="user">网友 教育观察者</span><p>这份工作意见写得很实在，希望各项措施都能真正落到实处，让每一个孩子都能在家门口上好学校，也希望教师待遇能够进一步提高！</p></div><div class="comment-item"><span class="user">网友 家长123</span><p>什么时候能解决放学后没人接孩子的问题？</p></div></div>
</div>{FOOTER.format(org=org)}
<script>window._bd_share_config={{"common":{{"bdSnsKey":{{}},"bdText":"","bdMini":"2"}}}};</script></body></html>"""


def school_gbk_lying(titles, body, org, date):
    """School site that declares utf-8 but is saved in GBK; paragraphs are divs; hidden watermarks."""
    heads = "<h1>" + e(titles[0]) + "</h1>" + "".join(f"<h2 class=\"subtitle\">{e(t)}</h2>" for t in titles[1:])
    paras = "".join(f"<div class=\"para\">{e(p)}<span style=\"display:none\">{org}版权所有</span></div>\n" for p in body)
    return f"""<html><head><meta charset="utf-8"><title>{e(titles[0])}-{org}</title>{STYLE}</head>
<body><div id="top"><div class="weather">青岛 晴 18℃~25℃</div><a href="#">学校名称</a> <a href="#">English</a></div>
<div id="menu"><a href="#">首页</a> <a href="#">教育动态</a> <a href="#">规划计划</a> <a href="#">学校风采</a> <a href="#">教研天地</a> <a href="#">联系我们</a></div>
<div id="left"><div class="notice"><h4>通知公告</h4><ul><li><a href="#">关于2016年暑假放假安排的通知</a></li><li><a href="#">市南区第十届中小学生运动会成绩公告</a></li><li><a href="#">关于开展教师继续教育学分登记的通知</a></li></ul></div></div>
<div id="right"><div class="position">当前位置：首页 &gt;&gt; 规划计划</div>
<div class="news-content">{heads}<div class="date">发表时间：{date}　阅读次数：1210</div>
<div class="content" id="vsb_content">{paras}</div>
<div class="attach">附件：<a href="#">市南区教育体育十三五规划（初稿）.doc</a></div></div></div>
<div id="foot">Copyright 2016 {org} 地址：青岛市市南区 电话：0532-12345678 鲁ICP备12345678号</div></body></html>"""


def news_portal(titles, body, org, date):
    """Newspaper site: subtitle, photo caption and credits, a quoted related-article box inside, a feed below."""
    paras = [f"<p>{e(p)}</p>" for p in body]
    box = """<blockquote class="related-box"><p>相关阅读：</p><ul><li><a href="#">全省高校化债工作取得阶段性成效，债务风险总体可控</a></li><li><a href="#">2011年全省教育经费投入再创新高，农村学校受益最多！</a></li></ul></blockquote>"""
    paras.insert(1, box)
    paras.insert(1, "<p class=\"pic\"><img src=\"a.jpg\"><br>图为哈尔滨某高校新建教学楼。（记者 张三 摄）</p>")
    return f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta property="og:title" content="{e(titles[0])}">
<title>{e(titles[0])} - {org} - 黑龙江新闻</title>{SCRIPT}</head>
<body><div class="topnav"><a href="#">{org}首页</a> <a href="#">要闻</a> <a href="#">时政</a> <a href="#">教育</a> <a href="#">文化</a> <a href="#">视频</a> <a href="#">数字报</a><a class="login" href="#">登录</a></div>
<div class="wrap"><div class="crumbs">{org} &gt; 教育 &gt; 正文</div>
<div class="text-main"><h1 class="title">{e(titles[0])}</h1><h2 class="sub-title">{SUBTITLE}</h2>
<div class="source">{date}　来源：黑龙江日报　作者：记者 李四</div>
<div class="article-body">{''.join(paras)}<p class="credit">编辑：王五　审核：赵六</p></div>
<div class="keywords">关键词：<a href="#">教育投入</a> <a href="#">高校</a></div></div>
<div class="recommend"><h3>推荐阅读</h3><ul><li><a href="#">冰城中小学将迎来寒假，这些安全提示请收好！</a><p>记者从市教育局获悉，全市中小学将于1月中旬陆续放寒假，教育部门提醒广大家长和学生注意假期安全。</p></li><li><a href="#">省内多所高校公布新学期开学时间，你的学校什么时候开学？</a><p>近日，省内多所高校陆续发布新学期开学通知，学生将分期分批错峰返校。</p></li></ul></div>
<div class="comment"><h3>网友留言</h3><p>这些数字真让人振奋，期待我们黑龙江的教育越来越好，也希望农村学校的老师们能得到更多的关心和支持！</p></div></div>
<div class="footer"><p>{org}版权所有，未经书面授权禁止使用</p><p>黑ICP备01234567号</p></div></body></html>"""


def mobile_feed(titles, body, org, date):
    """Mobile news page: app banner, article, then a long 猜你喜欢 feed with summaries."""
    paras = "".join(f"<p>{e(p)}</p>" for p in body)
    feed = "".join(f"<li class=\"feed-item\"><a href=\"#\"><h4>{h}</h4><p>{s}</p></a><span>{n}评论</span></li>" for h, s, n in [
        ("福清这所新学校9月开学，学位1800个！", "日前，记者从市教育局了解到，位于城南片区的新学校主体工程已完工，预计今年9月投入使用。", 35),
        ("幼儿园收费标准调整，家长们怎么看？", "根据新的收费标准，公办幼儿园保育教育费将有所调整，调整后的标准从秋季学期开始执行。", 128),
        ("暑期托管服务开始报名啦", "为解决双职工家庭暑期看护难题，我市多所学校推出暑期托管服务。", 12),
    ])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{e(titles[0])}-{org}</title>{STYLE}</head>
<body><div class="app-banner">打开{org}APP，阅读体验更佳 <a href="#">立即打开</a></div>
<header class="m-header"><a href="/">{org}</a><a href="#" class="search">搜索</a></header>
<div class="m-article"><h1>{e(titles[0])}</h1><div class="meta">{org} {date}</div>
<div class="m-content">{paras}</div>
<div class="statement">声明：本文来自网友投稿，不代表本站观点，如有侵权请联系删除。</div>
<div class="share-bar">分享到：<a href="#">微信</a><a href="#">朋友圈</a><a href="#">微博</a></div></div>
<div class="guess-like"><h3>猜你喜欢</h3><ul>{feed}</ul></div>
<footer class="m-footer"><a href="#">首页</a> | <a href="#">电脑版</a> | <a href="#">关于我们</a><p>© 2019 {org} 闽ICP备12345678号</p></footer></body></html>"""


def ticker_news(titles, body, org, date):
    """News site with a rolling headline ticker flattened into one line, noscript and hidden traps, <article>."""
    paras = "".join(f"<p>{e(p)}</p>" for p in body)
    ticker = "".join(f"<a href=\"#\">{t}</a>" for t in ["省委常委会召开会议研究部署教育工作", "全省新建改扩建幼儿园300所，新增学位9万个！", "高考成绩查询时间公布，考生如何填报志愿？", "多地出台政策为教师减负"])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(titles[0])}_国内_{org}</title>
<style>.scroll-news{{white-space:nowrap;overflow:hidden}}</style><script>var ticker=setInterval(function(){{}},3000);</script></head>
<body><noscript>您的浏览器不支持脚本，部分功能无法使用</noscript>
<div class="site-nav"><ul><li><a href="#">首页</a></li><li><a href="#">国内</a></li><li><a href="#">国际</a></li><li><a href="#">财经</a></li><li><a href="#">教育</a></li></ul></div>
<div class="scroll-news">滚动新闻：{ticker}</div>
<div hidden>隐藏的采集陷阱文字，不应出现在正文里</div>
<div class="container"><article class="post"><h1>{e(titles[0])}</h1><div class="post-meta">发布时间：{date} 来源：{org} 编辑：小东</div>
<div class="post-body">{paras}</div></article>
<aside class="side"><div class="hot"><h3>24小时热文</h3><ol><li><a href="#">今年暑假，这些景区对学生免费开放！</a></li><li><a href="#">教育部：严禁中小学校在假期组织集体补课</a></li></ol></div></aside></div>
<div class="copyright">Copyright © 2020 {org} All Rights Reserved. 本站所有内容未经许可不得转载</div></body></html>"""


SUBTITLE = "省教育厅发布年度教育事业发展情况"

PAGES = [
    ("s01_gov_table_gb2312", "fb08_www_sixian_gov_cn", gov_table_gb, "泗县教育局", "2021-01-05", "gb2312", True),
    ("s02_gov_trs_editor", "fc02_www_suzhou_gov_cn", gov_div_utf8, "昆山市人民政府", "2017-02-10 14:40", "utf-8", False),
    ("s03_school_gbk_declared_utf8", "fc03_www_sn_qdedu_net", school_gbk_lying, "市南区教育体育局", "2016-05-19", "gbk", False),
    ("s04_news_related_box", "fd13_www_hljszw_org_cn", news_portal, "东北网", "2012-02-14 08:30", "utf-8", False),
    ("s05_mobile_feed", "fa04_m_52fuqing_com", mobile_feed, "福清生活网", "2019-06-12", "utf-8", False),
    ("s06_ticker_article", "fa05_eastchinadaily_com", ticker_news, "华东日报网", "2020-07-01", "utf-8", False),
]

if __name__ == "__main__":
    for name, source, template, org, date, encoding, dateline in PAGES:
        titles, body = article(source)
        if dateline:
            body = ["本站讯　" + body[0]] + body[1:]
        page = template(titles, body, org, date)
        with open(os.path.join(HERE, name + ".html"), "wb") as out:
            out.write(page.encode("gbk" if encoding == "gb2312" else encoding))  # GB2312 pages are GBK in practice
        with open(os.path.join(HERE, "gold", name + ".article.txt"), "w", encoding="utf-8") as out:
            subtitle = [SUBTITLE] if template is news_portal else []
            out.write("\n".join(titles + subtitle + body) + "\n")
        print(name, len(page), encoding)
