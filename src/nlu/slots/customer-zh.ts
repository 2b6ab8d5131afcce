// The customer company in a Chinese message. Names are open-ended (华为, 三一重工, 杭州云帆科技
// 有限公司), so instead of a dictionary we read them off their surroundings: after a keyed
// label (新客户：X), after a preposition or verb (给X / 和X / 拜访了X / 把X), or at the very
// start (X那单… / X签了). A name runs until a boundary word: 的, a verb, a department, a
// contact (张总), punctuation.
import { HONORIFICS, NOT_A_CUSTOMER, NOT_PERSON, SURNAMES, TITLE_TAIL } from './lexicon.js';
import { isEnglishStopWord } from './customer-en.js';
import { pinyinRun } from './latin-names.js';
import { nameBeforeIndustry } from './profile.js';

// 总 of 总部/总价 is no honorific: 京东方总部 is 京东方 at its head office, not Mr. Fang.
const CONTACT = `[${SURNAMES}](?:${HONORIFICS.join('|')})(?!部|价|额|共|体|结|计|量|包|算)`;

const CITIES = '北京|上海|深圳|广州|杭州|南京|苏州|成都|武汉|西安|长沙|合肥|重庆|天津|青岛|郑州|济南|沈阳|大连|厦门|宁波|无锡|东莞|佛山|昆明|长春|哈尔滨|福州|南昌|南宁|贵阳|太原|石家庄|兰州|珠海|常州|南通|烟台|徐州|温州|绍兴|嘉兴|泉州|惠州|中山|金华|乌鲁木齐|呼和浩特|银川|西宁|拉萨|海口|三亚|洛阳|芜湖|台州|扬州|镇江|盐城|潍坊|临沂|唐山|保定|廊坊|包头|鄂尔多斯|柳州|桂林|遵义|绵阳|宜昌|襄阳|岳阳|株洲|湘潭|赣州|漳州|莆田|汕头|江门|湛江|肇庆|揭阳|韶关|淄博|威海|济宁|泰安|聊城|菏泽|邯郸|邢台|沧州|秦皇岛|湖州|丽水|衢州|舟山|连云港|淮安|宿迁|泰州|蚌埠|安庆|阜阳|马鞍山|开封|新乡|南阳|许昌|焦作|商丘|信阳|周口|驻马店|平顶山|宝鸡|咸阳|榆林|天水|喀什|大理|丽江|曲靖|北海|玉林|梧州|德阳|宜宾|泸州|南充|乐山|鞍山|抚顺|丹东|锦州|营口|盘锦|齐齐哈尔|牡丹江|佳木斯|晋中|长治|运城|临汾|赤峰|十堰|荆州|黄石|孝感|常德|衡阳|郴州|上饶|景德镇|三明|龙岩|茂名|梅州|潮州|东营|滨州';
// Districts reps drive to (去了嘉定, 从江宁回来, 江宁的华芯半导体): places, never a customer. (Names that are
// also a company's short name — 金山, 长安, 光明, 南山, 白云 — are left out.)
const DISTRICTS = '浦东|闵行|徐汇|静安|黄浦|长宁|普陀|虹口|杨浦|宝山|嘉定|松江|青浦|奉贤|崇明|海淀|丰台|通州|顺义|昌平|大兴|亦庄|望京|中关村|天河|越秀|海珠|番禺|花都|南沙|福田|罗湖|宝安|龙岗|龙华|坪山|前海|滨江|余杭|萧山|拱墅|江宁|玄武|秦淮|建邺|栖霞|浦口|雨花台|江北|渝中|渝北|九龙坡|沙坪坝|武侯|青羊|金牛|成华|双流|郫都|龙泉驿|昆山|太仓|常熟|张家港|吴江|江阴|宜兴|义乌|慈溪|余姚|顺德|禅城|虎门|松山湖|张江|漕河泾|临港|陆家嘴|高新区|经开区|开发区';
const PLACE_OF = new RegExp(`^(?:${CITIES}|${DISTRICTS}|香港|澳门|台北|新加坡)(?:那边)?的$`);
const PROVINCES = '浙江|江苏|广东|山东|河南|河北|湖南|湖北|四川|福建|安徽|江西|辽宁|吉林|黑龙江|山西|陕西|云南|贵州|广西|海南|甘肃|青海|内蒙古|新疆|宁夏';
const IS_DISTRICT = new RegExp(`^(?:${DISTRICTS})(?:区|那边|这边|那块)?$`);

const BOUNDARY = [
  '的', '那', '这', '[,，.。!！?？;；:：、|\\s()\\-—]', '$', CONTACT, '送(?=方案|报价|合同|资料|样|礼|货|过去|个|了|点|台历|月饼|检)',
  '他们', '她们', '对方', '打了', '打电话', '打一', '建(?=个|一个|了个)', '发(?=了|个|过|送|给|去|到|出|完|一下|那个|这个|邮件|微信|消息|短信|方案|报价|合同|资料|样品|信息|文件|对账单|账单|发票|货(?!运|代)|票|续|新|正式|最新|[\\s,，。]|$)', '售后', '立项', '打个', '打过', '发了', '发个', '发过', '发送', '开了', '开个', '开会', '开始', '吃了', '吃饭', '吃个',
  '做', '聊了', '聊聊', '聊天', '聊一', '谈了', '谈判', '谈一', '谈的', '谈(?=妥|好|成|崩|拢|下来|得|过|到|续|价|合|方|报|条|细|项|一下|下)', '样机', '样品(?!间|房|屋)', '测试', '交流', '拜(?=个年|年|访)', '新开(?=的)', '[一二三四五六七八九十\\d]期(?![货限])', '框架', '协议', '试用', '看(?=陈列|一下|下|看|过|货|样|了)', '聊(?=得|过|好|妥)', '沟通', '上门', '拜访', '签',
  '手上', '手里', '手头', '双十一', '双十二', '双11', '双12', '618(?!\\d)', '年货节', '大促', '店庆', '我们', '我方', '咱们', '预计', '现在', '目前', '最近', '最新', '近况', '寄', '送了', '送去', '开完', '聊完', '谈完', '做完', '弄完', '搞完', '新来', '新任', '来了', '线索', '商机', '动态', '线上', '线下', '远程(?=演示|会议|沟通|视频|培训|指导|支持|调试|交流|讲|做|demo)', '现场', '满意度', '生日', '参加', '参与', '出席', '丢', '(?<!运|传|灌|输)输(?!液|血|电|送)', '黄了', '项目', '单子', '订单', '采购(?!中心|办公室|站)', '市场部', '技术部', '财务部',
  '信息部', 'IT部', '销售部', '运营部', '研发', '法务', '合同', '金额', '报价', '方案', '需求', '进入', '进展', '到', '情况', '怎么', '怎样', '咋', '啥',
  '什么', '有没有', '了解', '确认', '反馈', '表示', '说', '回访', '跟进', '联系', '见面', '见了', '面谈', '一起', '进行', '要',
  '想要', '需要', '准备', '争取', '力争', '对(?=[A-Z]{2,}|[^,，。;；\\s]{0,8}(?:需求|感兴趣|有兴趣|很满意|认可))', '先(?=报|发|给|做|出|把|试|打|去|聊|谈|约|签)', '已经', '又', '也', '还', '(?<![成首京洪帝花])都(?![市城会汇江新])', '再', '续费', '续约', '续签', '微信', '电话', '邮件', '视频', '会议',
  '演示', '的人', '老总', '领导', '负责', '对接', '方面', '总部', '分公司', '业务', '问', '请', '约', '最终', '终于', '正式',
  '成功', '赢', '上次', '上周', '本周', '这周', '上个?月', '这个月', '本月', '上礼拜', '进(?=入|了|到|方案|需求|谈判|商务|合同)', '基本(?=上|签|拿|定|搞|谈|确|没)', '差不多(?=签|拿|定|搞|谈)', '拿下', '中标', '成交', '满意', '非常', '很', '挺', '不', '没', '在(?!线)', '是', '被', '把', '给', '和', '跟',
  '吧', '吗', '呢', '啊', '了', '挪', '改(?!革)', '(?<!空)调(?!研|料)', '移到', '推到', '从(?=[^,，。;；\\s]{0,4}(?:阶段|报价|方案|谈判|线索|需求|丢单|赢单|输单))', '回(?=个|电|一下|复|头|了个|了电|了一)', '坐', '碰', '遇', '喝', '吃', '去(?:了|一趟|趟)', '升职', '升了', '开(?=[A-Za-z\\u4e00-\\u9fff]{0,6}会)', '对售', '对产', '对服', '对我', '对接', '预算', '意向', '(?<=[\\u4e00-\\u9fff])(?:[Dd]emo|DEMO|[Mm]eeting|[Cc]all|POC|[Pp]oc|[Zz]oom|[Tt]eams)(?![A-Za-z])', '走(?=合同|流程|采购|审批|招标|签约)', '去(?=拜访|现场|见|谈|聊|签|送)', '大概', '初步', '商务', '提了', '选了',
  '有(?=意向|兴趣|需求|几个|几单|多少|什么|啥|哪些)', '新(?=对接人|联系人|负责人|项目|商机)', '(?:添加|新增|加|录入|新建)(?:一个|一位|个|位)?(?:新的?)?(?:联系人|对接人)', '换(?:了|个)?(?:对接人|联系人)', '添加联系人', '新增联系人', '加个联系人', '录入联系人', '新联系人', '放弃', '那单', '下单', '回款', '付款', '首付', '首款', '尾款', '到账', '试用', '上线', '续(?=保|约|费|签)', '下(?:一)?次', '要(?=扩|加|追加|换|上|做|买|采购|增加|新增|订)', `找(?=[老小][${SURNAMES}])`, '看(?=[^,，。;；\\s]{0,6}(?:的事|现场|设备|机器?|样机|样品|示范田|大棚|仓库|车间|展厅|工地))', '拜了个?年', '(?<![创更最全崭翻焕])新的(?=对接人|联系人|负责人)', '踏勘', '勘察', '勘测', '(?<![闪配快运递输护接])送(?=试吃|粽子|月饼|花|礼|年货|水果|茶叶|红包|东西|发票|样)', '(?<![包服安改组精盒罐灌散套西时武假伪])装(?=打印机|机器|设备|系统|软件|收银|摄像|监控|空调|网络|电脑|一下|好了|完)', '开学', '待(?=了[一整大半个]{0,3}(?:下午|上午|晚上|天|整天|会|一会))', `培训(?!中心|学校|机构|学院|学堂|基地|集团|公司)(?:(?<=(?:在|给|去|到|帮|为|替)[^\\s,，。]{1,10}培训)|(?!班(?!了)|的(?:[${SURNAMES}]?(?:老师|老板|校长|主任|教务|前台|负责人|总|园长)|续约|续费|合同)|[${SURNAMES}](?:老师|老板|校长|主任|总)|[\\s,，。]|$))`, '出(?!行|版|口|租)', '安排', '过去', '过来', '过(?=一遍|一下|下方案|了一遍|了一下|了下)', '明年', '今年', '回复', '换(?=号|了|个|手机|电话)', '新号', '讲(?=方案|产品|解|一下|了)', `见(?=[${SURNAMES}]|了|面|个|到)`, '回来', '最新', '信息科', '信息中心', '(?:华南|华北|华东|华中|西南|西北|东北)区', '省分行', '总行', '分行', '支行', '见完', '新加', '市场(?=活动|部)', `(?:${CITIES})(?=总部|分公司|办公室|那边|工厂|基地|园区|分部|研究院)`, `找(?=[${SURNAMES}]|了)`, '(?:产品)?使用(?=反馈|情况|体验)', '产品(?=反馈|使用|满意)', '推广', '活动(?=回访)', '跑(?=了|一趟)', '一趟', '趟', '走到', '推进到', '报(?=过|了|个|一)', '投标', '招标', '竞标', '述标', '开标', '答疑', '交(?=标书|方案|报价|资料|材料|合同|样品|货款|保证金)', '对(?=上次|这次|之前|我们|咱们|产品|服务|系统|新版)', '春节', '(?<![0-9一二两三四五六七八九十几多跨])年[前后底内]', '节[前后]', '开春', '去年', '前年', '刚(?=刚|才|[开见聊谈打发签从去到跟和给把拜回出加约])', '加了个?新?(?:联系人|对接人)',
];

