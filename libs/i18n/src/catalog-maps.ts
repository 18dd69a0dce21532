import type { OpenMaps } from './catalog-typegen';

/** The catalog objects read by a key known only at run time (see `OpenMaps`), by namespace. */
export const OPEN_MAPS: OpenMaps = {
  api: ['problems', 'fields'],
  portal: ['status.messageKinds', 'status.events', 'status.refused', 'fieldErrors'],
  console: ['users.statuses', 'users.roles', 'types', 'channels', 'messageKinds', 'historyKinds', 'refused', 'fieldErrors'],
  'directory-admin': ['kinds', 'refusals', 'fieldErrors'],
  'routing-admin': ['fieldErrors'],
  integrations: ['fieldErrors', 'webhooks.disabledBy', 'webhooks.deliveryStatus', 'apiClients.kinds'],
};
