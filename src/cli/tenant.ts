// `salesbot tenant export <out.jsonl> --tenant <id>`: every row of the tenant, one JSON object
// per line (the data-protection export). `salesbot tenant delete --tenant <id> --confirm <id>`:
// deletes the tenant and all its rows; the id is typed twice because there is no undo.
import { loadConfig } from '../config.js';
import { deleteTenant, exportTenant, type ExportCounts } from '../domain/tenant-data.js';
import { createLogger } from '../log.js';
import { openRuntime, type Runtime } from '../runtime/open.js';
import { KEY_PREFIX } from '../runtime/paths.js';
import { flags } from './import.js';

const USAGE = 'usage: salesbot tenant export <out.jsonl> --tenant <id>\n       salesbot tenant delete --tenant <id> --confirm <id>\n';

const summary = (counts: ExportCounts) =>
  Object.entries(counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ') || 'no rows';

async function withRuntime(work: (runtime: Runtime) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const runtime = await openRuntime(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { positional: [file], values } = flags(rest, ['tenant', 'confirm']);
  const tenantId = values.tenant;
  if (!tenantId || (action === 'export' && !file) || (action !== 'export' && action !== 'delete')) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (action === 'delete' && values.confirm !== tenantId) {
    process.stderr.write(`refusing to delete: repeat the tenant id with --confirm ${tenantId}\n`);
    return 2;
  }
  return withRuntime(async ({ db, redis }) => {
    if (!(await db.tenant.findUnique({ where: { id: tenantId } }))) {
      process.stderr.write(`no tenant "${tenantId}"\n`);
      return 1;
    }
    if (action === 'export') {
      process.stdout.write(`${file}: ${summary(await exportTenant(db, tenantId, file!))}\n`);
    } else {
      process.stdout.write(`deleted tenant ${tenantId}: ${summary(await deleteTenant(db, tenantId, { client: redis, keyPrefix: KEY_PREFIX }))}\n`);
    }
    return 0;
  });
}
