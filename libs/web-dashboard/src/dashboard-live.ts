import { createHash } from 'node:crypto';

/** What the dashboard page's script does: follow the live stream and rewrite the headline figures in place. */
export const DASHBOARD_SCRIPT = `(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || !window.EventSource) return;
  var status = document.getElementById('live-status');
  var source = new EventSource(live.getAttribute('data-events'));
  source.addEventListener('headline', function (event) {
    var data = JSON.parse(event.data);
    Object.keys(data.headline).forEach(function (key) {
      var cell = live.querySelector('[data-figure="' + key + '"]');
      if (cell) cell.textContent = String(data.headline[key]);
    });
    if (status) status.textContent = status.getAttribute('data-template').replace('{time}', new Date(data.at).toLocaleTimeString(document.documentElement.lang));
    live.setAttribute('data-updated', data.at);
  });
})();
`;

export const DASHBOARD_SCRIPT_VERSION = createHash('sha256').update(DASHBOARD_SCRIPT).digest('hex').slice(0, 12);
/** Versioned by content, so that it can be cached for ever. */
export const DASHBOARD_SCRIPT_PATH = `/staff/assets/dashboard.js?v=${DASHBOARD_SCRIPT_VERSION}`;
