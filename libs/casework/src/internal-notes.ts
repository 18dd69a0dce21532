import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@petitio/staff';
import { ApplicationChanges } from './application-changes';
import { CaseState, caseState } from './case-state';
import { requiredText } from './required-text';

export const NOTE_MAX = 5000;
/** History kind of a note. Not in the public event kinds: the citizen never sees it. */
export const INTERNAL_NOTE_KIND = 'internal_note';

/** Notes staff leave on an application for each other: a line in its history, never shown to the citizen. */
@Injectable()
export class InternalNotes {
  constructor(private readonly changes: ApplicationChanges) {}

  add(principal: StaffPrincipal, applicationId: string, version: number, text: string): Promise<CaseState> {
    const note = requiredText('text', text, NOTE_MAX);
    return this.changes.change({ staff: principal }, applicationId, version, async (ctx) => {
      await this.changes.record(ctx, { kind: INTERNAL_NOTE_KIND, data: { text: note } });
      return caseState(ctx);
    });
  }
}
