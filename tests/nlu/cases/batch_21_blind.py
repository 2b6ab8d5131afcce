CASES = [
 ('Met with Dr. Lopez at Hooli Inc today, they need a proposal, budget around $75k, follow up next Monday', 'mon', 'log_activity', {'customer': 'Hooli Inc', 'contact': 'Dr. Lopez', 'channel': 'visit', 'stage': 'proposal', 'amount': 75000, 'next_follow_up': '2026-11-30'}),
 ('Called Vandelay, moved to qualified, expected close Feb 10', 'mon', 'log_activity', {'customer': 'Vandelay', 'channel': 'call', 'stage': 'qualified', 'expected_close': '2027-02-10'}),
 ('Cyberdyne closed lost, 400k, chose a competitor', 'mon', 'update_deal', {'customer': 'Cyberdyne', 'stage': 'lost', 'amount': 400000, 'lost_reason': 'chose a competitor'}),
 ('remind me to visit Oscorp on Thursday at 10am', 'mon', 'schedule_follow_up', {'customer': 'Oscorp', 'channel': 'visit', 'next_follow_up': '2026-11-26T10:00'}),
 ('how is the team doing this month', 'mon', 'query_kpi', {'period': 'month', 'scope': 'team'}),
 ("what's on my plate tomorrow", 'mon', 'query_tasks', {}),
 ('new customer Dunder Mifflin, paper, tier C', 'mon', 'create_customer', {'customer': 'Dunder Mifflin', 'industry': 'paper', 'tier': 'C'}),
 ('Emailed Stark Industries the quote, 1.2M, follow up in a week', 'mon', 'log_activity', {'customer': 'Stark Industries', 'channel': 'email', 'stage': 'proposal', 'amount': 1200000, 'next_follow_up': '2026-11-30'}),
 ('Lunch with Globex procurement, deal looks good, close by year end', 'mon', 'log_activity', {'customer': 'Globex', 'channel': 'visit', 'expected_close': '2026-12-31'}),
 ('Acme satisfaction callback, very satisfied, 5/5', 'mon', 'record_callback', {'customer': 'Acme', 'category': 'satisfaction', 'satisfaction': 5}),
]
