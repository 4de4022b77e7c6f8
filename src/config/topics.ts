/**
 * The topic taxonomy: one entry per topic, with the terms and synonyms whose presence in
 * a clause's text tags the clause. Tagging is by rule, so a page can say which term matched.
 * Terms are matched in simplified script.
 */
export interface TopicDef {
  slug: string;
  name: string;
  /** Longer name or gloss shown on the topic page. */
  description: string;
  terms: string[];
}

export const TOPICS: TopicDef[] = [
  {
    slug: "emergency-plans",
    name: "应急预案",
    description: "应急预案的编制、评审、备案、衔接与演练。",
    terms: [
      "应急预案",
      "应急救援预案",
      "预案演练",
      "预案体系",
      "预案衔接",
      "应急演练",
      "现场处置方案",
      "专项应急预案",
      "综合应急预案",
      "处置卡",
    ],
  },
  {
    slug: "standardization",
    name: "标准化",
    description: "安全生产标准化：企业达标创建、持续运行、监管执法规范化。",
    terms: ["安全生产标准化", "标准化建设", "标准化创建", "岗位达标", "专业达标", "企业达标", "标准化运行"],
  },
  {
    slug: "urban-safety",
    name: "城市安全",
    description: "城市安全发展：安全发展示范城市、城市运行安全、城市生命线。",
    terms: ["城市安全", "安全发展示范城市", "城市运行安全", "城市生命线", "城市安全发展", "城市综合体", "人员密集场所"],
  },
  {
    slug: "hazard-investigation",
    name: "隐患排查治理",
    description: "事故隐患的排查、治理、挂牌督办与整改销号。",
    terms: ["隐患排查", "排查治理", "隐患治理", "重大隐患", "挂牌督办", "整改销号", "事故隐患"],
  },
  {
    slug: "dual-prevention",
    name: "双重预防机制",
    description: "安全风险分级管控和隐患排查治理双重预防机制。",
    terms: ["双重预防", "双防", "风险分级管控", "分级管控", "风险辨识", "安全风险评估", "一图两单", "风险分布图"],
  },
  {
    slug: "responsibility-system",
    name: "安全生产责任制",
    description: "党政同责、一岗双责、企业主体责任与全员安全生产责任制。",
    terms: [
      "安全生产责任制",
      "党政同责",
      "一岗双责",
      "主体责任",
      "责任清单",
      "全员安全生产责任",
      "失职追责",
      "齐抓共管",
      "安全生产责任",
      "安全责任",
      "责任考核",
    ],
  },
  {
    slug: "hazardous-chemicals",
    name: "危险化学品",
    description: "危险化学品生产、储存、运输与化工园区安全。",
    terms: ["危险化学品", "危化品", "化工园区", "化工企业", "重大危险源", "化工产业"],
  },
  {
    slug: "fire-safety",
    name: "消防安全",
    description: "消防设施、火灾防控与消防救援。",
    terms: ["消防安全", "火灾", "消防设施", "消防救援", "消防站", "消防栓", "生命通道", "防火"],
  },
  {
    slug: "enforcement",
    name: "执法检查",
    description: "安全生产监管执法、督查检查与打非治违。",
    terms: [
      "执法检查",
      "监管执法",
      "安全监管",
      "行政执法",
      "双随机",
      "四不两直",
      "打非治违",
      "联合执法",
      "明查暗访",
      "执法",
    ],
  },
  {
    slug: "education-training",
    name: "宣传教育培训",
    description: "安全宣传教育、培训与安全文化建设。",
    terms: ["宣传教育", "安全培训", "教育培训", "安全文化", "安全生产月", "警示教育", "宣传周", "培训"],
  },
  {
    slug: "technology",
    name: "科技信息化",
    description: "安全科技、信息化平台、监测预警与智能化。",
    terms: [
      "信息化",
      "科技创新",
      "大数据",
      "人工智能",
      "物联网",
      "监测预警",
      "信息平台",
      "互联网+",
      "智能化",
      "科技支撑",
    ],
  },
  {
    slug: "accident-investigation",
    name: "事故调查处理",
    description: "生产安全事故的调查处理、责任追究与整改评估。",
    terms: ["事故调查", "调查处理", "责任追究", "事故整改", "追责问责", "事故查处"],
  },
  {
    slug: "mining",
    name: "矿山安全",
    description: "煤矿、非煤矿山与尾矿库安全。",
    terms: ["煤矿", "非煤矿山", "尾矿库", "矿山", "瓦斯"],
  },
  {
    slug: "road-traffic",
    name: "交通运输安全",
    description: "道路交通、公路、铁路与轨道交通、水上交通与运输企业安全。",
    terms: [
      "道路交通",
      "交通运输",
      "公路",
      "水上交通",
      "海上交通",
      "两客一危",
      "客运",
      "平安交通",
      "轨道交通",
      "铁路",
      "校车",
      "船舶",
    ],
  },
  {
    slug: "construction",
    name: "建筑施工安全",
    description: "建筑施工、房屋市政工程与城市基础设施建设安全。",
    terms: ["建筑施工", "施工现场", "施工安全", "房屋市政工程", "工程建设"],
  },
  {
    slug: "disaster-prevention",
    name: "防灾减灾",
    description: "自然灾害防治、防汛抗旱、应急避难与救援力量。",
    terms: [
      "防灾减灾",
      "防汛",
      "抗旱",
      "森林防火",
      "地质灾害",
      "应急避难",
      "救援队伍",
      "应急救援",
      "自然灾害",
      "气象灾害",
      "地震",
      "防震减灾",
      "台风",
      "洪涝",
    ],
  },
];
