// The next insert into a table fails as a deadlock victim would (40P01), once: sequences are not
// transactional, so the retry's insert goes through. `remove` drops the trigger again.
import type { Db } from '../../src/db.js';

export async function deadlockOnce(db: Db, name: string, table = 'Activity') {
  await db.$executeRawUnsafe(`CREATE SEQUENCE ${name}`);
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF nextval('${name}') = 1 THEN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected'; END IF;
    RETURN NEW; END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return { remove: () => db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`) };
}
