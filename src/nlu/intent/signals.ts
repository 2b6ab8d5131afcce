// Word patterns the intent rules are built from. Each names one kind of evidence.

export const UNDO = /^(?:请|帮我)?(?:撤销|撤回|回滚|取消上一条|删掉刚才|删除刚才|撤销上一条)|刚才那?[条个句]?(?:记录)?(?:不对|错了|记错了|搞错了|有误|作废)|^(?:undo|revert|scratch that|take (?:that|it) back|never ?mind,? (?:undo|delete))/i;
export const HELP = /能干[嘛啥吗]|能做[啥些]|会干[嘛啥]|会[做干]?啥|怎么(?:录|建|加|记|查|改|删|设)|哪些功能|什么功能|功能有哪些|有啥功能|怎么(?:添加|录入|记录|新建|创建|设置|查看|撤销|提醒)|帮助|怎么用|怎么使用|如何用|如何使用|使用说明|使用方法|能做什么|能干什么|会做什么|有什么功能|支持什么|怎么记录|怎么操作|指令|命令|^\s*help\b|how (?:do i|to) use|how (?:do|can|should) i\b|what can (?:you|this bot|the bot|it) do|\busage\b|^\s*commands?\s*$|^\?+$|^？+$/i;
export const GREETING = /^(?:你好|您好|嗨|哈喽|早上好|晚上好|下午好|早安|晚安|谢谢|多谢|感谢|好的|收到|ok|okay|嗯+|哦+|hi|hello|hey|thanks|thank you|thx|good (?:morning|night|evening))/i;

export const QUESTION = /[?？]|啥|没[?？]?$|嘛|哪些|哪几|哪个|什么|多少|怎么样|如何|吗|呢|有没有|几个|谁|看看|看下|看一下|查看|查一下|查查|列出|列一下|显示|汇总|统计|\b(?:show|list|what|which|how|who|any|display|give me|tell me|where)\b/i;

