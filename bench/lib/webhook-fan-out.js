'use strict';
// Webhook fan-out under a burst: a loopback receiver subscribed for the center (every agency) to application.routed,
// applications posted as fast as intake takes them, then every routed event fanned out, signed and delivered.
// Measures deliveries per second from the first delivery queued to the last delivered, and routed → delivered delay.
const { randomBytes } = require('node:crypto');
const { createServer } = require('node:http');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const DELIVERY_TIMEOUT_MS = 180_000;

async function webhookFanOut({ db, durationS, connections, submit, drain, log }) {
  const ids = new Set();
  let received = 0;
  const server = createServer((req, res) => {
    received++;
    ids.add(req.headers['webhook-id']);
    req.resume().on('end', () => res.writeHead(204).end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/petitio`;
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const { rows } = await db.query(`INSERT INTO webhook_subscriptions (url, events, secret) VALUES ($1, '{application.routed}', $2) RETURNING id`, [
    url,
    secret,
  ]);
  const subscription = rows[0].id;
  try {
    log(`webhook fan-out: ${durationS} s at ${connections} connections, every routed application delivered`);
    const r = await submit({ connections, duration: durationS });
    const accepted = r['2xx'];
    await drain();
    const until = Date.now() + DELIVERY_TIMEOUT_MS;
    let stats;
    for (;;) {
      stats = (
        await db.query(
          `SELECT count(*)::int AS deliveries, count(*) FILTER (WHERE d.status = 'delivered')::int AS delivered,
             extract(epoch FROM max(d.delivered_at) - min(d.created_at)) AS "spanS",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - a.routed_at)) * 1000 AS "p50Ms",
             percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - a.routed_at)) * 1000 AS "p99Ms",
             (SELECT count(*)::int FROM webhook_attempts t JOIN webhook_deliveries x ON x.id = t.delivery_id WHERE x.subscription_id = $1) AS attempts
           FROM webhook_deliveries d JOIN applications a ON a.id = d.application_id WHERE d.subscription_id = $1`,
          [subscription],
        )
      ).rows[0];
      if (stats.deliveries >= accepted && stats.delivered === stats.deliveries) break;
      if (Date.now() > until) throw new Error(`webhooks: ${stats.delivered} of ${accepted} delivered after ${DELIVERY_TIMEOUT_MS / 1000} s`);
      await sleep(200);
    }
    const round = (n) => (n == null ? null : Math.round(Number(n)));
    return {
      connections,
      accepted,
      deliveries: stats.deliveries,
      attempts: stats.attempts,
      receivedRequests: received,
      distinctWebhookIds: ids.size,
      spanS: Number(Number(stats.spanS).toFixed(1)),
      deliveredPerS: round(stats.delivered / Number(stats.spanS)),
      routedToDeliveredMs: { p50: round(stats.p50Ms), p99: round(stats.p99Ms) },
    };
  } finally {
    await db.query(`UPDATE webhook_subscriptions SET status = 'disabled', disabled_reason = 'by_staff', disabled_at = now() WHERE id = $1`, [subscription]);
    server.close();
  }
}

module.exports = { webhookFanOut };