// "7-Eleven": a hyphen between letters or digits stays inside a name.
const NAME = '((?:[\\u4e00-\\u9fffA-Za-z0-9&·]|(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])){2,24}?)';
const AHEAD = `(?=${BOUNDARY.join('|')})`;

// Longer forms first: the regex takes the first alternative that fits at a position.
const PREPOSITIONS = [
  '(?:回访|拜访|跟进|沟通|通话)(?:记录|情况|结果)[:：]', '(?:记|挂|放|录)到(?:那个|这个)?[，,、\\s]*', '(?:[Cc]all|[Vv]isit|[Ee]mail|[Pp]ing|[Zz]oom|[Dd]emo)\\s?(?:了|过|完)\\s?', '打给了', '路过', '顺道去了一?趟', '顺路去了一?趟', '顺道(?:去|进了?)?', '顺路(?:去|进了?)?', '(?:最有戏|最有希望|最有可能|重点|第一个打)的是', '发给了', '给了', '问了', '问下', '跟进下', '联系下', '回访下', '拜访下', '查下', '看下', '对(?!方|于|接|我|他|她|此|比|象)', '碰到了', '遇到了', '见到了', '去拜访了', '去拜访', '(?:先|再)?记(?!得|住|录|错)(?:一下|下)?(?=[^,，。;；\\s]{2,24}的)', '(?:先|再|顺便|另外)记(?!得|住|录|错)(?:一下|下)?', '离开了?', '去过', '见过', '找过', '去了一趟', '去了趟', '去了一下', '去了下', '跑了一趟', '跑了趟', '跑一趟', '跑趟', '走一趟', '陌拜了?(?:一家)?(?:新客户)?(?:叫)?', '去一趟', '去趟', '去了', '拜访完', '拜访过', '回访完', '回访过', '见完', '聊完', '拜访了', '拜访一下', '拜访', '接待了?', '上门拜访', '回访了', '回访一下', '回访', '跟进一下', '跟进了', '跟进',
  '联系了', '联系一下', '联系(?!人)', '同步下', '同步一下', '催一下', '催下', 'follow up一下', 'follow up', 'followup', '接了', '接到了', '接到', '回了', '见了', '去见', '(?<![续签预])约了', '(?<![续签预])约', '查一下', '查查', '查询', '查', '看看', '看一下', '问问', '问一下',
  '汇报一下', '汇报下', '说一下', '说说', '讲讲', '介绍一下',
  // "老郑手上那个恒瑞医药", "赵磊跟的那家恒瑞": the customer someone holds.
  '(?<=手上|手里|手头|跟的|负责的|管的|名下)的?(?:那个|那家|这个|这家)',
  // "赣江城投下面的赣江新能源公司": the subsidiary named is the customer.
  '(?<=[\u4e00-\u9fff]{2})(?:下面|下属|旗下)的',
  // "跨年的时候恒力包装的梁总发微信说…": a time said as a clause before the name.
  '(?<=[\u4e00-\u9fff])的时候[,，]?',
  // "刚被青啤孙工叫过去": who sent for us.
  '被(?=[^,，。;；\\s]{2,16}(?:叫|喊|拉|请|约)(?:过去|过来|去|来))',
  // "周五下午那个 江宁的华芯半导体": the place it is in, said with 的.
  `(?<=(?:^|[\\s,，|])(?:${CITIES}|${DISTRICTS}))的\\s?`,
  '巡了', '巡店', '走访了?', '(?:首先|先)是', '(?<=先|又|再|还)打了', '(?<=完)对', '收到了', '收到', 'with\\s', 'from\\s', 'at\\s', 'to\\s', '(?<![A-Za-z])(?:of|on|about)\\s', '给', '和', '跟(?!进|踪)', '与', '去', '到', '把', '从', '陪', '替', '对接(?!人)', '(?<=对接人|联系人|负责人|决策人|对象|客户|一家)是', '邀请了?', '(?<![现正存实好还都也仍卡停])在(?![这那哪线])', '(?:met|visited|called|emailed)\\s', '(?<![没未不])(?:拿下了?|签下来了?|签下了?|搞定了?|签了|签约了|赢单了?|成交了?)[!！~～,，\\s]+', '拿下了', '拿下', '签下了', '签下', '签了(?!合同|个|一|单|字|约|下|[\\d几两三四五])', '搞定了', '搞定',
];

