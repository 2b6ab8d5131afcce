// Every sentence the bot says, in both languages. Replies follow the language the user wrote in.
export type Locale = 'zh' | 'en';
export type Params = Record<string, string | number>;
/** A sentence: fixed, or built from parameters. */
export type Text = string | ((p: Params) => string);
/** A message table: every key in both languages. */
export type MessageTable = Record<string, Record<Locale, Text>>;

const messages = {
  'stage.lead': { zh: '线索', en: 'Lead' },
  'stage.qualified': { zh: '需求确认', en: 'Qualified' },
  'stage.proposal': { zh: '方案报价', en: 'Proposal' },
  'stage.negotiation': { zh: '商务谈判', en: 'Negotiation' },
  'stage.won': { zh: '赢单', en: 'Won' },
  'stage.lost': { zh: '输单', en: 'Lost' },
  'channel.visit': { zh: '拜访', en: 'Visit' },
  'channel.call': { zh: '电话', en: 'Call' },
  'channel.wechat': { zh: '微信', en: 'WeChat' },
  'channel.email': { zh: '邮件', en: 'Email' },
  'channel.meeting': { zh: '会议', en: 'Meeting' },
  'channel.demo': { zh: '演示', en: 'Demo' },
  'channel.note': { zh: '跟进', en: 'Note' },
  'category.care': { zh: '关怀回访', en: 'Care' },
  'category.feedback': { zh: '使用反馈', en: 'Feedback' },
  'category.complaint': { zh: '投诉', en: 'Complaint' },
  'category.unanswered': { zh: '未接通', en: 'No answer' },
  'category.satisfaction': { zh: '满意度回访', en: 'Satisfaction' },
  'category.renewal': { zh: '续约回访', en: 'Renewal' },
  'category.marketing': { zh: '活动推广', en: 'Marketing' },
  'period.today': { zh: '今天', en: 'today' },
  'period.week': { zh: '本周', en: 'this week' },
  'period.month': { zh: '本月', en: 'this month' },
  'period.quarter': { zh: '本季度', en: 'this quarter' },
  'period.year': { zh: '今年', en: 'this year' },

  'intent.log_activity': { zh: '记录一次跟进', en: 'Log an activity' },
  'intent.create_customer': { zh: '新建客户', en: 'Create a customer' },
  'intent.add_contact': { zh: '添加联系人', en: 'Add a contact' },
  'intent.update_deal': { zh: '更新商机', en: 'Update a deal' },
  'intent.schedule_follow_up': { zh: '设置跟进提醒', en: 'Set a follow-up reminder' },
  'intent.record_callback': { zh: '记录回访', en: 'Record a callback' },
  'intent.update_customer': { zh: '修改客户信息', en: 'Update a customer' },
  'intent.set_payment_plan': { zh: '记录回款计划', en: 'Record a payment plan' },
  'intent.record_payment': { zh: '记录回款', en: 'Record a payment' },
  'intent.set_target': { zh: '设定目标', en: 'Set a target' },
  'intent.commit_deal': { zh: '标记有把握', en: 'Mark as commit' },
  'ask.confirmIntent': { zh: (p) => `我理解成「${p.intent}」，对吗？`, en: (p) => `Did you mean: ${p.intent}?` },
  'field.customer': { zh: '客户', en: 'Customer' },
  'field.contact': { zh: '联系人', en: 'Contact' },
  'field.activity': { zh: '已记录', en: 'Logged' },
  'field.title': { zh: '职务', en: 'Title' },
  'field.phone': { zh: '电话', en: 'Phone' },
  'field.email': { zh: '邮箱', en: 'Email' },
  'field.birthday': { zh: '生日', en: 'Birthday' },
  'field.leftFormer': { zh: '已离开', en: 'Left' },
  'field.industry': { zh: '行业', en: 'Industry' },
  'field.aliases': { zh: '简称', en: 'Also known as' },
  'field.tier': { zh: '等级', en: 'Tier' },
  'field.owner': { zh: '负责人', en: 'Owner' },
  'field.amount': { zh: '金额', en: 'Amount' },
  'field.stage': { zh: '阶段', en: 'Stage' },
  'field.expectedClose': { zh: '预计签约', en: 'Expected close' },
  'field.nextFollowUp': { zh: '下次跟进', en: 'Next follow-up' },
  'field.lostReason': { zh: '输单原因', en: 'Lost reason' },
  'field.summary': { zh: '内容', en: 'Summary' },
  'field.satisfaction': { zh: '满意度', en: 'Satisfaction' },
  'field.deals': { zh: '商机', en: 'Deals' },
  'field.lastActivities': { zh: '最近跟进', en: 'Recent activity' },
  'field.lastCallbacks': { zh: '最近回访', en: 'Recent callbacks' },
  'field.contacts': { zh: '联系人', en: 'Contacts' },
  'field.none': { zh: '暂无', en: 'none' },
  'field.total': { zh: '合计', en: 'Total' },
  'field.weighted': { zh: '加权', en: 'weighted' },
  'field.won': { zh: '赢单金额', en: 'Won' },
  'field.winRate': { zh: '赢单率', en: 'Win rate' },
  'field.target': { zh: '目标', en: 'Target' },
  'field.attainment': { zh: '完成率', en: 'Attainment' },
  'field.activities': { zh: '跟进次数', en: 'Activities' },
  'field.newCustomers': { zh: '新客户', en: 'New customers' },
  'field.newDeals': { zh: '新商机', en: 'New deals' },

  'button.undo': { zh: '撤销', en: 'Undo' },
  'button.undoOld': { zh: '撤销这条', en: 'Undo it' },
  'button.viewCustomer': { zh: '查看客户', en: 'View customer' },
  'button.create': { zh: (p) => `新建「${p.name}」`, en: (p) => `Create "${p.name}"` },
  'button.cancel': { zh: '取消', en: 'Cancel' },
  'button.createAnyway': { zh: '仍然新建', en: 'Create anyway' },
  'button.help': { zh: '看看例子', en: 'Show examples' },
  'button.pipeline': { zh: '我的漏斗', en: 'My pipeline' },
  'button.tasks': { zh: '我的待办', en: 'My tasks' },
  'button.kpi': { zh: '本月业绩', en: 'KPI this month' },

  'ask.createCustomer': {
    zh: (p) => `没有找到客户「${p.name}」。要新建为客户吗？`,
    en: (p) => `I couldn't find a customer called "${p.name}". Create it as a new customer?`,
  },
  'ask.similarCustomer': {
    zh: (p) => `已有名字相近的客户：${p.names}。是其中一家吗？不是的话点「仍然新建」新建「${p.name}」。`,
    en: (p) => `There is already a customer with a similar name: ${p.names}. Is it the same one? If not, tap "Create anyway" to add "${p.name}".`,
  },
  'ask.whichCustomer': {
    zh: (p) => `「${p.name}」匹配到多个客户，是哪一个？`,
    en: (p) => `"${p.name}" matches several customers. Which one?`,
  },
  'ask.whichDeal': { zh: (p) => `${p.customer} 有多个进行中的商机，是哪一个？`, en: (p) => `${p.customer} has several open deals. Which one?` },
  'ask.customerMissing': {
    zh: '是哪个客户？请带上客户名称再说一次，例如：「华为现在什么进展」',
    en: 'Which customer? Please say it again with the customer name, e.g. "status of Acme Corp".',
  },
  'ask.contactMissing': {
    zh: '联系人叫什么？例如：「添加联系人 华为 王伟 采购总监 13800138000」',
    en: 'What is the contact\'s name? e.g. "add contact Acme Corp John Smith CTO john@acme.com"',
  },
  'ask.followUpTime': {
    zh: '什么时候提醒你？例如：「提醒我明天上午10点给华为打电话」',
    en: 'When should I remind you? e.g. "remind me to call Acme Corp tomorrow at 10am"',
  },
  'hint.dealFacts': {
    zh: (p) => `要更新商机，可以说：「${p.customer} 金额调整为50万」或「${p.customer} 进入商务谈判」`,
    en: (p) => `To change the deal, say e.g. "${p.customer} amount 500k" or "${p.customer} moved to negotiation"`,
  },
  'ask.dealFacts': {
    zh: (p) => `要更新 ${p.customer} 的什么？例如：「${p.customer} 金额调整为50万」或「${p.customer} 进入商务谈判」`,
    en: (p) => `What changed for ${p.customer}? e.g. "${p.customer} amount 500k" or "${p.customer} moved to negotiation"`,
  },
  'ask.expired': { zh: '这个问题已经过期了，请重新发一次刚才的消息。', en: 'That question has expired. Please send your message again.' },
  'ask.amended': {
    zh: (p) => `好的，已改为：${p.facts}。上面的问题还在等你回答：回复编号或点按钮。`,
    en: (p) => `OK, changed to ${p.facts}. The question above still waits: reply with its number or tap a button.`,
  },
  'ask.cancelled': { zh: '好的，已取消，什么都没有改。', en: 'OK, cancelled. Nothing was changed.' },
  'ask.cancelledNotUndone': {
    zh: '好的，已取消刚才的问题，什么都没有改。要撤销上一条记录，请再说一次「撤销」。',
    en: 'OK, cancelled the question; nothing was changed. To undo your last record, say "undo" again.',
  },

  'customer.created': { zh: (p) => `已新建客户 ${p.name}`, en: (p) => `Created customer ${p.name}` },
  'customer.exists': {
    zh: (p) => `客户「${p.name}」已经存在（负责人：${p.owner}），没有重复新建。`,
    en: (p) => `Customer "${p.name}" already exists (owner: ${p.owner}); nothing was duplicated.`,
  },
  'customer.notVisible': {
    zh: (p) => `客户「${p.name}」由 ${p.owner} 负责，你没有权限查看或修改。如需转交请联系经理。`,
    en: (p) => `"${p.name}" is owned by ${p.owner}; you can't see or change it. Ask your manager to reassign it.`,
  },
  'customer.notFound': {
    zh: (p) => `没有找到客户「${p.name}」。可以说「新客户 ${p.name}」来新建。`,
    en: (p) => `No customer called "${p.name}". Say "new customer ${p.name}" to add it.`,
  },
  'customer.notPlainName': {
    zh: (p) => `「${p.name}」像是格式或 @ 提及，不是客户名称。请直接输入客户名称，例如「新客户 宁德时代」。`,
    en: (p) => `"${p.name}" looks like formatting or an @-mention, not a customer name. Type the name as plain text, e.g. "new customer Stark Industries".`,
  },
  'customer.status': { zh: (p) => `${p.name} 的情况`, en: (p) => `Status of ${p.name}` },
  'customer.moreContacts': { zh: (p) => `…另有 ${p.n} 位`, en: (p) => `…and ${p.n} more` },
  'button.allContacts': { zh: '全部联系人', en: 'All contacts' },
  'contact.added': { zh: (p) => `已添加联系人 ${p.contact} · ${p.customer}`, en: (p) => `Added contact ${p.contact} at ${p.customer}` },
  'contact.leftFormer': { zh: (p) => `${p.contact} 在 ${p.customer} 已标为离职`, en: (p) => `Marked ${p.contact} as having left ${p.customer}` },
  'contact.updated': { zh: (p) => `已更新联系人 ${p.contact} · ${p.customer}`, en: (p) => `Updated contact ${p.contact} at ${p.customer}` },
  'activity.logged': {
    zh: (p) => `已记录${p.channel} · ${p.customer}`,
    en: (p) => `Logged ${p.channel} with ${p.customer}`,
  },
  'activity.alsoMissed': {
    zh: (p) => `「${p.names}」没有记上：找不到、有重名或不是你的客户。请单独发一条，例如「拜访了${p.first}」。`,
    en: (p) => `Not logged for ${p.names}: not found, more than one match, or not your customer. Send it on its own, e.g. "Visited ${p.first}".`,
  },
  'parts.notYet': {
    zh: (p) => `这条消息里「${p.rest}」还没有记录：先回答上面的问题，再把这部分单独发一次。`,
    en: (p) => `Not recorded yet: "${p.rest}". Answer the question above first, then send that part again on its own.`,
  },
  'deal.updated': { zh: (p) => `已更新商机 · ${p.customer}`, en: (p) => `Updated the deal with ${p.customer}` },
  'deal.created': { zh: (p) => `已新建商机 · ${p.customer}`, en: (p) => `Created a deal with ${p.customer}` },
  'deal.noneOpenToLose': {
    zh: (p) => `${p.customer} 没有在跟的商机：最近的「${p.title}」已是${p.stage}，没有改动。要记一个新商机，请说「${p.customer}又有个新商机」。`,
    en: (p) => `${p.customer} has no open deal: the latest, "${p.title}", is already ${String(p.stage).toLowerCase()}. Nothing changed. To add a new one, say "new deal with ${p.customer}".`,
  },
  'followUp.scheduled': {
    zh: (p) => `好的，${p.when} 提醒你跟进 ${p.customer}`,
    en: (p) => `OK, I'll remind you to follow up with ${p.customer} on ${p.when}`,
  },
  'followUp.assigned': {
    zh: (p) => `好的，${p.when} 提醒${p.person}跟进 ${p.customer}`,
    en: (p) => `OK, ${p.person} will be reminded to follow up with ${p.customer} on ${p.when}`,
  },
  'followUp.onlyOwn': {
    zh: (p) => `只有经理能给同事安排跟进，没有给${p.person}设提醒。要提醒你自己，可以说「提醒我明天下午跟进华为」。`,
    en: (p) => `Only a manager can set a follow-up for a colleague; nothing was set for ${p.person}. To remind yourself, say "remind me to follow up with Huawei tomorrow afternoon".`,
  },
  'followUp.moved': {
    zh: (p) => `好的，${p.customer} 的跟进已改到 ${p.when}（原定 ${p.was}）`,
    en: (p) => `OK, moved the follow-up with ${p.customer} to ${p.when} (was ${p.was})`,
  },
  'callback.recorded': {
    zh: (p) => `已记录回访 · ${p.customer}${p.alerted ? '，已通知客户负责人和主管' : ''}`,
    en: (p) => `Recorded the callback with ${p.customer}${p.alerted ? '; the account owner and their manager were alerted' : ''}`,
  },
  'pipeline.title': { zh: (p) => `${p.scope}销售漏斗`, en: (p) => `${p.scope} pipeline` },
  'pipeline.scope.me': { zh: '我的', en: 'My' },
  'pipeline.scope.team': { zh: '团队', en: 'Team' },
  'pipeline.empty': { zh: '目前没有进行中的商机。', en: 'No open deals right now.' },
  'pipeline.teamOnlyManagers': {
    zh: '团队数据只有经理能看，下面是你自己的。', en: 'Team figures are for managers; here are yours.',
  },
  'kpi.title': { zh: (p) => `${p.scope}${p.period}业绩`, en: (p) => `${p.scope} KPI ${p.period}` },
  'kpi.noTarget': { zh: '未设目标', en: 'no target set' },
  'tasks.title': { zh: (p) => `${p.period}待办`, en: (p) => `To do ${p.period}` },
  'tasks.empty': { zh: (p) => `${p.period}没有要跟进的客户，干得好！`, en: (p) => `Nothing to follow up ${p.period}. Nice!` },
  'tasks.overdue': { zh: '已逾期', en: 'overdue' },
  'tasks.lowScore': { zh: '⚠ 回访低分', en: '⚠ low callback score' },
  'undo.done': { zh: (p) => `已撤销：${p.what}`, en: (p) => `Undone: ${p.what}` },
  'undo.fixAsk': { zh: (p) => `要把这个商机改成 ${p.what} 吗？`, en: (p) => `Change that deal to ${p.what}?` },
  'undo.fixButton': { zh: (p) => `改成 ${p.what}`, en: (p) => `Change to ${p.what}` },
  'undo.fixWhere': {
    zh: '你说的新数字还没有记：请说是哪个客户，例如「美团 金额调整为38万」。',
    en: 'The new figure is not saved yet: say which customer, e.g. "Acme Corp amount 380k".',
  },
  'undo.nothing': { zh: '没有可以撤销的操作。', en: 'There is nothing to undo.' },
  'undo.old': {
    zh: (p) => `下一条可撤销的是 ${p.when} 的「${p.what}」，已超过 ${p.minutes} 分钟。确定要撤销它吗？`,
    en: (p) => `The next change to undo is "${p.what}" from ${p.when}, more than ${p.minutes} minutes ago. Undo it?`,
  },
  'undo.conflict': {
    zh: '这条记录之后又被改过，不能自动撤销，请直接修改。', en: 'That record changed again since, so it can\'t be undone automatically; please edit it instead.',
  },
  'undo.referenced': {
    zh: '这次新建的记录后来又被用到了（比如在它下面记了跟进），不能单独撤销。请先撤销后面的操作。',
    en: 'Something you added later depends on this (an activity logged on it, say), so it can\'t be undone on its own. Undo the later change first.',
  },
  'ask.followUpPast': {
    zh: (p) => `${p.when} 已经过去了。请给一个将来的时间，例如「明天上午10点」。`,
    en: (p) => `${p.when} is already in the past. Please give a future time, e.g. "tomorrow at 10am".`,
  },
  'role.rep': { zh: '销售', en: 'rep' },
  'role.manager': { zh: '经理', en: 'manager' },
  'role.care': { zh: '客服', en: 'customer care' },
  'role.admin': { zh: '管理员', en: 'admin' },
  'admin.usage': {
    zh: '用法：/用户（列出成员）、/角色 张伟 经理（销售/经理/客服/管理员）、/团队 张伟 华东一组、/经理 王强 华东一组',
    en: 'Usage: /users (list people), /role alice manager (rep/manager/care/admin), /team alice East, /manager bob East',
  },
  'admin.listTitle': { zh: '成员', en: 'People' },
  'admin.roleSet': { zh: (p) => `已把 ${p.name} 设为${p.role}`, en: (p) => `${p.name} is now ${p.role}` },
  'admin.teamSet': { zh: (p) => `已把 ${p.name} 加入团队「${p.team}」`, en: (p) => `${p.name} is now in team "${p.team}"` },
  'admin.managerSet': { zh: (p) => `${p.name} 现在是团队「${p.team}」的经理`, en: (p) => `${p.name} now manages team "${p.team}"` },
  'admin.noSuchUser': { zh: (p) => `没有找到成员「${p.who}」。发 /用户 看看成员列表。`, en: (p) => `No one called "${p.who}". Send /users to see everyone.` },
  'admin.ambiguousUser': { zh: (p) => `「${p.who}」对应多个成员，请用用户名（/用户 里括号中的那个）。`, en: (p) => `"${p.who}" matches several people; use the handle shown by /users.` },
  'admin.badRole': { zh: (p) => `没有「${p.role}」这个角色。可选：销售、经理、客服、管理员。`, en: (p) => `"${p.role}" is not a role. Use rep, manager, care or admin.` },
  'help.title': { zh: 'salesbot 可以帮你记客户、跟进和商机', en: 'salesbot keeps your CRM while you chat' },
  'help.body': {
    zh: [
      '直接说就行，例如：',
      '• 今天拜访了华为的张总，意向金额50万，下周三再跟进',
      '• 新客户：宁德时代，新能源行业，A类',
      '• 添加联系人 华为 王伟 采购总监 13800138000',
      '• 京东签了！合同金额120万',
      '• 提醒我明天上午10点给美团打电话',
      '• 我的销售漏斗 ／ 华为现在什么进展 ／ 我这个月业绩 ／ 今天要跟进哪些客户',
      '• 明天要跟进谁 ／ 上个月业绩 ／ 张伟的漏斗 ／ 我的客户有哪些 ／ 海康的行业改成安防',
      '• 撤销（撤回你刚才的一次修改）',
      '命令：/新客户 /跟进 /商机 /阶段 /提醒 /漏斗 /客户 /业绩 /待办 /撤销 /帮助',
    ].join('\n'),
    en: [
      'Just say it, for example:',
      '• Met with Mr. Chen at Acme Corp today, budget $50k, follow up next Tuesday',
      '• new customer Stark Industries, manufacturing, tier A',
      '• Initech closed won, 200k',
      '• remind me to email Umbrella tomorrow at 3pm',
      '• my pipeline / status of Acme Corp / how is my month / my tasks this week',
      '• my tasks tomorrow / how did I do last month / my customers / contacts at Acme Corp',
      '• undo (takes back your last change)',
      'Commands: /customer /log /deal /stage /remind /pipeline /status /kpi /tasks /undo /help',
    ].join('\n'),
  },
  'help.manager': {
    zh: [
      '经理还可以：',
      '• 团队本月业绩 ／ 每个人的业绩排名 ／ 哪些单子超过两周没动了 ／ 团队本季度预测',
      '• 提醒张伟明天下午跟进美团 ／ 给李娜定个本月目标200万 ／ 把华为转给李娜负责',
    ].join('\n'),
    en: [
      'As a manager you can also:',
      '• team numbers this month / leaderboard / stale deals / team forecast this quarter',
      '• remind Zhang Wei to follow up with Meituan tomorrow / set Li Na\'s target this month to 2M',
    ].join('\n'),
  },
  'help.care': {
    zh: [
      '客服回访：',
      '• 回访了美团 满意度4分 ／ 永辉超市投诉 送货晚了三天 1分 ／ 京东物流下周三再回访一次',
      '• 今天要回访哪些客户 ／ 回访列表 ／ 上个月的回访 ／ 有没有客户投诉',
    ].join('\n'),
    en: [
      'Callbacks:',
      '• callback Meituan, satisfaction 4 / complaint from Yonghui, late delivery, score 1',
      '• callbacks due today / callbacks this week / any complaints',
    ].join('\n'),
  },
  'help.fixes': {
    zh: '改错：不对 是80万 ／ 联系人说错了 不是张总 是张伟 ／ 撤销',
    en: 'Fixing: no, it\'s 800k / undo',
  },
  'unknown.thanks': {
    zh: '不客气！要记录或查询随时发我，例如「今天拜访了华为的张总，意向金额50万」「我的待办」。',
    en: 'You\'re welcome! Send me what to log or ask any time, e.g. "Called Acme Corp, moved to negotiation" or "my tasks".',
  },
  'unknown.hello': {
    zh: '你好！我帮你记录拜访、电话和商机，也能查漏斗、待办和业绩。例如「今天拜访了华为的张总，意向金额50万」，或发「帮助」看更多例子。',
    en: 'Hi! I log your visits, calls and deals, and answer about your pipeline, tasks and numbers. Try "Called Acme Corp, moved to negotiation", or send "help".',
  },
  'unknown.reply': {
    zh: '我没太明白。可以这样说：「今天拜访了华为的张总，意向金额50万」「我的销售漏斗」，或发「帮助」看更多例子。',
    en: 'Sorry, I didn\'t get that. Try "Called Acme Corp, moved to negotiation" or "my pipeline", or send "help" for more examples.',
  },
  'error.empty': { zh: '消息是空的。请输入要记录或查询的内容，发「帮助」看例子。', en: 'The message is empty. Type what to log or ask; send "help" for examples.' },
  'error.tooLong': {
    zh: (p) => `消息太长了（${p.length} 字），最多 ${p.max} 字。请只写要点，或分成几条发送。`,
    en: (p) => `That message is too long (${p.length} characters; the limit is ${p.max}). Please send the key points, or split it up.`,
  },
  'error.badAmount': {
    zh: (p) => `金额「${p.value}」看不懂，什么都没有改。请写成数字，例如 50万、1.2亿 或 500000。`,
    en: (p) => `I can't read the amount "${p.value}", so nothing was changed. Write it as a number, e.g. 500k, 1.2M or 500000.`,
  },
  'error.badArgs': {
    zh: '这个操作的参数不对，什么都没有改。请直接用文字再说一次。', en: 'That action had invalid details, so nothing was changed. Please say it again in words.',
  },
  'error.internal': {
    zh: '抱歉，处理这条消息时出错了，什么都没有改。请稍后再试一次。',
    en: 'Sorry, something went wrong handling that message; nothing was changed. Please try again in a moment.',
  },
  'error.duplicate': { zh: '这条消息已经处理过了。', en: 'That message was already handled.' },
  'error.notAllowed': { zh: '你没有权限做这个操作。', en: 'You are not allowed to do that.' },
} satisfies Record<string, Record<Locale, Text>>;

