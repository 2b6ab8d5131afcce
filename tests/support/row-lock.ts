// Rows held locked by a transaction of the test's own, so that a worker's statement on them
// waits: the crash tests kill the worker while it waits there. `release` first ends the waiting
// backend (a killed worker's statement must not complete when the lock goes), then rolls back.
import pg from 'pg';

const WAITING = `FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;

export async function lockRows(url: string, table: 'Reminder' | 'Delivery', ids: string[]) {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  await lock.query('BEGIN');
  await lock.query(`SELECT id FROM "${table}" WHERE id = ANY($1) FOR UPDATE`, [ids]);
  return {
    /** A statement of another backend is waiting on the lock. */
    waiting: async () => ((await lock.query(`SELECT 1 ${WAITING}`)).rowCount ?? 0) > 0,
    release: async () => {
      await lock.query(`SELECT pg_terminate_backend(pid) ${WAITING}`);
      await lock.query('ROLLBACK');
      await lock.end();
    },
  };
}