// "聊了华为的项目": a name owned by a deal noun, after a verb or clause start.
const POSSESSIVE = new RegExp(
  `(?:^|[,，。;；!！:：\\s|]|了|聊|谈(?!判)|问|说|关于|讨论|确认|一下|(?<=[^叫])做)([^\\s,，。;；!！:：|了聊谈和跟给与把的说问在是]{2,24}?)(?=(?:投诉|上线|安装|交付|维修|培训|验收|售后)(?:后|之后|以后)的(?:满意度|回访|调查|反馈)|[那这](?:单|个单子|个项目|笔单子?|个标|个回访|个跟进)|的[\u4e00-\u9fffA-Za-z0-9]{1,6}(?:项目|标)(?=[，,。;；!！\\s]|$)|[\u4e00-\u9fffA-Za-z0-9]{1,4}那个(?:项目|标|单子)|(?:又|新)?(?:加|添|增)了个?新?的?(?:联系人|对接人)|那边(?:说|表示|反馈|觉得|的|想|要|希望|打算|准备|还|也|已经|目前|现在|先|暂时|就是|就)|的客户(?:说|表示|反馈|觉得)|的[\u4e00-\u9fffA-Za-z0-9]{1,6}项目(?:拿下|签|丢|黄|中标|进入|到)|(?:签(?:了|下来了|约了)|拿下了|搞定了|中标了)(?![吗没])|的(?:单(?![位价独])|项目|单子|合同|对接人|联系人|负责人|决策人|需求|订单|续约|续费|方案|报价|商机|采购|预算|事|那单|情况|进展|满意度|回访|调查|使用|反馈|服务|产品|系统|投标|标书|招标|材料|资料|样品|发票|款|询价|询单))`,
  'g',
);
// "他是比亚迪的": the company a person belongs to.
const BELONGS = new RegExp(`(?:是|属于|来自)${NAME}(?=的(?:$|[,，。!！]))`, 'g');
const KEYED = /(?:^客户新增|(?:录|建|登记)(?:一个|一家|个)(?:新的?)?客户|新增[一个家位小大]*客户|新(?:建|加|开)[一个家位小大]*客户|建个[小大新]?客户|新增客户|新增一个客户|新建客户|录入客户|添加客户|加个客户|新客户|(?:客户|公司)(?:名称|名字)?(?=\s*(?:是|为|叫|:|：))|(?<=[的家])(?<![\d两三四五六七八九十几多]家)客户(?!信息|资料|情况|档案|列表|名单|进展))[啊呀哈嘛哦]?(?:要|需要|得)?(?:录|记|加|建|登记)?(?:一下|下)?\s*(?:是|为)?[:：]?\s*[，,]?\s*(?:(?:帮我)?(?:录一下|记一下|加一下|登记一下|录入一下|建一下|新建一下|创建一下|建个档)\s*)?(?:叫做|叫|名为|名叫|名字叫)?\s*((?:[A-Za-z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)+)|[^\s,，。;；!！?？|、:：]{2,40})/;
// The departments a company has (采购部, 设备科, 信息中心): never part of its name.
const DEPARTMENT_STEMS = '电商|加盟|理赔|营销|渠道|商品|会员|工程|餐饮|采购|财务|行政|信息|设备|技术|市场|销售|运营|客房|人事|法务|后勤|物业|品牌|企划|研发|质量|生产|医务|总务|基建|资产|教务|药剂|保卫|网络|信息化';
// "…刚跟海康的王总打完电话": a company owning a named contact, after a start word or a verb.
// The start words come before ^: "跟柳工的严总" at the very start is 柳工, not 跟柳工.
const OWNED_CONTACT = new RegExp(`(?:拜访(?:完|了)?|问候(?:了|一下)?|见了|见完|见|去了|(?:碰|遇|见)到了?|约了?(?:一?下)?|陪|请|跟进了?|跟(?!进|踪)|和|与|给|那个|这个|还有|找|(?:电话|微信|视频)[里上中]|[\\s,，。;；!！|:：]|^)((?:[A-Z][A-Za-z0-9&·]*(?: [A-Z][A-Za-z0-9&·]*)+)|[\\u4e00-\\u9fffA-Za-z0-9&·]{2,24}?)(?:的|那个|那边的|的?(?:${DEPARTMENT_STEMS})(?:部|科|处|室|中心)的?)(?=${CONTACT})`, 'g');
// A department owns contacts too (信息部的吴总, 采购的周经理, 华南区的陈经理): it is no customer.
const DEPARTMENT = /(?:部|中心|处|科|室|组|办|团队)$/;
const OWNED_FULL_NAME = new RegExp(`(?:拜访了?|问候了?|见了|找了|约了|给|跟|和)([\\u4e00-\\u9fffA-Za-z0-9&·]{2,24}?)的([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=[,，。;；\\s]|$|说|表示|反馈|聊|打|通|吃|喝)`, 'g');
const DEPARTMENT_WORD = /^(?:检验|影像|放射|病理|药学|护理|输血|急诊|麻醉|超声|器械|质控|科研|关务|报关|进出口|外贸|餐饮|客房|前厅|企划|品牌|公关|采购|物流|仓储|仓库|物业|工艺|计划|品控|质控|安环|环保|财务|供应链|研发|技术|质量|品质|质检|生产|行政|人事|人力|法务|市场|销售|运营|信息化?|设备|工程|基建|后勤|总务|战略|投资|审计|风控|合规|客服|售后|产品|IT|HR|集采|商务|业务)(?:部门?|中心|处|科|室|组|办|团队|口|那边|线|条线|事业部)?$|^(?:华南|华北|华东|华中|西南|西北|东北)区$|^(?:物业|销售|贸易|投资|工程|地产|置业|商业|物流|建设|供应链|分|子|母|总|外包|施工)公司$/;
const PREP = new RegExp(`(?:${PREPOSITIONS.join("|")})(?:了?一下)?[:：\\-—]?\\s?(?![我你他她])${NAME}${AHEAD}`, 'g');
// "东莞的宏达五金 王厂长…": the city said with 的 before the name, at the start, is no part of it.
// "回访了石家庄仁和医院", "同和物流园": 和 inside a name that ends as an institution is no "and".
const HE_INSIDE = /(?:^|[\s,，。|]|了|访|给|跟|去|到|在|从)(?![去到在给跟了访从回])([\u4e00-\u9fff]{1,8}?和[\u4e00-\u9fff]{0,6}?(?:医院|学院|大学|学校|物流园|产业园|园区|酒店|宾馆|集团|公司))/g;
// "宁波能和电器", "大连远和进出口", "昆明仁和口腔门诊部", "和美齿科": a one-character word and 和
// (or 和 and one character) before a trade word is a brand, not "X and Y".
const BRAND_TRADE = '车业|汽贸|汽配|车队|运输|客运|口腔(?:门诊部?|医院|诊所)?|门诊部?|诊所|齿科|牙科|电器|电子|电气|进出口|贸易|货运|物流|供应链|医疗(?:器械|设备)?|药业|大?药房|科技|实业|机械|五金厂?|建材|化工|食品|纺织|服饰|鞋业|粮油|家具|陶瓷|酒业|茶业|包装|印务|餐饮|商贸|置业|装饰|装修|家居|门窗|涂料|建筑|建工|学校|幼儿园|酒店';
// ("和美家装饰": after an opening 和, a two-character word before a trade of homes and shops.)
const HOME_TRADE = '装饰|装修|家居|建材|门窗|涂料|五金|齿科|口腔|诊所|药房';
const HE_BRAND = new RegExp(`(?:^|[\\s,，。|]|了|访|给|跟|去|到|在|从|下|把|第[一二三四五六七八九十\\d]{1,2}家)((?:${CITIES})?(?:(?![和去到在给跟了访从回把下的是])[\\u4e00-\\u9fff]和[\\u4e00-\\u9fff]{0,3}?(?:${BRAND_TRADE})|(?<=(?:${CITIES}))[\\u4e00-\\u9fff]{2}和(?:${BRAND_TRADE})|和[\\u4e00-\\u9fff](?:${BRAND_TRADE})|和[\\u4e00-\\u9fff]{2}(?:${HOME_TRADE})(?![^,，。;；\\s|]{0,10}(?:吃|聊|谈|见|开会|碰|沟通|打|约|喝)))(?:有限公司|公司|集团)?)`, 'g');
// "小刘负责的沈阳盛通达物流丢了": the customer a colleague handles is the customer.
const HANDLED_BY = new RegExp(`(?:^|[\\s,，。|])(?:(?:[老小][${SURNAMES}]|[${SURNAMES}][\\u4e00-\\u9fff]{1,2}|我)(?:(?:负责|跟进|跟|管|对接)的|手(?:上|里|头)的?|报上来的)|(?:[老小][${SURNAMES}]|[${SURNAMES}][\\u4e00-\\u9fff]{2})那边的?)\\s?(?:那个|那家)?(?![卡在有是])${NAME}${AHEAD}`);
const SUBSIDIARY = new RegExp(`[\\u4e00-\\u9fffA-Za-z]{2,12}(?:下面|下属|旗下)的(?:那个|那家)?${NAME}${AHEAD}`);
const PLACE_AND = new RegExp(`((?:${PROVINCES}|${CITIES})和[\\u4e00-\\u9fffA-Za-z0-9]{2,14}?)${AHEAD}`);
const INITIAL = new RegExp(`^[|\\s,，.。!！?？~～、]*(?:客户|老客户|公司)?(?:(?:${CITIES}|${DISTRICTS})(?:那边)?的\\s?)?${NAME}${AHEAD}`);

const SUFFIXED_TOKEN = /(?:^|[\s,，、:：|])([\u4e00-\u9fffA-Za-z0-9]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团))(?=$|[\s,，、。;；|])/;

const PROFILE_ONLY = /^[\u4e00-\u9fff]{1,8}(?:行业|领域|赛道)$|^(?:[ABC]\s*[类级]|重点客户|一般客户|小客户|大客户|VIP)$/;
const NAMED_NEW = /(?:^|[\s,，|])([^\s,，。;；!！?？|]{2,20})\s*是(?:个|一家|一个)?\s*新客户/;
const NAME_BEFORE_KEY = /(?:^|[\s,，|])([^\s,，。;；!！?？|]{2,20})\s*(?:是个?|是一家)?\s*(?:新客户|新增客户|新建客户)/;
// "远大住工 录入一下 建材 一般客户", "亚朵 酒店 新增", "国大药房 连锁药店 新客户 A类": a note that opens on the name.
const NAME_FIRST = new RegExp(`^\\s*(?:(?:${CITIES})\\s+)?([^\\s,，。;；!！?？|:：]{2,20})\\s+(?:[^\\s,，。]{2,8}\\s+)?(?:新客户|新增客户|新建客户|录入(?:一下)?|新增|新建)(?=\\s|$)`);

