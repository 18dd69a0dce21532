import type { ApplicationStatus } from '@petitio/applications';

/** What a staff action answers with: enough for the console to carry on without reloading. */
export interface DispositionOutcome {
  id: string;
  status: ApplicationStatus;
  version: number;
}
