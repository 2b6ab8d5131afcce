CASES = [
 ('跟老张吃了个饭，聊了万科的项目', 'mon', 'log_activity', {'customer': '万科', 'contact': '老张', 'channel': 'visit'}),
 ('给宝马的老王打了电话，下周一再联系', 'mon', 'log_activity', {'customer': '宝马', 'contact': '老王', 'channel': 'call', 'next_follow_up': '2026-11-30'}),
 ('Called Jenny at Hooli, follow up tomorrow', 'mon', 'log_activity', {'customer': 'Hooli', 'contact': 'Jenny', 'channel': 'call', 'next_follow_up': '2026-11-24'}),
 ('小米的项目金额调整为80万', 'mon', 'update_deal', {'customer': '小米', 'amount': 800000}),
 ('老凤祥的单子签了', 'mon', 'update_deal', {'customer': '老凤祥', 'stage': 'won'}),
]