// Words that show a candidate is a phrase, not a company.
// "上海见拼多多的杨总": a city the rep travelled to, then the verb, is no company.
const CITY_THEN_VERB = new RegExp(`^(?:${CITIES})(?:见|拜访|找|跑|出差|开会)`);
const NOT_NAME = /^[啊嗯呃哦噢诶哎额]|的时候|手机号|电话号|^马上|^(?:园区|工业园|厂区|高铁站|火车站|机场|市区|郊区)$|整个(?:部门|团队|组)|^(?:KP|kp|PM|GM|VP|CEO|CTO|CFO|CIO|COO|IT|HR)$|^(?:让|叫|安排|派)[老小]|^(?:除夕|小年|快放假|放假|开工|复工|上班|新年|节后|年后)|^(?:值班|一面|个面|左右|上下|前后)$|^(?:等会儿?|一会儿?|待会儿?|改成|改到)|^走(?:合同|流程|审批|程序|招标|采购)|^(?:议价|比价|谈判|评审|审批|招标|投标)|^(?:这么|那么)(?:晚|早|忙|累)|那会儿?|(?<=.)(?:前|后)(?:得|要|就)$|^第[一二三四五六七八九十\d]+$|^还有客户|^等(?=过|到|忙|他们|对方|客户|年|节|春|开春|下)|^(?:过|忙|放|休)完|^过了年|^同事|^(?:录|记|写|说|搞|打)错|^(?:新来|新任|刚来|新上任)|^所有|^开(?:了|个|完)|^(?:使用|产品|服务|售后|客服|系统|电话|节日)$|^需求|^意向|^[\d一二三四五两]+分$|^(?:一般|满意|不满意|还行|非常满意|很满意)$|加了?个?班|^(?:五一|十一|双十一|双十二|跨年夜?|凌晨|补一条|补一个|补录|录单子?)$|^加了|了$|^(?:好的|好吧|行吧|对的|是的|嗯嗯|完成|完毕|投诉|抱怨|答复|回复|结论|结果|消息|家人|朋友|孩子|新能源|制造业|互联网|零售|快消|金融业|医疗行业)$|^合同|促销|大促|年货节|店庆|^(?:带|领|趁|顺便|提前)|年中|最后\d|收个尾|^(?:着|第[一二三\d]个|第[一二三\d]家|两版|几版)|^(?:签|拿下|搞定|赢单|成交|中标|跑了|跑一|走一|虽然|但是|太(?:忙|累|晚|早|难|多|少|热|冷|困)|结果|双旦)|^(?:早上好|下午好|晚上好)|^有没有|^的|忘了|^现场|^第[一二三四五六七八九十\d]+站|^(?:展厅|样板间|样板房|工地|会议室|办公室)|接待$|调研$|环节$|^(?:更正|纠正|修正|订正|补充一下|冲量|冲业绩|周年庆|年会|招标|投标|开标|评标|标书)|^(?:系统|软件|平台|设备)(?!集成|工程|科技)|^(?:一早|一大早|大清早|二次|年框|框架)|^[\d一二两三四五六七八九十几]+(?:趟|次|回|遍|个人|个|位|人|家)$|^(?:好几|几|一些|这几|那几)(?:个|家|位)|^(?:改天|过几天|过两天|有空|找时间|抽空|回头)|^(?:忙到|忙完|刚忙完|补个|补一个|补充个|再补|现在|陌拜)|^(?:坏消息|喜讯|噩耗)|^(?:累|困|忙|饿|热|冷|烦)死|有空|^(?:问|查|看)(?:一?下|问|看)$|^(?:机器人|小助手)|^bot|^(?:客户)?(?:清单|列表|名单)$|最后一|年前|年后|跨年|平安夜|^行程|加班|出差|开车|路上|顺路|下班|上班|回头|活动|推广|续约|续费|问候|关怀|双十一|双11|阶段|金额|判断|提醒|记得|别忘|客户|我们|他们|对方|季度|冲刺|补记|目标|收官|开门红|喜报|捷报|一下|一趟|一次|什么|怎么|哪些|帮我|今天|明天|^销售(?:额|部|团队|数据|情况|目标|会议?)?$|漏斗|业绩|待办|任务|撤销|帮助|团队|安排|一轮|大家|这周|本周|本月|跟进|回访|拜访|联系|电话|微信|邮件|^添加|^新增|^录入|^新建|搞定|拿下|签下|成交|记录|备注|记一下|帮我记|汇报|日报|复盘|总结|小结|恭喜|^麻烦|三八节|^路过|^(?:完整|正式|详细|最终|具体|整体)|^上次|^这次|^下次|好消息|太好|^哈哈|终于|报告|春节|中秋|国庆|元旦|端午|元宵|清明|圣诞|新年|过年|节前|节后|节日|劳动节|情人节|妇女节|儿童节|教师节|感恩节|准备|打算|计划|需要|必须|^确认|^全(?=部|都|体|面|力|程|年|天|额|款|是|员|球|国|新|省|市|区|套)|^(?:之前|以前|之后|以后|邀请|巡了|巡店|走访)|^多(?:就|才)|^第[\d一二三四五六七八九十]+[天次个回轮]|^(?:采购|财务|技术|运营|市场|销售|行政)[老小]|^(?:视频会|电话会|线上会|会议)|^(?:收到|接|回|上门|都|各|很|挺|非常|比较|特别|不|没|下|对|了|打|发|做|聊|谈|见|约|去|看|查|请|要|想|说|已|刚|再|又|也|还|就|先|后|前|给|和|跟|与|把|从|帮|陪|替|到|在|我|你|他|她)|[前后上]$|(?:会|店|楼|家|那|这|园|城)里$/;
const DONE_THEN = /^[\u4e00-\u9fff]{1,8}?完了?(?:对|给|跟|和)(?=[\u4e00-\u9fffA-Za-z]{2})/;
// ("润华集团上周已经签了": when and how far, said after the name, is no part of it.)
const TRAILING = /(?:投诉|客诉|签约|确定|(?:上周|本周|这周|上个?月|这个月|本月|今天|昨天|前天|刚刚?|刚才)?(?:已经|终于|总算)|上周|本周|这周|上个月|这个月|那边|这边|下面|底下|方面|那儿|这儿|公司那边|楼下|楼上|门口|附近|对面|旁边|老板|总部|[啊呀呢]|(?<=.{2})(?:重新|看场地|看现场|看厂房|看样品?|过试点|过一下|过方案))$/;
const LEADING = /^(?:(?:另外|还有|然后|接着|此外|再就是)(?=[\u4e00-\u9fff]{2})|叫(?!做)(?=[\u4e00-\u9fff]{4,})|(?:[Cc]all(?:ed)?|[Vv]isit(?:ed)?|[Ee]mail(?:ed)?|[Pp]ing(?:ed)?|[Mm]eet|[Mm]et|[Zz]oom)\s?(?:了|过|完)?(?=[\u4e00-\u9fff]{2})|的(?=[\u4e00-\u9fff]{2})|叫做|名叫|名字叫|名为|一?趟|直接(?:去|到)?|刚才说的|刚说的|就是|是(?=[\u4e00-\u9fff]{2})|一次|一轮|一个|一家|一下|了|(?:做|弄|搞|刚)*完(?=那个|这个|了)|的?那个|的?这个|的?那家|的?这家|还有|然后|刚刚|刚才|(?:老|新|大|重点|VIP)客户|(?:能不能|能否|可不可以|要不要|帮忙|顺便)(?:给|跟|和|找|去|到)?)+/;

// "见了信息化部部长邓文斌": a title and a full name is a person, not a company.
const TITLED_PERSON = new RegExp(`(?:总监|经理|主管|主任|负责人|部长|处长|科长|院长|行长|CEO|CTO|CFO|COO|CIO|VP)[${SURNAMES}][\\u4e00-\\u9fff]{1,2}$`);

const TITLED_ANYWHERE = new RegExp(TITLED_PERSON.source.replace(/\$$/, ''));

// A contact caught where a company usually stands ("和张总聊了华为的项目").
const LOOKS_LIKE_PERSON = new RegExp(`^[${SURNAMES}][\\u4e00-\\u9fff]{1,2}$`);
// ("老胡记", "老乡鸡": 老X with a shop word is a brand, not Old Hu.)
const IS_CONTACT = new RegExp(`^(?:${CONTACT}|老[${SURNAMES}A-Z](?![记鸡家号铺店坊斋楼馆])|(?:欧阳|司马|诸葛|上官|东方|慕容|夏侯|皇甫|尉迟|公孙|长孙|宇文|司徒|端木|令狐)(?:${HONORIFICS.join('|')})).?$`);

