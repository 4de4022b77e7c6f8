/**
 * Portal chrome: lines a scraper picks up around a circular that are not part of it.
 * Matched against a line's key (simplified script, half-width, trimmed).
 */
import { CJK_BASIC } from "../text/chars.ts";

/** Chrome lines are short: a paragraph longer than this is never chrome. */
export const CHROME_MAX_LENGTH = 100;

/** Advertising injected into scraped pages: chrome, and no evidence of the circular's place (澳门赌场). */
const SPAM_WORDS = [
  "加微信",
  "加QQ",
  "客服QQ",
  "代开发票",
  "刷单",
  "博彩",
  "彩票",
  "棋牌",
  "娱乐城",
  "赌场",
  "彩金",
  "免费领取",
  "点击进入",
  "点击下载",
  "立即下载",
  "扫码关注",
  "点击查看更多",
  "新葡京",
  "威尼斯人",
  "真人视讯",
  "百家乐",
  "精品久久",
  "毛片",
  "一级电影",
  "色吊丝",
  "黄色视频",
  "黃色視頻",
  "激情婷婷",
  "免费观看",
  "在线观看",
  "永久访问",
  "成人影院",
];
export const SPAM_LINE = new RegExp(`(${SPAM_WORDS.join("|")})`);

/** The heading of a portal's list of other pages; the titles listed under it are chrome too. */
export const RELATED_LINKS_HEADING =
  /^(相关链接|相关文章|相关阅读|相关文件|相关新闻|相关信息|相关文档|相关政策|热点推荐|推荐阅读|猜你喜欢|延伸阅读|相关稿件|附件下载|最新文件|最新信息|热门文章|推荐文章|关联文件|文件下载)\s*[:：]?\s*$/;

/** A breadcrumb: 您的位置：首页 > 政务公开 > 通知公告, or 首页 » 信息公开 ›. */
export const BREADCRUMB = new RegExp(
  String.raw`((您|你)(当前|现在)?(所在)?的?位置|当前位置|所在位置)\s*[:：]|^(首页|网站首页|主页)\s*[>»›/＞]|([${CJK_BASIC}\w ]{1,12}[>»›＞]\s*){2,}`,
);

/**
 * Names of portal sections and sites, which stand above a circular but are never its title
 * (通知公告 ends like a title: 公告).
 */
export const SECTION_NAME = new RegExp(
  String.raw`^(通知公告|通知通告|公示公告|公告公示|最新公告|政策文件|政府文件|部门文件|规范性文件|政策法规|法律法规|文件通知|工作通知|政务公开|信息公开|` +
    String.raw`政府信息公开|新闻中心|工作动态|图片新闻|要闻动态|政策解读|[${CJK_BASIC}]{2,20}(门户网站|政府网站|网站|政府网|信息网|官网))$`,
);

