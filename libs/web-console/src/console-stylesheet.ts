import { createHash } from 'node:crypto';
import { PORTAL_CSS } from '@petitio/web-kit';

/** The portal's stylesheet plus what the console adds: a wider page, tables, SLA badges, the sign-out button. */
export const CONSOLE_CSS = `${PORTAL_CSS}body.console main{max-width:72rem}
input[type=password],input[type=search]{display:block;width:100%;min-height:44px;padding:.5rem .6rem;font:inherit;color:inherit;background:#fff;border:2px solid #555;border-radius:.25rem}
header form{margin:0}
header button{width:auto;margin:0;min-height:44px;background:transparent;border:2px solid #fff;font-size:1rem}
.console nav.main a{display:inline-flex;align-items:center;min-height:44px;padding:0 .6rem}
header .who{display:flex;align-items:center;gap:.5rem;flex-wrap:wrap}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:start;font-weight:600;padding:.25rem 0}
th,td{text-align:start;vertical-align:top;padding:.5rem;border-bottom:1px solid #bbb}
thead th{border-bottom:2px solid #555}
td a{display:inline-block;min-height:44px;padding:.5rem 0}
.sla{display:inline-block;padding:.1rem .5rem;border:2px solid currentColor;border-radius:.25rem;font-weight:600;background:#fff}
.sla-on_track{color:#0b6e2e}
.sla-at_risk{color:#7a4200}
.sla-breached{color:#b00020}
.sla-paused,.sla-none{color:#4a4a4a}
.filters{display:grid;gap:0 1rem;border:1px solid #bbb;border-radius:.375rem;padding:0 1rem 1rem}
.filters .field{margin:.75rem 0 0}
.filters legend{padding:0 .25rem}
.paging{display:flex;gap:1rem}
.paging a{display:inline-flex;align-items:center;min-height:44px}
.actions section{border-top:1px solid #bbb;margin-top:1.5rem}
.body{white-space:pre-wrap;border:1px solid #bbb;border-radius:.375rem;padding:.5rem 1rem}
.note-text{white-space:pre-wrap}
@media (min-width:48rem){.filters{grid-template-columns:1fr 1fr}}
.chart{display:block;border-bottom:2px solid #555;margin:1rem 0 .25rem}
.key{display:inline-block;width:1rem;height:1rem;vertical-align:middle;border:1px solid #555}
.key-received{background:#1d4ed8}
.key-answered{background:#0b6e2e}
input[type=date]{display:block;min-height:44px;padding:.5rem .6rem;font:inherit;color:inherit;background:#fff;border:2px solid #555;border-radius:.25rem}
`;

export const CONSOLE_CSS_VERSION = createHash('sha256').update(CONSOLE_CSS).digest('hex').slice(0, 12);
export const CONSOLE_CSS_PATH = `/staff/assets/console.css?v=${CONSOLE_CSS_VERSION}`;
