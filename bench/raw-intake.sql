-- What IntakeStore writes for one submission, run by pgbench with nothing around it (no HTTP, no Node):
-- the application with its sealed identity, its first history line and its outbox event, in one statement into the real tables,
-- one application per transaction: the raw limit. raw-intake-batch.sql writes the same rows many per statement,
-- as intake writes the submissions that arrive together; it is a copy (pgbench has no include) because this
-- single-row VALUES form is the fastest for one row (about 20% faster than INSERT … SELECT FROM generate_series(1, 1)).
-- Change both together.
-- Variables come from intake-bench.js (-D topic=… subject=… body=… phonehash=… datakey=… sealed=…); with -M prepared they are
-- bound parameters, as they are for the api.
-- ON CONFLICT DO NOTHING instead of intake's ON CONFLICT (idempotency_key): random() tracking numbers
-- can clash with earlier rows now and then, and a clash would abort a pgbench client; the real path retries.
\set tn random(0, 99999999999)
WITH app AS (
  INSERT INTO applications (tracking_number, type_code, topic_id, subject, body, channel, language,
    citizen_phone_hash, province_code, district_code, latitude, longitude,
    confidential, idempotency_key, request_fingerprint)
  VALUES (lpad(:tn, 11, '0'), 'complaint', :topic, :subject, :body, 'web', 'tr',
    decode(:phonehash, 'hex'), 'TR-34', 'TR-34-KDK', NULL, NULL, false, NULL, NULL)
  ON CONFLICT DO NOTHING
  RETURNING id, created_at
), identity AS (
  INSERT INTO citizen_identities (application_id, data_key_id, sealed) SELECT id, :datakey, decode(:sealed, 'hex') FROM app
), history AS (
  INSERT INTO application_events (application_id, occurred_at, kind, actor_type, actor_id, to_status, data)
  SELECT id, created_at, 'received', 'citizen', NULL, 'received', '{"channel":"web"}'::jsonb FROM app
), event AS (
  INSERT INTO outbox_events (topic, aggregate_id, payload) SELECT 'application.received', id, '{}'::jsonb FROM app
)
SELECT id, created_at FROM app;
