// Slack from the environment:
//   SLACK_BOT_TOKEN       xoxb-… (OAuth & Permissions → Bot User OAuth Token), always needed
//   SLACK_SIGNING_SECRET  HTTP mode: verifies /webhooks/slack/* requests
//   SLACK_APP_TOKEN       Socket Mode: xapp-… app-level token with connections:write
//   SLACK_APP_ID          optional: webhooks naming another api_app_id are refused (403)
//   SLACK_TEAM_ID         optional: webhooks from another workspace are refused (403)
//   SLACK_COMMAND         optional: the slash command answered (default /crm, as in manifest.yml)
//   SLACK_API_URL         the Web API base (default https://slack.com/api/; tests point it at a fake)
// One of SLACK_SIGNING_SECRET / SLACK_APP_TOKEN is needed; with both, both run. Secrets are
// never logged: `missing` names variables, never their values.
import type { Logger } from 'pino';
import type { Adapter } from '../contract.js';
import { slackAdapter, SLACK_API_URL } from './adapter.js';

export { slackAdapter } from './adapter.js';
export { renderReply } from './blocks.js';
export { classifySlackError } from './errors.js';
export { slackRoutes } from './routes.js';
export { signSlackRequest, verifySlackRequest } from './verify.js';

const CHECKS: { name: string; problem: (v: string) => string | undefined }[] = [
  { name: 'SLACK_BOT_TOKEN', problem: (v) => (v.startsWith('xoxb-') ? undefined : 'must be a bot token (xoxb-…)') },
  { name: 'SLACK_APP_TOKEN', problem: (v) => (v.startsWith('xapp-') ? undefined : 'must be an app-level token (xapp-…)') },
  { name: 'SLACK_COMMAND', problem: (v) => (/^\/[a-z0-9_-]+$/i.test(v) ? undefined : 'must be a slash command such as /crm') },
  { name: 'SLACK_API_URL', problem: (v) => (/^https?:\/\//.test(v) ? undefined : 'must start with http:// or https://') },
];

export function slackFromEnv(env: NodeJS.ProcessEnv, deps: { log: Logger }): { adapter?: Adapter; missing: string[] } {
  const get = (name: string) => env[name]?.trim() || undefined;
  const missing: string[] = [];
  if (!get('SLACK_BOT_TOKEN')) missing.push('SLACK_BOT_TOKEN');
  if (!get('SLACK_SIGNING_SECRET') && !get('SLACK_APP_TOKEN')) missing.push('SLACK_SIGNING_SECRET or SLACK_APP_TOKEN');
  for (const check of CHECKS) {
    const value = get(check.name);
    const problem = value === undefined ? undefined : check.problem(value);
    if (problem) missing.push(`${check.name} (${problem})`);
  }
  if (missing.length) return { missing };
  const adapter = slackAdapter({
    botToken: get('SLACK_BOT_TOKEN')!, signingSecret: get('SLACK_SIGNING_SECRET'), appToken: get('SLACK_APP_TOKEN'),
    apiUrl: get('SLACK_API_URL') ?? SLACK_API_URL, log: deps.log, appId: get('SLACK_APP_ID'), teamId: get('SLACK_TEAM_ID'), command: get('SLACK_COMMAND'),
  });
  deps.log.info({ http: Boolean(get('SLACK_SIGNING_SECRET')), socketMode: Boolean(get('SLACK_APP_TOKEN')) }, 'slack adapter configured');
  return { adapter, missing: [] };
}
