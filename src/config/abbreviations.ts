/**
 * 文号 abbreviations (机关代字 prefixes) that name a place. The division data set knows
 * names, not these: 吉 is 吉林省, 鲁 is 山东省. Keys are the start of a 机关代字.
 */
export const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: "110000",
  津: "120000",
  冀: "130000",
  晋: "140000",
  蒙: "150000",
  内蒙: "150000",
  辽: "210000",
  吉: "220000",
  黑: "230000",
  沪: "310000",
  苏: "320000",
  浙: "330000",
  皖: "340000",
  闽: "350000",
  赣: "360000",
  鲁: "370000",
  豫: "410000",
  鄂: "420000",
  湘: "430000",
  粤: "440000",
  桂: "450000",
  琼: "460000",
  渝: "500000",
  川: "510000",
  蜀: "510000",
  黔: "520000",
  贵: "520000",
  滇: "530000",
  云: "530000",
  藏: "540000",
  陕: "610000",
  甘: "620000",
  陇: "620000",
  青: "630000",
  宁: "640000",
  新: "650000",
};

/**
 * Cities whose 文号 abbreviation is not the start of their name (筑 for 贵阳, 穗 for 广州) or is
 * shared with a province (宁 is 宁夏 and 南京): the conventional 简称 the gazetteer does not hold.
 * Other local abbreviations are the first character of a division's name, derived from the
 * gazetteer (ingest/header/jurisdiction.ts).
 */
export const CITY_ABBREVIATIONS: Record<string, string> = {
  筑: "520100", // 贵阳市
  穗: "440100", // 广州市
  榕: "350100", // 福州市
  甬: "330200", // 宁波市
  宁: "320100", // 南京市
  蓉: "510100", // 成都市
  邕: "450100", // 南宁市
  鹭: "350200", // 厦门市
  并: "140100", // 太原市
  汉: "420100", // 武汉市
};

/** 机关代字 prefixes of national bodies. */
export const NATIONAL_PREFIXES = [
  "中发",
  "中办发",
  "中办",
  "国发",
  "国办发",
  "国办函",
  "国函",
  "国",
  "安委",
  "应急",
  "安监总",
  "厅字",
  "中纪",
];

/** Issuer names that are national bodies when they carry no place name. */
const NATIONAL_BODIES = [
  "中共中央",
  "中央",
  "国务院",
  "全国人民代表大会",
  "全国人大",
  "国家主席",
  "最高人民法院",
  "最高人民检察院",
  "国家",
  "应急管理部",
  "公安部",
  "住房和城乡建设部",
  "交通运输部",
  "工业和信息化部",
  "生态环境部",
  "财政部",
  "人力资源和社会保障部",
  "自然资源部",
  "水利部",
  "农业农村部",
  "商务部",
  "教育部",
  "民政部",
  "司法部",
  "卫生健康委员会",
  "国家卫生健康委员会",
  "中国地震局",
  "中国气象局",
  "劳动部",
  "铁道部",
  "建设部",
  "国务院安全生产委员会",
  "国务院安委会",
  "国务院安委会办公室",
];
export const NATIONAL_ISSUER = new RegExp(`^(${NATIONAL_BODIES.join("|")})`);
