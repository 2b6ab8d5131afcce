CASES = [
 ('漏斗', 'mon', 'query_pipeline', {'scope': 'me'}),
 ('业绩', 'mon', 'query_kpi', {'scope': 'me'}),
 ('待办', 'mon', 'query_tasks', {}),
 ('KPI', 'mon', 'query_kpi', {'scope': 'me'}),
 ('pipeline', 'mon', 'query_pipeline', {'scope': 'me'}),
 ('tasks', 'mon', 'query_tasks', {}),
 ('我的客户都有哪些在跟', 'mon', 'query_pipeline', {'scope': 'me'}),
 ('本月新签了多少单', 'mon', 'query_kpi', {'period': 'month', 'scope': 'me'}),
 ('这周我拜访了几个客户', 'mon', 'query_kpi', {'period': 'week', 'scope': 'me'}),
 ('今天还有什么没跟进的', 'mon', 'query_tasks', {'period': 'today'}),
 ('明天的日程', 'mon', 'query_tasks', {}),
 ('华为？', 'mon', 'query_customer', {'customer': '华为'}),
 ('华为的情况怎么样', 'mon', 'query_customer', {'customer': '华为'}),
 ('给我看看京东的详情', 'mon', 'query_customer', {'customer': '京东'}),
 ('撤回刚才的记录', 'mon', 'undo', {}),
 ('记错了，删掉', 'mon', 'undo', {}),
 ('机器人都有哪些功能', 'mon', 'help', {}),
 ('早', 'mon', 'unknown', {}),
 ('OK', 'mon', 'unknown', {}),
 ('好', 'mon', 'unknown', {}),
 ('测试', 'mon', 'unknown', {}),
 ('今天心情不错', 'mon', 'unknown', {}),
]
CASES += [
 ('提醒我月底前跟华为签合同', 'mon', 'schedule_follow_up', {'customer': '华为', 'next_follow_up': '2026-11-30'}),
 ('remind me to get Acme to sign by Friday', 'mon', 'schedule_follow_up', {'customer': 'Acme', 'next_follow_up': '2026-11-27'}),
]
CASES += [
 ('我们这个月的业绩怎么样', 'mon', 'query_kpi', {'period': 'month', 'scope': 'team'}),
 ("how's our pipeline", 'mon', 'query_pipeline', {'scope': 'team'}),
]
