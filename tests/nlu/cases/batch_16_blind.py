CASES = [
 ('今天上午去了趟美的总部，见了信息部的吴总和采购的小李，聊了MES系统升级，对方预算大概两百万，希望年底前上线，下周三再约吴总详细沟通', 'mon', 'log_activity', {'customer': '美的', 'contact': '吴总', 'channel': 'visit', 'amount': 2000000, 'next_follow_up': '2026-12-02'}),
 ('跟进一下：海尔那边已经口头确认了，合同金额85万，预计下周五签', 'mon', 'update_deal', {'customer': '海尔', 'amount': 850000, 'expected_close': '2026-12-04'}),
 ('电话沟通了中石油的项目，对方还在内部评估，评估结果下个月出，到时候再跟进', 'mon', 'log_activity', {'customer': '中石油', 'channel': 'call'}),
 ('刚和京东开完会，他们对我们的方案比较认可，但价格要再谈，预计12月中旬签', 'mon', 'log_activity', {'customer': '京东', 'channel': 'meeting', 'stage': 'negotiation'}),
 ('上周拜访的那家深圳客户叫云鲸智能，今天正式录入系统，做扫地机器人的，A类', 'mon', 'create_customer', {'customer': '云鲸智能', 'industry': '扫地机器人', 'tier': 'A'}),
 ('回访了一下去年签的客户中国太保，客户对系统整体满意，就是希望多做几次培训', 'mon', 'record_callback', {'customer': '中国太保', 'category': 'satisfaction', 'satisfaction': 4}),
 ('Spent the afternoon at Globex with their IT team, they are ready to move forward, contract value $400k, target signing Dec 18', 'mon', 'log_activity', {'customer': 'Globex', 'channel': 'visit', 'amount': 400000, 'expected_close': '2026-12-18'}),
 ('Initech update: legal review started, expected close end of next month', 'mon', 'update_deal', {'customer': 'Initech', 'stage': 'negotiation', 'expected_close': '2026-12-31'}),
 ('华为和中兴这两家下周都要跟进', 'mon', 'schedule_follow_up', {'customer': '华为', 'next_follow_up': '2026-11-30'}),
 ('帮我查一下腾讯和阿里的进展', 'mon', 'query_customer', {'customer': '腾讯'}),
]
