// `salesbot set-role <who> <role> [--tenant <id>]`: sets a person's role from the command line —
// how a new messenger tenant (whose people join as reps) gets its first admin. Admins then use
// `/角色` `/role` in chat.
import { loadConfig } from '../config.js';
import { UserError } from '../domain/errors.js';
import { setRole } from '../domain/people.js';
import { t } from '../i18n/index.js';
import { createLogger } from '../log.js';
import { openRuntime } from '../runtime/open.js';
import { KEY_PREFIX } from '../runtime/paths.js';
import { peopleChanged } from '../router/actors.js';

const USAGE = 'usage: salesbot set-role <handle or name> <rep|manager|care|admin> [--tenant <id>]\n';

export async function run(args: string[]): Promise<number> {
  const tenantAt = args.indexOf('--tenant');
  const tenantId = tenantAt >= 0 ? args[tenantAt + 1] : 'demo';
  const [who, role] = args.filter((_, i) => tenantAt < 0 || (i !== tenantAt && i !== tenantAt + 1));
  if (!who || !role || !tenantId) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  const runtime = await openRuntime(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  try {
    const user = await setRole(runtime.db, tenantId, who, role);
    // Running processes cache who is who (src/router/actors.ts): the next message sees the new role.
    await peopleChanged(runtime.redis, KEY_PREFIX, tenantId);
    process.stdout.write(`${user.name} (${user.handle}) in ${tenantId}: ${user.role}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    process.stderr.write(`${t('en', err.key, err.params)}\n`);
    return 1;
  } finally {
    await runtime.close();
  }
}