// A CRM cue on its own (「签了」, 金额, 判阶段) is never a company, quoted or not.
const CUE_ONLY = /^(?:判|改|调|设)?(?:演示|演示完|[Dd]emo|签了?|签约了?|签单|已签|金额|阶段|报价|方案|需求分析|需求确认|商务谈判|谈判|线索|初步接触|赢单|输单|商机|跟进|联系|回访|拜访|赢单|丢单|成交|预算|合同|满意度|撤销|帮助)$/;
// "宁波港集团CIO吴海峰", "省人民医院副院长周敏今天来": a title (and the person after it) ends the company.
const TITLED_TAIL = new RegExp(`(?<=.{2})(?:(?:${DEPARTMENT_STEMS}|项目|产品|供应链|政企|商务|业务|IT|HR)(?:部|科|处|室|中心)?)?副?${TITLE_TAIL}(?:[${SURNAMES}老小]|[A-Z][a-z]).*$`);
// "见了主任": a title alone is a person's, not a company.
const TITLE_ONLY = new RegExp(`^副?${TITLE_TAIL}们?$`);
// "回访了云上民宿老周": the familiar 老X glued after the company is the person.
const OLD_FRIEND = new RegExp(`^([\\u4e00-\\u9fff]{2,}?)老[${SURNAMES}]$|^([\\u4e00-\\u9fff]{3,}?)小[${SURNAMES}]$`);
// (Its second form, 小X, needs a longer company: 金鼎机械小吴.)
const familiarGluedTo = (name: string): string | undefined => {
  const m = OLD_FRIEND.exec(name);
  return m?.[1] ?? m?.[2];
};
// "老周一早就去了…", "小周一起去的…": a colleague, not a company.
const FAMILIAR_THEN_ONE = new RegExp(`^[老小][${SURNAMES}]一(?:早|起|块|同|直|般)`);
const QUOTES = /^[「『"“'‘《<(（【\[]+|[」』"”'’》>)）】\]]+$/g;

// "同仁医院眼科", "蒙牛乳业质检中心", "浙江大学信电学院": a unit after an institution is part of it, not its name.
// ("大同职业技术学院", "长沙环境保护职业技术学院": a whole school, not a company's unit.)
const ORG_UNIT = /^(?!.*(?:职业|技术|职业技术|工业|商业|农业|林业|医学|师范)学院$)(.{2,20}?(?:医院|大学|学校|中学|小学|附中|集团|公司|银行|[业局厂]))[\u4e00-\u9fff]{1,4}(?:科|部|处|室|中心|系|学院)$/;
// "瑞康医院后勤", "光明眼科医院院办", "钱潮医院新院区工地", "浦江华府物业电梯维保": a department, a site or a
// service said right after an institution is what the rep dealt with there, not the customer's name.
const INSTITUTION_TAIL = new RegExp(`^(.{2,20}?(?:医院|大学|学院|学校|中学|小学|集团|公司|银行|酒店|宾馆|物业|置业|地产|研究院|研究所))(?:(?:${DEPARTMENT_STEMS}|院办|校办|党办)(?:部|科|处|室|中心|办)?|(?:新|老|东|西|南|北|总)?(?:院区|校区)|工地|(?<=酒店|宾馆)(?:宴会厅|中餐厅|西餐厅|餐厅|厨房|后厨|大堂|宴会部|会议中心)(?:厨房|改造|装修)?|(?:保洁|安保|保安|餐饮|运维|绿化|电梯|消防|空调|净化|物业)(?:服务|维保|维修|外包)|维保)+$`);

// "青啤二期工地", "北汽新园区", "津云数据东区机房扩容", "协和后勤", "盛华律所年会": a phase, a site, the
// back office or an event of the customer (and what was done there) is no part of its name.
// (A bare 园区 stays: 苏州工业园区 is a name.)
// "周六上午来石家庄新发达车队": came to, before the city, is no part of the name.
const CAME_TO_CITY = new RegExp(`^来(?=(?:${CITIES}))`);
// "芜湖那个天和学校": the city said first, then 那个 and the name, is where it is.
const CITY_THAT = new RegExp(`^(?:${CITIES}|${DISTRICTS})(?:那个|那家|这个|这家)(?=[\\u4e00-\\u9fff]{2})`);
// "华达建工西安(项目部)": the city said after the company is its branch there, no part of the name.
const CITY_AFTER = new RegExp(`^([\\u4e00-\\u9fffA-Za-z]{2,}?(?:建工|建设|集团|公司|地产|置业|工程|建筑|实业|股份|银行|保险|[一二三四五六七八九十]局))(?:${CITIES})$`);
const SITE_TAIL = new RegExp(`^(.{2,}?)(?:(?:${CITIES})?项目部|(?:新|老|东|西|南|北|总)?(?:院区|校区|厂区)|(?:新|老|东|西|南|北)园区|[东西南北]区机房|机房|工地|车间|厂房|[一二三四五六七八九十\\d]期(?:工程|项目|工地)?|后勤|年会)[\\u4e00-\\u9fffA-Za-z0-9]{0,6}$`);

// "刚和亚朵运营总监孙总开了个会": a title said between the company and the person is no part of the name.
// (Only a department's own words: 万科物业副总经理 is at 万科物业.)
const ENDS_WITH_TITLE = new RegExp(`(?<=[\\u4e00-\\u9fffA-Za-z0-9]{2})(?:(?:采购|财务|运营|技术|市场|销售|信息|人事|行政|法务|研发|品牌|项目|产品|IT|HR)(?:部|科|处|室|中心)?)?副?${TITLE_TAIL}$`);

// "药明那个溶出仪签下来了": what follows 那个 inside a run is the product of the deal.
const THAT_PRODUCT = /(?<=[\u4e00-\u9fffA-Za-z0-9]{2})(?:那个|这个)[\u4e00-\u9fffA-Za-z0-9-]{1,8}$/;
// "宏达精密福利专员换人了": whose contact changed is the customer; the role that changed is not its name.
const CHANGED_PERSON = /^(.{2,}?)(?:[\u4e00-\u9fff]{0,2}(?:专员|经理|主管|总监|对接人|联系人|负责人|采购|财务|调度|厂长|店长|HR))?换了?个?人$/;

function clean(candidate: string | undefined): string | undefined {
  if (!candidate) return undefined;
  // "投诉处理完对顺丰做了回访": what was finished before 对/给 is no part of the name.
  const name = candidate.replace(CHANGED_PERSON, '$1').replace(QUOTES, '').replace(CAME_TO_CITY, '').replace(CITY_THAT, '').replace(THAT_PRODUCT, '').replace(DONE_THEN, '').replace(TRAILING, '').replace(LEADING, '').replace(CITY_OF, '').trim().replace(TITLED_TAIL, '').replace(ENDS_WITH_TITLE, (title: string, _at: number, whole: string) => (IS_CONTACT.test(whole) || TITLED_PERSON.test(whole) ? title : '')).replace(OWNER_DEPARTMENT, '').replace(ORG_UNIT, '$1').replace(INSTITUTION_TAIL, '$1').replace(SITE_TAIL, '$1').replace(CITY_AFTER, '$1');
  if (CUE_ONLY.test(name) || FAMILIAR_THEN_ONE.test(name) || TITLE_ONLY.test(name)) return undefined;
  // "顺达物流新调度叫小孟": 新 after a company word is "new", said of who comes next.
  if (name.endsWith('新') && COMPANY_WORD.test(name.slice(0, -1))) return clean(name.slice(0, -1));
  // "百佳Ivan的生日", "文华东方Sandy": an English first name glued after the company is the person.
  // "京东物流AGV调度项目": an acronym glued after the company names the product, not the company.
  const glued = /^([\u4e00-\u9fff]{2,}?)[A-Z][a-z]{1,14}$/.exec(name)?.[1] ?? familiarGluedTo(name) ?? /^([\u4e00-\u9fff]{2,}?)[A-Z]{2,5}[\u4e00-\u9fff]{0,6}$/.exec(name)?.[1];
  if (glued) return clean(glued);
  if (IS_CONTACT.test(name) || isEnglishStopWord(name)) return undefined;
  if (name.length < 2 || NOT_A_CUSTOMER.has(name) || IS_DISTRICT.test(name) || PLACE_OF.test(name) || NOT_NAME.test(name) || CITY_THEN_VERB.test(name) || DEPARTMENT_WORD.test(name)) return undefined;
  // "回访了4家", "找个时间": a count of customers or a time to find is no name.
  if (/^\d+$|^\d+[家个位]$/.test(name) || TITLED_PERSON.test(name) || /^(?:找个?|抽个?|定个?|约个?)时间|^抽空|^有空|^谁|^(?:预计|估计|大概|应该|可能|争取|计划)$|^(?:一般般?|还行|还可以|不错|挺好|很好|凑合|马马虎虎|不太行|不满意|满意)[吧啊呀的]?$/.test(name)) return undefined;
  return name;
}

// "去大疆刘洋那边", "大疆刘洋的手机号": a person's full name glued to the company, told apart
// by what follows it (a place, a phone, speech). A tail that is a company word (时代, 科技)
// stays part of the name.
export const PERSON_CONTEXT = '(?:那边|这边|那儿|的(?:手机|电话|微信|邮箱|生日|联系方式|号码|职位|信息|资料)|生日(?:是|在)?[\\d一二三四五六七八九十])';
// A two-character name first (长安汽车张磊 → 张磊, not 车张磊), then a three-character one.
const TRAILING_PERSON = [new RegExp(`^(.{2,})([${SURNAMES}][\\u4e00-\\u9fff])$`), new RegExp(`^(.{2,})([${SURNAMES}][\\u4e00-\\u9fff]{2})$`)];
const COMPANY_WORD = /(?:时代|科技|集团|汽车|智能|电子|电器|电气|重工|控股|银行|保险|证券|医药|医疗|能源|物流|股份|网络|软件|信息|数据|传媒|文化|通讯|通信|技术|实业|国际|创新|生物|教育|地产|置业|建设|环境|材料|化工|机械|设备|制造|工业|电力|光电|动力|食品|饮料|酒业|农业|出行|金融|资本|投资|咨询|服务|万家|方舟|安防)$/;
// …and, for a name glued to the company, a time or a new number said of them: "中联重科王建军 昨晚…", "用友张伟换手机号了".
const FOLLOWED_BY_PERSON = new RegExp(`^(?:${PERSON_CONTEXT}|\\s*\\|(?=\\s*(?:一起|[见聊谈吃打来去发约拜]))|换了?(?:手机|电话|号)|的?新(?:手机|号))`);

// "给鸿钧集团钱磊发了微信": a full name glued after a legal-form word (集团, 公司) is a person, whatever follows.
const FORM_THEN_PERSON = new RegExp(`^(.{2,}?(?:集团|有限公司|公司|股份))([${SURNAMES}][\\u4e00-\\u9fff]{1,2})$`);

function withoutTrailingPerson(name: string, following: string): string {
  const formed = FORM_THEN_PERSON.exec(name);
  if (formed?.[1] && formed[2] && !COMPANY_WORD.test(formed[2])) return formed[1];
  if (!/^[\u4e00-\u9fffA-Za-z]/.test(name) || !FOLLOWED_BY_PERSON.test(following)) return name;
  if (COMPANY_WORD.test(name)) return name;
  for (const pattern of TRAILING_PERSON) {
    const m = pattern.exec(name);
    // ("无锡华光那边…": a city alone before the 'person' is no company: the whole is the name.)
    if (m?.[1] && m[2] && !COMPANY_WORD.test(m[2]) && !NOT_PERSON.test(m[2]) && !PLACE.test(m[1])) return m[1];
  }
  return name;
}

// "第二人民医院呼吸机那个标": the product said between the institution and 那个标/那单 is no part of its name.
const INSTITUTION_THEN = /^(.{2,}?(?:医院|大学|学校|集团|公司|银行|[局厅]))([\u4e00-\u9fffA-Za-z0-9]{1,5})$/;
// ("昆明滇发医疗设备那单": 医疗设备, 机械设备 end a company's name; no device is named.)
const DEVICE_THEN = /^(?!.*(?:医疗|机械|电子|电气|工业|化工|环保|通信|智能|仪器|电力|农业|实验)(?:设备|器械|仪器)$)(.{2,}?)[\u4e00-\u9fffA-Za-z0-9-]{2,4}(?:仪|机|器|设备|试剂|耗材)$/;
const UNIT_WORD = /(?:医院|学院|中心|分公司|公司|分行|支行|集团|局|厅|院|所|站|部)$/;
function withoutProduct(name: string, following: string): string {
  const m = /^(?:那个|这个|那单|这单|那笔)/.test(following) ? INSTITUTION_THEN.exec(name) : null;
  if (m?.[1] && m[2] && !UNIT_WORD.test(m[2])) return m[1];
  // "浙二呼吸机那单": a device said after an abbreviated name.
  const device = /^(?:那个|这个|那单|这单|那笔|的单子)/.test(following) ? DEVICE_THEN.exec(name) : null;
  if (device?.[1]) return device[1];
  // "锦江酒店自助入住项目", "太保车险理赔系统": the product said after a company word is no part of it.
  const product = /^(?:项目|系统|平台|那单|的单子|单子)/.test(following) ? COMPANY_THEN.exec(name) : null;
  if (product?.[1] && product[2] && !COMPANY_WORD.test(name) && !/(?:公司|集团|股份|银行|医院|酒店|中心)$/.test(name)) return product[1];
  return withoutTail(name, following);
}

// "乐客多超市冷库项目丢单", "鲜丰汇超市冷链仓配 商务谈判", "知行律师事务所量了房", "青禾网络看场地":
// after a word that ends an organisation's name, a product before the deal's news, or a verb,
// is no part of the name. (A tail that is a unit of its own stays: 招商银行信用卡中心, 建行深圳分行.)
const ORG_THEN = /^(.{2,}(?:超市|事务所|律所|合作社|银行|医院|集团|有限公司|公司|酒店|农场|网络|科技|农业|棉业|物流|地产|互娱|制药|药业|管理|生物|购物中心|商业广场|广场|控股|置业|置地|传媒|文旅|商业|数据|智能|电子|教育|医疗|能源|食品|中学|小学|学校|职院|大学|纺织|幼儿园))([\u4e00-\u9fffA-Za-z0-9+]{1,8})$/;
const TAIL_VERB = /^(?:量了?|看(?!守)|聊|发(?!展|电|行)|谈|送|签|做|装|测|复测|复查|检查|巡检|保养|维修|交|找|问|跟|对接|汇报|演示|讲|拿|催|取)/;
const DEAL_NEWS = /^(?:项目|续约|续签|续费|系统|平台|那单|的单子|单子|丢单|赢单|输了|黄了|签了|中标|成交|的事|金额|进入|改造|\s*(?:商务谈判|需求确认|方案报价|方案阶段|阶段|赢单|输单|丢单|成交|进入|推进|预计|金额|报价))/;
// (医疗器械, 智能装备: a trade that ends the company's name.)
const TRADE_TAIL = /(?:器械|装备|设备|仪器|用品|工程|发展|实业|制品|器材|贸易|咨询)$/;
const UNIT_TAIL = /(?:中心|分行|支行|分公司|公司|集团|门店|分店|店|院区|校区|部|科|处|室|所|园|厂|场|基地|研究院|学院)$/;
function withoutTail(name: string, following: string): string {
  const m = ORG_THEN.exec(name);
  if (!m?.[1] || !m[2] || UNIT_TAIL.test(m[2]) || COMPANY_WORD.test(m[2]) || TRADE_TAIL.test(m[2])) return name;
  // ("湘江制药多了个对接人": 多 is "one more", not part of the name.)
  if (m[2] === '多' && /^了/.test(following)) return m[1];
  return TAIL_VERB.test(m[2]) || (m[2].length >= 2 && DEAL_NEWS.test(following)) ? m[1] : name;
}
const COMPANY_THEN = /^(.{2,}?(?:酒店|集团|公司|银行|医院|电子|科技|汽车|物流|地产|保险|电器|股份|太保|平安|人寿|财险))([\u4e00-\u9fffA-Za-z0-9]{2,6})$/;

/** Every match of a global `pattern`, overlapping ones included: a rejected candidate
 * ("回访 给链家" read as 给链家) must not hide the one starting inside it (链家). */
function* overlapping(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    yield m;
    pattern.lastIndex = m.index + 1;
  }
}

