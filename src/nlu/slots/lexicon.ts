// Word lists shared by the slot extractors. Kept as data so adding a word never means
// adding a branch.

// The most common Chinese family names (single character), enough for 张总 / 王伟.
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';

// Honorific suffixes that turn a family name into a contact: 张总, 李经理, 王工.
export const HONORIFICS = [
  '总经理', '总监', '经理', '总', '工', '主任', '老师', '老板', '董', '博士', '律师', '部长', '处长',
  '科长', '主管', '秘书', '助理', '先生', '女士', '小姐', '姐', '哥', '局', '书记', '院长', '校长', '行长',
];

// Job titles, longest first so 副总经理 wins over 经理.
export const TITLE_WORDS = [
  '副总经理', '总经理', '副总裁', '总裁', '董事长', '副总', '首席执行官', '总监', '经理', '主管', '主任', '负责人',
  '部长', '处长', '科长', '工程师', '专员', '助理', '秘书', '采购', '财务', '创始人', '合伙人', '老板', '顾问',
  'HRBP', 'HR', 'GM', 'BD', 'CEO', 'CTO', 'CFO', 'COO', 'CIO', 'CMO', 'VP', 'Director', 'Manager', 'Head', 'President', 'Founder',
  'Engineer', 'Buyer', 'Owner', 'Lead', 'Partner', 'Officer', 'Architect', 'Admin', 'Specialist',
];

// Generic nouns that a pattern may catch where a company name usually stands.
export const NOT_A_CUSTOMER = new Set([
  '客户', '大客户', '老客户', '新客户', '重点客户', '小客户', '对方', '他们', '她们', '我们', '咱们', '大家', '公司', '领导',
  '老板', '团队', '这家', '那家', '这个客户', '那个客户', '这个', '那个', '今天', '明天', '客户那边', '对方公司', '人家',
  '甲方', '用户', '方案', '报价', '报价单', '合同', '资料', '材料', '产品', '样品', '发票', '文件', '协议', '标书', '价格', '需求', '项目', '单子', '这单', '那单', '合作方', '厂家', '供应商', '我', '你', '他', '她', '自己', '一下', '大家伙', '一家', '家客户',
]);