/** A line that is chrome wherever it stands (if short). */
export const CHROME_LINE_PATTERNS: RegExp[] = [
  /^PM ?2\.5/i,
  /^(首页|网站首页)(\s|>|$)/,
  BREADCRUMB,
  SECTION_NAME,
  /浏览次数|阅读次数|点击数|访问量|浏览量|阅读量/,
  /^(【|\[)?\s*(打印|关闭|打印本页|关闭窗口|打印此页)\s*(】|\])?(\s*(【|\[)?\s*(打印|关闭|关闭窗口|返回顶部|收藏)\s*(】|\])?)*$/,
  /^(【|\[)?\s*字体\s*[:：]?\s*(大|中|小)/,
  /^\s*字号\s*[:：]\s*(大|中|小)/,
  /^Produced By/i,
  /版权所有|Copyright|©/i,
  /^(主办单位|承办单位|技术支持|网站标识码|联系我们|网站地图|网站声明|隐私声明|运维单位)/,
  /ICP备|公网安备|京公网|网安备/,
  /^(分享到|分享\s*[:：]|扫一扫|微信扫一扫|用手机扫描|手机扫一扫)/,
  /^(上一篇|下一篇|上一条|下一条)\s*[:：]/,
  RELATED_LINKS_HEADING,
  // A navigation menu: four or more short items and nothing else (机构概况 政务公开 新闻动态 …).
  new RegExp(String.raw`^[${CJK_BASIC}]{2,6}(\s+[${CJK_BASIC}]{2,6}){3,}$`),
  new RegExp(String.raw`^[${CJK_BASIC}]{2,8}(\s*[|｜]\s*[${CJK_BASIC}]{2,8}){2,}\s*[|｜]?$`),
  /^政务公开检索$/,
  /^(信息来源|来源|作者|发布时间|发布日期|编辑|责任编辑)\s*[:：][^。；]*$/,
  /^(发布时间|发布日期)\s*[:：]?\s*\d{4}[-/年]\d{1,2}[-/月]\d{1,2}/,
  SPAM_LINE,
  /^(https?:\/\/|www\.)\S+$/i,
  /^(免责声明|本文来源于网络|转载请注明|如有侵权)/,
  // A link to the document's interpretation or its graphic version, not the document.
  /^(政策解读|相关解读|图文解读|图解|解读|一图读懂)\s*[:：]/,
  /^(收藏本页|设为首页|加入收藏|繁体|简体|无障碍|English|登录|注册)(\s+(收藏本页|设为首页|加入收藏|繁体|简体|無障礙|无障碍|English|登录|注册))*$/i,
  /^(今天是|今日)\s*\d{4}年/,
];

/**
 * Labels of a portal's or law database's metadata (政务公开 信息索引, 法规库). A line of such
 * fields is chrome, and so is a value on the line after a label that stands alone; the
 * values are read as header evidence.
 */
export const PORTAL_FIELD_LABELS = [
  "索引号",
  "分类",
  "主题分类",
  "体裁分类",
  "组配分类",
  "公文目录",
  "机构分类",
  "行业分类",
  "公文类型",
  "公文种类",
  "发布机构",
  "发文机关",
  "发文单位",
  "制定机关",
  "颁布机关",
  "制发单位",
  "制发机关",
  "成文单位",
  "责任部门",
  "发文日期",
  "成文日期",
  "成文时间",
  "发文时间",
  "印发日期",
  "发布日期",
  "发布时间",
  "公布日期",
  "颁布日期",
  "公开日期",
  "信息时间",
  "生效日期",
  "施行日期",
  "实施日期",
  "废止日期",
  "失效日期",
  "生成日期",
  "公文生成日期",
  "名称",
  "标题",
  "题名",
  "法规标题",
  "文件名称",
  "文号",
  "发文字号",
  "文件编号",
  "公开方式",
  "公开形式",
  "公开时限",
  "公开范围",
  "有效性",
  "时效性",
  "文件有效性",
  "是否有效",
  "效力级别",
  "信息来源",
  "来源",
  "关键词",
  "主题词",
  "内容概述",
] as const;
export type PortalFieldLabel = (typeof PORTAL_FIELD_LABELS)[number];

/**
 * Which labels carry which header field, most specific first. A 生成日期 (the day the
 * portal's record was made) is no date of the document; a 发布机构 is the site's publisher,
 * which may not be the issuer (see ingest/header/issuers.ts).
 */
export const PORTAL_FIELDS_FOR = {
  title: ["标题", "法规标题", "文件名称", "题名", "名称"],
  docNumber: ["发文字号", "文号", "文件编号"],
  issuer: ["发文机关", "发文单位", "制定机关", "颁布机关", "制发单位", "制发机关", "成文单位"],
  publisher: ["发布机构", "信息来源", "来源"],
  date: ["成文日期", "成文时间", "发文日期", "发文时间", "印发日期"],
  published: ["发布日期", "发布时间", "公布日期", "颁布日期", "公开日期", "信息时间"],
  effective: ["施行日期", "实施日期", "生效日期"],
  validity: ["时效性", "有效性", "文件有效性", "是否有效"],
  expiry: ["失效日期", "废止日期"],
} as const satisfies Record<string, readonly PortalFieldLabel[]>;

/**
 * Keys of a database's record of a document, as law databases and their mirrors write them
 * in a Markdown file's frontmatter (the national database's API names: title, office,
 * publish, expiry — its 施行日期 —, status), by the header field they carry.
 */
export const DATABASE_FIELD_KEYS = {
  title: ["title", "name", "标题", "名称", "法规名称", "文件名称"],
  issuer: ["office", "issuer", "authority", "department", "制定机关", "发布机关", "发文机关", "颁布机关", "发布部门"],
  docNumber: ["number", "doc_number", "docNumber", "文号", "发文字号"],
  date: ["成文日期", "written"],
  published: ["publish", "published", "publish_date", "date", "公布日期", "发布日期", "颁布日期"],
  effective: ["expiry", "effective", "effective_date", "implement_date", "施行日期", "实施日期", "生效日期"],
  validity: ["status", "validity", "时效性", "有效性", "时效", "效力状态"],
  level: ["type", "level", "效力级别", "法律性质"],
} as const;
export type DatabaseFieldName = keyof typeof DATABASE_FIELD_KEYS;
/** Each database field's name as the page shows it. */
export const DATABASE_FIELD_NAMES: Record<DatabaseFieldName, string> = {
  title: "标题",
  issuer: "制定机关",
  docNumber: "文号",
  date: "成文日期",
  published: "公布日期",
  effective: "施行日期",
  validity: "时效性",
  level: "效力级别",
};