/** `masked` has dates, amounts, phones and emails replaced by '|'. */
// "Tony @ 深信服：…", "Cindy@西门子医疗 …": the person at the company.
// "钱院长（瑞金医院）", "孙总这边（扬农化工）": the company said in brackets after the person.
const BRACKETED = new RegExp(`(?:${CONTACT}|[${SURNAMES}][\\u4e00-\\u9fff]{1,2}|[A-Za-z][a-z]{1,14})(?:这边|那边)?\\s*[（(]([\\u4e00-\\u9fffA-Za-z0-9&·\\s]{2,30}?)[）)]`);
const AT_COMPANY = /(?:^|[\s，,])[A-Za-z][a-z]{1,14}\s*(?:@|\sat\s)\s*([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,23}?)(?=[：:，,。\s]|$)/;

// "更正：美的那单…": a correction's label opens the message, the name follows it.
const CORRECTION_LABEL = /^(?:视频会议|电话会议|线上会议|会议纪要|拜访记录|跟进记录|今日拜访|今日跟进|(?:续费|续约|回访|跟进|拜访|生日|合同)?提醒)[:：]\s*|^(?:(?:不对|错了)[，,!！\s]*)*(?:刚才|刚刚)?(?:说错了|记错了|搞错了|写错了|打错了)[，,:：\s]*|^(?:改一下|更正一下|纠正一下)[，,:：\s]+|^[|\s]*(?:(?:更正|纠正|修正|订正|补充|(?:帮我)?记(?:一下|下)|备注)(?:一下)?)?[:：]\s*|^(?:更正|纠正|修正|订正|补充)(?:一下)?\s+|^补充一下(?=[\u4e00-\u9fff])/;

// "去深圳前海的瀚海数据拜访", "拜访了吉隆坡的金狮贸易", "去Marina Bay那边的Cendana Capital见了": a place
// named first owns the company that follows it; the company is the customer.
const FOREIGN_CITIES = '新加坡|吉隆坡|槟城|新山|香港|澳门|台北|台中|高雄|曼谷|雅加达|马尼拉|胡志明市?|河内|悉尼|墨尔本|布里斯班|珀斯|孟买|班加罗尔|新德里|金奈|迪拜|东京|大阪|首尔';
// "绍兴的越秀检测": the city said before a company with 的 is where it is, not its name.
const CITY_OF = new RegExp(`^(?:${CITIES}|${FOREIGN_CITIES}|${DISTRICTS})(?:那边)?的\\s?(?=[\\u4e00-\\u9fffA-Za-z]{2})`);
const PLACE = new RegExp(`^(?:${CITIES}|${FOREIGN_CITIES})(?:[\u4e00-\u9fff]{1,3}(?:区|新区|县|镇)|前海|浦东|南山|福田|海淀|朝阳|观塘|九龙|湾仔)?$|^[\u4e00-\u9fff]{2,4}(?:新区|开发区|高新区)$`);
// ("合肥那个启明学校": the city, then 那个 and the name.)
const OWNED_AFTER = new RegExp(`^\\s?(?:(?:那边|那里|附近)?的\\s?(?:那个|这个|那家|这家)?|那个|那家|这家)${NAME}${AHEAD}`);
const PERSON_OR_TITLE = new RegExp(`${CONTACT}|^(?:${TITLE_TAIL})|办公室|工厂|门店|总部|现场|仓库`);
function ownedByPlace(found: string, text: string): string | undefined {
  const after = text.slice(text.indexOf(found) + found.length);
  if (!PLACE.test(found) && !/^\s?(?:那边|那里|附近)的/.test(after)) return undefined;
  const owned = clean(OWNED_AFTER.exec(after)?.[1]);
  // (After 那边的 only a company by its look: "金蝶那边的预算从…" is 金蝶's budget.)
  const company = owned && (PLACE.test(found) || COMPANY_WORD.test(owned) || /^[A-Z][\w&]*(?: [A-Z][\w&]*)+$/.test(owned));
  return owned && company && !LOOKS_LIKE_PERSON.test(owned) && !DEPARTMENT_WORD.test(owned) && !PERSON_OR_TITLE.test(owned) ? owned : undefined;
}

export function findCustomerZh(typed: string): string | undefined {
  const found = candidateZh(typed);
  return found ? ownedByPlace(found, typed) ?? saidInFull(found, typed) ?? throughCue(found, typed) ?? cityGlued(found, typed) ?? found : found;
}

// "金华金工的单子", "金华金工机床满意度回访": a city glued to what reads as a person (金工, 华光) is a
// company named after its city; the words up to the next boundary are its name.
const AFTER_CITY = /^([\u4e00-\u9fff]{2,6}?)(?=$|[，,。;；!！?？\s]|的|那|这|满意度|回访|使用|投诉|打|开|见|聊|签|跟|和|做|说|问)/;
function cityGlued(found: string, text: string): string | undefined {
  if (!PLACE.test(found)) return undefined;
  const at = text.indexOf(found);
  const more = at < 0 ? undefined : AFTER_CITY.exec(text.slice(at + found.length))?.[1];
  return more ? clean(`${found}${more}`) : undefined;
}

// "徐州汉都大酒店", "岳阳长输化工", "汕头美在家餐饮", "上饶信和环保": a name cut at a cue word (都, 输,
// 在, 和…) that goes on, right after, to a trade or institution word is the whole name.
const CUE_THEN_TRADE = new RegExp(`^([都输在和发能跟给把说是有要][\\u4e00-\\u9fff]{0,3}?(?:大?酒店|宾馆|食堂|餐饮|团餐|化工|环保|物流|运输|集团|公司|医院|学校|中心|工业园|园区|${BRAND_TRADE}))(?=$|[\\s,，。;；!！?？|的那这]|(?:打|开|见|聊|签|跟|和|做|说|投诉|回访|对接|使用|续|丢|黄|输|赢|拿|现在|最近|目前|怎么|什么|啥|情况|进展|有没有|还有|又))`);
function throughCue(found: string, text: string): string | undefined {
  const at = text.indexOf(found);
  const more = at < 0 ? undefined : CUE_THEN_TRADE.exec(text.slice(at + found.length))?.[1];
  return more ? clean(`${found}${more}`) ?? cleanOpeningHe(`${found}${more}`) : undefined;
}

