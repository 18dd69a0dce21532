-- raw-intake.sql with :n applications per statement, as intake writes the submissions that arrive together
-- (IntakeStore): the reference for what PostgreSQL alone does with intake's batches. Each row draws its own
-- tracking number. Change both files together.
WITH app AS (
  INSERT INTO applications (tracking_number, type_code, topic_id, subject, body, channel, language,
    citizen_phone_hash, province_code, district_code, latitude, longitude,
    confidential, idempotency_key, request_fingerprint)
  SELECT lpad(floor(random() * 100000000000)::bigint::text, 11, '0'), 'complaint', :topic, :subject, :body, 'web', 'tr',
    decode(:phonehash, 'hex'), 'TR-34', 'TR-34-KDK', NULL, NULL, false, NULL, NULL
  FROM generate_series(1, :n)
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
