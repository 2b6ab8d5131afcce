-- The alerts written before low_score_alert existed: kind callback, note 'alert:<callbackId>'.
-- They become low_score_alert rows with the callback's id, and their note the callback's summary
-- (what the to-do list shows) instead of the id.
UPDATE "Reminder" r
SET kind = 'low_score_alert',
    "callbackId" = substr(r.note, 7),
    note = (SELECT left(c.summary, 200) FROM "Callback" c WHERE c.id = substr(r.note, 7) AND c."tenantId" = r."tenantId")
WHERE r.kind = 'callback' AND r.note LIKE 'alert:%';