export const TASKS = /\boverdue\b|(?:还有|还剩)(?:几个|多少|哪些)[^,，。]{0,6}(?:回访|跟进|任务|拜访)|(?:回访|跟进|拜访)(?:还)?没(?:做|完成)|(?:没|未)(?:联系|跟进|拜访|回访)(?:了|过)?|的跟进(?:情况|记录|列表)?$|跟进(?:情况|记录|列表)|要回电|回电的|需要回电|该回电|(?:need|have|got) to (?:follow up|call|contact|visit|reach out)|should i (?:follow up|call|contact)|逾期|过期|超期|没跟进|未跟进|还没联系|没联系的|待办|待跟进|要跟进|需要跟进|该跟进|要联系|该联系|要回访|该回访|要拜访|要做的|任务|日程|提醒列表|to-?dos?|\btasks?\b|on my plate|agenda|follow[-\s]?ups? (?:due|for|today|this)|what(?:'s| is) due|who should i|due today/i;
export const TASKS_STRONG = /待办|任务|日程|to-?dos?|\btasks?\b|on my plate|agenda/i;
export const KPI_COUNT = /(?:拜访|跟进|通话|回访|签单|成交|电话)(?:量|次数|数量)|(?:了|过)(?:几个|几家|多少)个?(?:客户|单|家)|how many (?:customers|clients|visits|calls) did i/i;
export const KPI = /业绩|完成了?多少|完成得怎么样|达成了?多少|卖了多少|签了多少|how much (?:have|did) (?:i|we) (?:sell|sold|close|closed)|完成率|KPI|目标完成|完成情况|达成率?|指标|排名|销售额|回款额|quota|how am i doing|how(?:'s| is| are) (?:my|our|the team'?s?) (?:quarter|month|year|week|numbers)|how(?:'s| is| are) (?:the team|my team|our team|everyone|everybody|we|i) doing|how (?:did|do|does) (?:i|we|the team|my team|our team|everyone) do\b|\bnumbers\b|performance|revenue|attainment|leaderboard|\bsales (?:figures|results)\b|tracking (?:against|to|toward)|against (?:target|quota|goal|plan)|\bon track\b/i;
export const PIPELINE_STRONG = /漏斗|pipeline|funnel|open deals/i;
export const PIPELINE = /\bhow many deals\b|\bdeals?\b[^.]{0,20}\bopen\b|漏斗|在跟|多少单|几个单|哪些单|商机|在跟的|跟进中的|手上的单|手里的单|单子情况|有哪些单|所有单子|pipeline|open deals|my deals|deals in (?:progress|flight)|forecast|funnel/i;
export const CUSTOMER_STATUS = /^\S{1,20}[?？]$|动静|啥进展|(?:客户)?信息(?!部|科|化|技术|系统|中心)|^[^,，。;；!！\s][^,，。;；!！]{0,28}?\s*(?:情况|进展|近况|进度)\s*[?？]?\s*$|详情|资料|档案|最新情况|最新进展|最新动态|现状|what(?:'s| is) (?:happening|going on) with|any news (?:on|from)|news on|latest on|什么进展|怎么样|咋样|如何了|近况|的进展|进展$|进展如何|进展怎么样|最新进展|有进展吗|进度|情况怎么样|什么情况|啥情况|情况如何|的情况|怎么样了|咋样了|到哪一步|哪个阶段|什么阶段|跟到哪|status\b|what(?:'s| is) (?:the )?(?:latest|status|update)|how(?:'s| is) .{1,30} (?:going|doing|looking)|update on|where are we (?:with|on)|how are things (?:with|at)|how(?:'s| is) (?:it|everything|things) (?:going )?(?:with|at)\b/i;

// Asking for a customer's people or numbers (帮我查下蔚来的联系人电话), not adding one.
export const CONTACT_ASK = /(?:查|看|找|给我|发我|告诉我)[^,，。]{0,10}(?:联系人|联系方式|电话|手机号)|(?:联系人|联系方式|电话|手机号?)[^,，。\d]{0,4}(?:发我|给我|告诉我|查一下|看看)|(?:联系人|联系方式|电话|手机号?)(?:有哪些|是谁|是多少|多少|呢|[?？])|\b(?:who(?:'s| is| are) (?:the |our )?contacts?|contacts? (?:at|for)|phone (?:number )?(?:of|for))\b/i;

export const CALLBACK = /问候|节日祝福|拜年|\b(?:renewal|satisfaction|care|courtesy|check-in|feedback) call\b|回访|关怀|节日问候|慰问|满意度|打分|评分|callback|call-back|satisfaction|\bnps\b|survey/i;
export const REMIND = /提醒|记得|别忘|不要忘|安排一下|安排个|帮我安排|remind|don'?t forget|set a reminder|schedule (?:a|an)\b|make sure (?:i|to)/i;
export const NEW_CUSTOMER = /录入(?:系统|CRM)|正式录入|新建档案|建档|新客户|新增[一个家位]*客户|新(?:建|加|开)[一个家位]*客户|新增客户|新增一个客户|新建客户|录入客户|添加客户|加个客户|加一个客户|建个客户|新开客户|new (?:customer|account|client|company)|add (?:a |an )?(?:new )?(?:customer|account|client|company)|create (?:a |an )?(?:customer|account)/i;
export const NEW_CONTACT = /添加联系人|新增联系人|新联系人|加个联系人|录入联系人|联系人[:：]|对接人|联系人是|负责人是|决策人是|add (?:a )?contact|new contact|\bis (?:the|our) (?:new )?[A-Za-z]+(?: [A-Za-z]+)? (?:at|of|for) [A-Z]|contact (?:is|person)|\bcontact\s*:|point of contact/i;
export const CONTACT_FACTS = /升职|升任|调任|改任|调岗|换岗|新职位|现在是[^,，。]{0,8}(?:总|经理|主管|主任|负责人|工程师|总监|VP|CTO|CEO)|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]?(?:出)?生|生日|手机号?|电话[:：\s]*\+?\d|邮箱|email[:：\s]|birthday|\bphone(?: number)?[:：\s]*\+?\d|\bmobile\b/i;

export const ACTIVITY = /(?:打|来)(?:了个?|过)?电话来|来(?:了个?|过)?电话|来电|接(?:了|到|过)[^,，。;；]{0,14}(?:电话|来电)|回了[^,，。;；]{0,14}电话|(?:发|打|回)完|做了(?:个|一个|一次|一场)?[^,，。;；]{0,6}(?:demo|演示|汇报|宣讲|培训)|\b(?:did|gave|ran|did a quick) (?:a |the |an )?(?:\w+ )?(?:demo|presentation|walkthrough)\b|\b(?:got off the phone|on the phone with|phone call with|(?:call|meeting|lunch|dinner|coffee|chat) w\/)|坐了坐|坐了一会|去了一?趟|吃完饭?|(?:打|通)完电话|电话(?:里|上)?(?:聊|说)|(?:微信|威信)(?:里|上)?说|(?:对|碰|过)了一下|视频会|从[^,，。]{1,12}出来|做了个?[\u4e00-\u9fff]{0,4}演示|碰到了?|遇到了?|见到了?|偶遇|寄了|送了|快递了|开完会|开完|聊完|谈完|\bspent\b[^,.]{0,25}?\b(?:at|with)\b|拜访|发了?个?(?:微信|邮件|消息|短信)|微信(?:沟通|聊|联系)|打电话|打了个?电话|通电话|电话沟通|通话|上门|见了|见面|面谈|聊了|聊过|聊下|聊了下|讨论了|讨论过|探讨了|沟通|打了|打过|通了|电话里|吃饭|吃了|喝茶|喝了|开了|开会|会议|视频会|发了|发过|(?<!签)约了|演示了|做了个?演示|交流|洽谈|座谈|参观|考察|接待|去了|联系了|电话联系|电联|拜访完|见完|聊完|\b(?:met|called|visited|spoke|talked|discussed|emailed|sent|had (?:a |an )?(?:[a-z]+ )?(?:call|meeting|lunch|dinner|coffee|demo|chat)|(?:chat|call|meeting|lunch|dinner|coffee|sync|wechat|zoom|video call|catch-up) (?:with|w\/\s*\w+)|demoed|demo'?d|presented|pitched|chatted|caught up|dropped by|stopped by|phoned|messaged)\b/i;
export const DEAL = /签|赢单|丢单|丢了|黄了|输单|拿下|中标|成交|金额|预算|报价|调整|改为|改成|上调|下调|阶段|进入|推进到|合同|意向|需求|竞品|\b(?:closed|won|lost|stage|moved to|deal|amount|value|worth|negotiation|proposal|qualified|signed|close)\b/i;

export const PAST = /(?:打|来)(?:了个?)?电话来|来(?:了个?)?电话|来电|了|过(?!去|来|一遍|一下)|已|刚(?!好)|(?:拜访|见|聊|谈|开|打|吃|发|回)完|[聊谈]得|昨天|昨晚|上周|对方(?:说|表示|反馈|要|希望|想|觉得|同意|答应|提)|他们(?:说|表示|要|希望|想|觉得|同意)|客户(?:说|表示|反馈|觉得)|\bthey (?:want|need|said|asked|agreed|are|were|loved|liked|seem)|\b(?:met|called|visited|had|sent|emailed|spoke|talked|discussed|did|went|was|were|got|gave|just|yesterday|last week|ago)\b/i;
export const PLAN_START = /^[|\s]*(?:前|之前|以前)?\s*(?:我|咱们?)?\s*(?:要|得|需要|准备|打算|计划|回头|必须|务必)|^\s*(?:i(?:'ll| will| need to| have to| must| should| gotta)|need to|going to|plan to|gotta|must)\b/i;
export const PLAN_ACTION = /同步|过一遍|过一下|对一下|\b(?:check back|circle back|catch up|sync)\b|\b(?:meeting|lunch|dinner|coffee|call|demo|visit) with\b|给[^,，。;；]{1,12}(?:报价|报个价|发|打|回)|报价|开[^,，。;；]{0,8}会|拜访|会议|视频|电话|吃饭|吃个饭|喝茶|见面|开会|演示|跟进|联系|回访|打电话|打个电话|发|见|(?<!签)约|去|聊|谈|沟通|演示|开会|送|问|催|\b(?:call|email|visit|meet|follow up|send|ping|demo|check in|reach out|touch base)\b/i;

// Issue #11 queries and corrections.
// A ranking of the team (每个人的业绩排名, 谁的跟进最少, leaderboard).
export const RANK = /排名|排行|榜单|龙虎榜|leaderboard|ranking|\brank\b|谁的?[^,，。?？]{0,8}(?:最多|最少|最高|最低|第一|垫底)|(?:最多|最少)的是谁|每个人的?(?:业绩|跟进|拜访|签单|成交)|who(?:'s| has| closed| did| made)? [^?]{0,24}\b(?:most|least|fewest|top)\b/i;
// "我的客户有哪些", "list my accounts": the list of customers, about no one customer.
export const CUSTOMER_LIST = /^(?:列出|看看|查看|显示|看下)(?:一下)?(?:我|我们)?的?(?:所有|全部)?客户[?？]?$|我的客户(?:有哪些|都有谁|列表|名单|有几个|有多少)?[?？]?$|^(?:列出|看看|查看|显示)?(?:我|我们)?(?:的)?(?:所有|全部)?客户(?:列表|名单|有哪些)|(?:有|列出|看看)(?:我的)?(?:哪些|所有|全部)客户[?？]?$|\b(?:my|list (?:my|all)(?: the)?) (?:customers|accounts|clients)\b/i;
// "X又有个新商机": a further deal, not a change to the one already there.
export const NEW_DEAL = /又(?:有|来|多|谈)了?(?:个|一个)?新?(?:的)?(?:商机|项目|单子|机会|需求|订单)|(?:另(?:外)?|第二)(?:一)?个?(?:新)?(?:商机|项目|单子|机会)|新(?:商机|项目|单子)(?!阶段)|\b(?:another|a second|a new|second) (?:deal|opportunity|project)\b/i;
// A correction of the customer's own fields: 海康的行业改成安防, 把美团改成A类, Haier is now tier A.
export const CUSTOMER_FIELD = /(?:行业|所属行业|客户等级|等级|级别|分类|类别|客户类型)[^,，。]{0,4}?(?:改成|改为|换成|调整为|调成|设为|设置为|变成|更正为|应该是)|(?:改成|改为|调成|升为|升级为|降为|降级为|设为|标为|变成|设置为|调整为)\s*(?:[ABC]\s*类|[ABC]\s*级|重点客户|重要客户|一般客户|普通客户|小客户|VIP|大客户|战略客户)|\b(?:industry|tier)\b[^.]{0,25}\b(?:to|is now|should be)\b|\bis now (?:a )?tier\b|\bmark [^.]{1,30} as (?:tier|[ABC]\b)/i;
