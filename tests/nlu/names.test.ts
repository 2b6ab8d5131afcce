// Company names as written, across the sentence shapes reps use: the name finder must
// neither cut a name short (美的, 三一重工, 中国平安) nor run past it.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.js';

const NAMES = [
  '华为', '美的', '美的集团', '三一重工', '中国平安', '平安银行', '招商银行', '字节跳动', '拼多多', '小米', '小红书', '京东方',
  '宁德时代', '比亚迪', '蔚来', '理想汽车', '小鹏汽车', '长城汽车', '吉利', '格力电器', '海尔智家', '海信', '联想', '中兴通讯',
  '中国移动', '中国联通', '中国电信', '国家电网', '南方电网', '中石化', '中石油', '中海油', '万科', '碧桂园', '保利发展', '华润置地',
  '新东方', '好未来', '网易', '百度', '腾讯', '阿里巴巴', '蚂蚁集团', '美团', '滴滴', '快手', '携程', '顺丰', '京东物流', '中通快递',
  '农夫山泉', '伊利', '蒙牛', '海天味业', '贵州茅台', '五粮液', '青岛啤酒', '安踏', '李宁', '波司登', '海澜之家', '完美日记',
  '三只松鼠', '良品铺子', '喜茶', '瑞幸', '海底捞', '西贝', '老凤祥', '同仁堂', '云南白药', '恒瑞医药', '药明康德', '迈瑞医疗',
  '联影医疗', '科大讯飞', '商汤科技', '海康威视', '大华股份', '大疆', '立讯精密', '歌尔股份', '京东', '用友网络', '金蝶', '东方财富',
  '中信证券', '华泰证券', '中国人寿', '太平洋保险', '工商银行', '建设银行', '中国银行', '农业银行', '交通银行', '浦发银行',
  '兴业银行', '民生银行', '光大银行', '宁波银行', '杭州云帆科技有限公司', '深圳市腾飞电子有限公司', '上海浦东发展银行', '北京字节跳动科技有限公司',
  '中建三局', '中国建筑', '中国中车', '徐工集团', '潍柴动力', '上汽集团', '东风汽车', '广汽', '一汽', '长安汽车', '奇瑞', '宇通客车',
  '正泰电器', '德邦物流', '极兔速递', '韵达', '申通', '圆通', '安克创新', '传音控股', '泡泡玛特', '名创优品', '得物', '唯品会',
  '爱奇艺', '哔哩哔哩', '芒果超媒', '完美世界', '三七互娱', '米哈游', '莉莉丝', '叠纸', '鹰角网络', '心动网络', '汇源', '统一企业',
  'Acme', 'Globex', 'TCL', 'OPPO', 'vivo', 'SAP中国', 'IBM',
];

const TEMPLATES: ((name: string) => string)[] = [
  (n) => `今天上午拜访了${n}的张总，聊了合作`,
  (n) => `给${n}打了电话，下周三再跟进`,
  (n) => `和${n}开了个会，确认了需求`,
  (n) => `${n}那单签了，金额50万`,
  (n) => `${n}现在什么进展`,
  (n) => `提醒我明天跟进${n}`,
  (n) => `回访了${n}，客户很满意`,
  (n) => `新客户：${n}，制造业，A类`,
  (n) => `${n}的单子丢了，对方选了竞品`,
  (n) => `跟${n}的李经理吃了个饭`,
  (n) => `月底前要把方案发给${n}`,
  (n) => `明天下午去${n}拜访`,
  (n) => `${n}预计月底签`,
  (n) => `看看${n}的情况`,
  (n) => `${n}满意度回访，打了4分`,
  (n) => `和${n}微信沟通了一下，预算80w`,
  (n) => `添加联系人 ${n} 王伟 采购总监 13800138000`,
  (n) => `${n}的对接人是刘芳，市场部经理`,
  (n) => `给${n}发了报价邮件，两周后跟进`,
  (n) => `记得3天后跟进一下${n}`,
];

describe('customer names survive every sentence shape', () => {
  for (const template of TEMPLATES) {
    const sample = template('X');
    it(sample, () => {
      const wrong = NAMES.map((name) => [name, parse(template(name), { now: '2026-11-23T10:00:00+08:00' }).slots.customer])
        .filter(([name, got]) => got !== name);
      expect(wrong).toEqual([]);
    });
  }
});

const EN_NAMES = [
  'Acme Corp', 'Globex', 'Initech', 'Umbrella Corp', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Pied Piper',
  'Soylent', 'Cyberdyne', 'Tyrell Corp', 'Massive Dynamic', 'Vandelay Industries', 'Wonka Industries', 'Oscorp',
  'Gringotts Bank', 'Bluth Company', 'Dunder Mifflin', 'Oracle', 'Salesforce', 'Nvidia', 'IBM', 'SAP', 'Contoso',
];

const EN_TEMPLATES: ((name: string) => string)[] = [
  (n) => `Met with Mr. Chen at ${n} today, follow up next Tuesday`,
  (n) => `Called ${n}, moved to negotiation`,
  (n) => `${n} closed won, 200k`,
  (n) => `remind me to email ${n} tomorrow at 3pm`,
  (n) => `new customer ${n}, manufacturing, tier A`,
  (n) => `what's the status of ${n}`,
  (n) => `Visited ${n}, they want a demo`,
  (n) => `${n} lost, went with a competitor`,
];

describe('English customer names survive every sentence shape', () => {
  for (const template of EN_TEMPLATES) {
    it(template('X'), () => {
      const wrong = EN_NAMES.map((name) => [name, parse(template(name), { now: '2026-11-23T10:00:00+08:00' }).slots.customer])
        .filter(([name, got]) => got !== name);
      expect(wrong).toEqual([]);
    });
  }
});