// "给那个博远，博远教育集团打了个电话", "汇丰，不是那个银行啊，是汇丰纸品": the name said again at
// once, longer, is the name meant.
// ("立达的 立达纺织", "顺达 不对 顺达精密": said again after 的 or a bare 不对.)
const SAID_AGAIN = /^[啊呀的]?[，,、\s]*(?:(?:不是|不对)[^，,。]{0,10}?[，,\s]+)?(?:是|就是)?\s*/;
const EXTENSION = /^((?![那这的啊呀])[\u4e00-\u9fffA-Za-z0-9]{1,8}?)(?=$|[，,。;；!！?？\s]|的|那|这|下面|出来|回来|打|开|见|聊|签|跟|和)/;
function saidInFull(found: string, text: string): string | undefined {
  const after = text.slice(text.indexOf(found) + found.length);
  const again = after.slice(SAID_AGAIN.exec(after)?.[0].length ?? 0);
  if (!again.startsWith(found)) return undefined;
  const more = EXTENSION.exec(again.slice(found.length))?.[1];
  const full = more ? clean(`${found}${more}`) : undefined;
  return full && full.length > found.length ? full : undefined;
}

/** `clean`, for a name that may open with 和 (和瑞医院, 和美齿科): that 和 is no preposition there. */
function cleanOpeningHe(name: string | undefined): string | undefined {
  return clean(name) ?? (name?.startsWith('和') && clean(`友${name.slice(1)}`) ? name : undefined);
}

const DOING_BEFORE = /(?:对方|他们|她们|客户|人家|他|她|还|正|一直|都|也)$/;

function candidateZh(typed: string): string | undefined {
  const masked = typed.replace(CORRECTION_LABEL, '');
  // "上午去了浙江和康医疗器械": a place and 和 opening a name is the name (和 is no "and" there).
  // "赣江城投下面的赣江新能源公司": the subsidiary named is the customer.
  const subsidiary = clean(SUBSIDIARY.exec(masked)?.[1]) ?? clean(HANDLED_BY.exec(masked)?.[1]);
  if (subsidiary) return subsidiary;
  const placeAnd = clean(PLACE_AND.exec(masked)?.[1]) ?? [...masked.matchAll(HE_INSIDE), ...masked.matchAll(HE_BRAND)].map((m) => cleanOpeningHe(m[1])).find(Boolean);
  if (placeAnd) return placeAnd;
  const bracketed = BRACKETED.exec(masked)?.[1]?.trim();
  // "陈志强（负责华南区）": what the person is in charge of, not where they work.
  const at = clean(AT_COMPANY.exec(masked)?.[1]) ?? (bracketed && !/^(?:负责|分管|主管|管|兼)/.test(bracketed) ? clean(bracketed) : undefined);
  if (at) return at;
  const keyedLabel = KEYED.exec(masked)?.[1];
  // ("新客户 澳门的 濠景大药房": the place said first, the name after it.)
  const label = keyedLabel && PLACE_OF.test(keyedLabel) ? new RegExp(`${keyedLabel}\\s*([^\\s,，。;；!！?？|:：]{2,20})`).exec(masked)?.[1] : keyedLabel;
  // "老板电器 新客户 厨电行业 一般客户": the name said before the keyword, the profile after it.
  const opening = clean(NAME_FIRST.exec(masked)?.[1]);
  if (opening) return opening;
  // ("恒通重工是新客户 帮我建一下 工程机械 A类": the name said to be the new customer is it, whatever follows.)
  const named = NAMED_NEW.exec(masked)?.[1];
  const before = named ? clean(named) : label && PROFILE_ONLY.test(label) ? clean(NAME_BEFORE_KEY.exec(masked)?.[1]) : undefined;
  const keyed = before ?? clean(label) ?? clean(nameBeforeIndustry(label));
  if (keyed) return keyed;
  // "王建国 比亚迪股份有限公司 采购总监": a listed name with a company suffix is the customer.
  const suffixed = clean(SUFFIXED_TOKEN.exec(masked)?.[1]);
  if (suffixed) return suffixed;
  // The customer is usually named first, so the earliest plausible candidate wins.
  // "ping an现在什么情况": a lower-case pinyin name of several words opens the message.
  const pinyin = pinyinRun(masked.replace(/^[|\s,，]+/, ''));
  if (pinyin) return pinyin;
  const first = INITIAL.exec(masked);
  // "刘洋手上那个吉利…": the one whose hands they are is a colleague, not the customer.
  // "今天整理了一下 …": a verb done (了一下) is no name either, nor a time of doing (吃饭的时候…).
  const held = first && (HOLDER.test(masked.slice(first[0].length)) || /^了?一下|^了一遍|^的时候/.test(masked.slice(first[0].length)));
  const initial = held ? undefined : clean(first?.[1]) ?? worksCompany(first?.[1], masked, masked.slice(first?.[0].length ?? 0));
  if (first && initial) return withoutProduct(withoutTrailingPerson(initial, masked.slice(first[0].length)), masked.slice(first[0].length));
  // "产品使用反馈回访，温氏股份，满分…": a bare name standing as its own clause after 回访.
  // ("给鸿达电子厂做了使用反馈回访 考勤模块有bug": a customer named before the callback, after 给, is the one.)
  const listedAfter = LISTED_AFTER_CALLBACK.exec(masked);
  const said = listedAfter && !/(?:给|跟(?!进|踪)|对|帮|替)[\u4e00-\u9fffA-Za-z]{2,}/.test(masked.slice(0, listedAfter.index)) ? listedAfter : null;
  // "续约回访 同济大学钱处长 打了5分": the contact glued after the name is no part of it.
  const unglued = said?.[1]?.replace(GLUED_CONTACT, '');
  const listed = clean(unglued && unglued.length >= 2 ? unglued : said?.[1]) ?? worksCompany(said?.[1], masked, masked.slice((said?.index ?? 0) + (said?.[0].length ?? 0)));
  if (listed) return listed;
  const terse = terseName(masked);
  if (terse) return terse;
  for (const m of overlapping(OWNED_CONTACT, masked)) {
    // "徐工的孙总": a 工-name owning a contact is a company (徐工, 柳工), not an engineer.
    // "索菲特工程部的张经理": the department is no part of the company's name.
    // "去了宁波舟山港见了采购的钱经理": the owner ends at the verb inside the run.
    const owner = clean(m[1]?.replace(VERB_INSIDE, '').replace(OWNER_DEPARTMENT, '')) ?? (WORKS_NAME.test(m[1] ?? '') ? m[1] : undefined);
    // "去浙江大学拜访了信电学院的王院长": a school of the university named before is no customer.
    if (owner && !DEPARTMENT.test(owner) && !subUnit(owner, masked, m.index)) return owner;
  }
  // "微信问候了金正大的张红": after a verb of contact, a company owning a person's full name.
  for (const m of overlapping(OWNED_FULL_NAME, masked)) {
    const owner = clean(m[1]);
    if (owner && m[2] && !NOT_PERSON.test(m[2]) && !DEPARTMENT.test(owner) && !subUnit(owner, masked, m.index)) return owner;
  }
  // "柳工的单子", "把徐工的标书做完": a 工-name owning a deal or a bid is a company, not an engineer.
  const works = WORKS_OWNS.exec(masked)?.[1];
  if (works) return works;
  // "在星巴克跟瑞幸的采购…": a place after 在 is the customer only if no company follows it
  // ("在美团总部跟李建国…", where the next candidate is a person).
  // "刚从大润发出来": what one came out of is the customer, whatever words it holds (发, 和).
  // ("刚从和瑞医院出来": in this frame a name may start with 和.)
  const outName = FROM_OUT.exec(masked)?.[1];
  // ("刚从宜宾出来 宜宾五粮液酒店": a city come out of is where, the name follows.)
  const out = outName && PLACE.test(outName) ? undefined : cleanOpeningHe(outName);
  if (out) return out;
  let place: string | undefined;
  let placeEnd = -1;
  for (const pattern of [PREP, POSSESSIVE, BELONGS]) {
    for (const m of overlapping(pattern, masked)) {
      // "在协和医院跟…": 和医院 inside the place is no second candidate.
      if (m.index < placeEnd && pattern === PREP) continue;
      // "拜访了杭州的巨星科技": a city (no customer itself) owning the company named after it.
      // "路过泉州 顺便去德能医疗": a city passed through is no customer.
      // ("刚从宜宾出来 宜宾五粮液酒店", "第一站去盐城 盐城新美家团餐": nor a city come from or gone to.)
      if (pattern === PREP && /路过|经过|途经|从|去|到/.test(m[0]) && PLACE.test(m[1] ?? '') && !ownedByPlace(m[1] ?? '', masked.slice(m.index))) continue;
      // "跟小王一起去拜访…": a colleague gone along with is no customer.
      if (pattern === PREP && /^[老小][\u4e00-\u9fff]$/.test(m[1] ?? '') && /^一起/.test(masked.slice(m.index + m[0].length))) continue;
      const name = clean(m[1]) ?? (PLACE.test(m[1] ?? '') ? ownedByPlace(m[1] ?? '', masked.slice(m.index)) : undefined) ?? worksVisited(m, masked) ?? (WORKS_ABOUT.test(masked.slice(m.index + m[0].length)) ? worksCompany(m[1], masked, masked.slice(m.index + m[0].length)) : undefined);
      if (!name) continue;
      const found = withoutProduct(withoutTrailingPerson(name, masked.slice(m.index + m[0].length)), masked.slice(m.index + m[0].length));
      // "在万豪那边跟餐饮部陈姐碰了一下": 在X那边 names the customer's place, the customer.
      if (m[0].startsWith('在') && /^那边/.test(masked.slice(m.index + m[0].length))) return found;
      // "去坪山拜访了比亚迪电子", "去盐田港那边见奥克斯的人": where one went to meet a company is its place.
      const met = /^(?:去|到)/.test(m[0]) && pattern === PREP ? clean(MET_THERE.exec(masked.slice(m.index + m[0].length))?.[1]) : undefined;
      if (met && !LOOKS_LIKE_PERSON.test(met) && !DEPARTMENT.test(met) && !subUnit(met, masked, m.index + m[0].length)) return met;
      // ("在优品汇开完会 … 对方在压价": 在 after who is doing something is "doing", no place; a
      // second place is no company named after the first.)
      if (m[0].startsWith('在') && (place || DOING_BEFORE.test(masked.slice(Math.max(0, m.index - 4), m.index + m[0].indexOf('在'))))) continue;
      if (m[0].startsWith('在') && !place) { place = found; placeEnd = m.index + m[0].length; }
      else if (place && subUnit(found, masked, m.index)) continue;
      // ("刚在华测吃完饭 … 那个液相色谱的单子": after the place, a deal's owner is its product, not a company.)
      else if (!place || (pattern !== POSSESSIVE && !LOOKS_LIKE_PERSON.test(found))) return found;
    }
  }
  return place ?? standaloneName(masked) ?? clean(OWNER_LAST.exec(masked)?.[1]) ?? clean(CLAUSE_THEN_STAGE.exec(masked)?.[1]) ?? cityToken(masked);
}

