/** The kinds of application the law distinguishes; each carries its own legal deadline later. */
export const APPLICATION_TYPES = ['petition', 'complaint', 'request', 'information_request', 'suggestion'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];