export type MessageKey = keyof typeof messages;

/** The lookup function for a message table (this one, or a feature's own, e.g. the jobs'). */
export function translator<T extends MessageTable>(table: T) {
  return (locale: Locale, key: keyof T, params: Params = {}): string => {
    const text: Text = table[key]![locale];
    return typeof text === 'function' ? text(params) : text;
  };
}

export const t = translator(messages);

// One Latin word alone says English only when it is a word people use with the bot; a name
// ("Acme") or keyboard noise ("asdfgh") from a Chinese user is answered in Chinese.
const ENGLISH_WORD = /^(?:help|hi|hello|hey|thanks|thank|thx|ok|okay|yes|no|undo|cancel|pipeline|tasks?|todo|kpi|status|forecast|customers|contacts|menu|start)[!.?]*$/i;

/** Chinese if the text has any CJK character; English if it has two Latin words, or one the
 * bot's English users say alone (help, undo, pipeline…); else `fallback`. */
export function detectLocale(text: string, fallback: Locale): Locale {
  const words = text.match(/[a-z][a-z'’-]+/gi) ?? [];
  // "Acme Corp signed! final contract 38万", "Called 美团 Ella, they want a demo": an English sentence
  // with a Chinese unit or name in it is English.
  const cjk = text.replace(/\d\s*[万千亿元块]/g, '').match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (cjk && !(cjk <= 6 && words.length >= 4 && words.length > cjk)) return 'zh';
  if (words.length >= 2 || (words.length === 1 && ENGLISH_WORD.test(words[0]!))) return 'en';
  return fallback;
}