// "跟客户开了个会 苏州东吴新材 他们想要报价": a word of its own opened by a city, when nothing else named the customer.
const CITY_TOKEN = new RegExp(`(?:^|[\\s,，。])((?:${CITIES})[\\u4e00-\\u9fff]{2,10})(?=$|[\\s,，。])`);
function cityToken(masked: string): string | undefined {
  const name = CITY_TOKEN.exec(masked)?.[1];
  return name && !PLACE.test(name) && clean(name) === name ? name : undefined;
}

// "今年最后一单 宁波舟山港终于签了", "年底最后一单！明亚保险经纪 成交": a name opening a later clause,
// right before the deal's news.
const CLAUSE_THEN_STAGE = /(?:^|[\s,，。!！])([\u4e00-\u9fffA-Za-z0-9&·]{2,16}?)\s*(?:终于|也|已经|正式|刚刚?)?\s*(?:签了|签约了|签下来了|成交|拿下了?|中标了?|赢单|丢了|黄了|输了)/;

// "跟汪经理通了电话，雅戈尔的": whose the person is, said last.
const OWNER_LAST = /[,，]\s*([\u4e00-\u9fffA-Za-z0-9&·]{2,12})的[\s。!！]*$/;

// "一百万的单，青岛啤酒，今天跟…": a clause that is nothing but a name, said between pauses.
const STANDALONE = /(?:^|[，,。；;])\s*([\u4e00-\u9fff]{2,12})\s*(?=[，,。；;])/g;
function standaloneName(masked: string): string | undefined {
  for (const m of masked.matchAll(STANDALONE)) {
    const name = m[1] ?? '';
    if (/[了说是在去来和跟给把要有的过着吗呢吧也都很挺就还又再让对]/.test(name) || LOOKS_LIKE_PERSON.test(name)) continue;
    const found = clean(name);
    if (found === name) return found;
  }
  return undefined;
}

// "续约回访：徐工集团明年继续用", "回访，南京鼓楼医院给了五分": the name ends where what they said begins.
const LISTED_AFTER_CALLBACK = /(?:回访(?:完了|做完了|完|了)?|回访做完了)[，,:：\s]\s*((?:(?!那边|这边|明年|今年|门店|反馈|反映|继续|表示|觉得|整体|总体|非常|挺|很)[\u4e00-\u9fffA-Za-z0-9&·](?<![说了是在和跟给对经理总姐哥的]))+)(?=[，,]|的|\s+[^\s]*(?:说|满意|分)|\s+[^\s]{2,8}(?:那个|这个|那块)(?=\s)|\s*$|给|打了|评|那边|这边|明年|今年|门店|反馈|反映|继续|表示|觉得|整体|总体|非常|挺|很)/;
// A hospital's clinical and service departments (检验科, 设备科) and a company's logistics ones (物流部, 关务部).
const WARD_STEMS = '检验|影像|放射|病理|药学|护理|输血|急诊|麻醉|超声|器械|质控|科研|心内|心外|神内|神外|骨|儿|妇产|呼吸|消化|肿瘤|内分泌|肾内|血液|皮肤|口腔|耳鼻喉|康复|检验检疫';
const OWNER_DEPARTMENT = new RegExp(`(?<=[\\u4e00-\\u9fffA-Za-z]{2})(?<!政府|[市省县])(?:(?:${DEPARTMENT_STEMS})(?:部|科|处|室|中心)|(?:${WARD_STEMS})科|(?:物流|关务|报关|仓储|进出口|外贸|国际业务)部|[\\u4e00-\\u9fff]{2}事业部)(?:维保|服务|续约|保洁)?$`);
const GLUED_CONTACT = new RegExp(`(?<=.{2})${CONTACT}.*$`);
const VERB_INSIDE = /(?<=[\u4e00-\u9fffA-Za-z0-9]{2})(?:见了|见到了?|拜访了?|碰到了?|找了|约了|聊了).*$/;
const MET_THERE = new RegExp(`^(?:那边|那儿|那里)?(?:拜访了?|见了?|找了?)${NAME}${AHEAD}`);
const FROM_OUT = /从([\u4e00-\u9fffA-Za-z0-9&·]{2,16}?)(?:踏勘|勘察|勘测)?(?:出来|回来)/
const SUB_UNIT = /(?:学院|系|研究所|研究室|实验室)$/;
const subUnit = (owner: string, masked: string, at: number) => SUB_UNIT.test(owner) && /大学|医院/.test(masked.slice(0, at));
const HOLDER = /^(?:手上|手里|手头|名下|跟的|负责的|管的)/;

// "去徐工拜访了设备处的袁处长": a 工-name where the rep went, in a message naming someone else.
const WORKS_NAME = new RegExp(`^[${SURNAMES}]工$`);
const WORKS_OWNS = new RegExp(`(?<=^|[^\\u4e00-\\u9fff]|[把跟和给去到在是个了说])([${SURNAMES}]工)的(?:单子|标书|订单|商机|项目|招标|投标|合同|采购)`);
const PLACE_VERB = /^(?:去(?:了|一趟|趟|了一趟|了趟)?|到|在|从|给|跟|和)$/;
const ANY_CONTACT = new RegExp(CONTACT, 'g');
function worksVisited(m: RegExpExecArray, masked: string): string | undefined {
  const name = m[1] ?? '';
  if (!WORKS_NAME.test(name) || !PLACE_VERB.test(m[0].slice(0, m[0].indexOf(name)))) return undefined;
  return worksCompany(name, masked, masked.slice(m.index + m[0].length));
}
// "徐工现在啥阶段", "徐工的拜访记录", "回访做完了 徐工 冯部长说…": a 工-name (徐工, 柳工) is the
// company when someone else is named, or a deal or its state is asked about right after it.
const WORKS_ABOUT = /^(?:现在|目前|最近|那单|那边|那个|出来|回访|拜访|满意|[，,]\s*客户|的(?:单子?|项目|情况|拜访|跟进|回访|合同|订单|商机|进展|记录)|啥|什么|签|丢|怎么|进展|到哪)/;
function worksCompany(name: string | undefined, masked: string, after: string): string | undefined {
  if (!name || !WORKS_NAME.test(name)) return undefined;
  const other = TITLED_ANYWHERE.test(masked) || [...masked.matchAll(ANY_CONTACT)].some((c) => c[0] !== name);
  return other || WORKS_ABOUT.test(after) ? name : undefined;
}

// "电话 中通 马经理 谈判 下周二": in a note of space-separated words, the first word that is not a
// channel, a stage, a person or a date is the customer.
const TERSE_SKIP = /^(?:电话|手机|邮箱|生日|微信|拜访|邮件|视频会?|演示|面谈|见面|上门|吃饭|提醒|记得|回访|方案|报价|(?:报价|方案)已(?:经)?(?:发|给|交)|谈判|需求确认|有意向|初步接触|签了|丢了|成交|赢单|签约|拿下|ok|demo)$/i;
function terseName(masked: string): string | undefined {
  const words = masked.trim().split(/\s+/);
  // A note: three or more short words, one of them a channel or stage word, none a phrase.
  // "刚从招行总行出来 见了孙处 …" is spoken sentences, not a note: a word holding a clause (了, 出来) says so.
  if (words.some((w) => w.length > 4 && /了|出来|回来/.test(w))) return undefined;
  if (words.length < 3 || !words.some((w) => TERSE_SKIP.test(w)) || words.some((w) => w.length > 12 || /的|[a-z]{3}/i.test(w) && !TERSE_SKIP.test(w))) return undefined;
  for (const word of words) {
    if (TERSE_SKIP.test(word) || word.includes('|') || !/^[\u4e00-\u9fff][\u4e00-\u9fff0-9&·]{1,12}$/.test(word)) continue;
    // "电话 华住 王总": beside a named person (王总), a two-character word is the company.
    if (LOOKS_LIKE_PERSON.test(word) && !(word.length === 2 && words.some((w) => IS_CONTACT.test(w)))) continue;
    // clean() already refuses a contact (王总, 李工) through IS_CONTACT.
    const name = clean(word);
    if (name) return name;
  }
  return undefined;
}
