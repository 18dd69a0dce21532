import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { assertTransition } from '@petitio/applications';
import { ApplicationChanges } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';
import { CannedResponses } from './canned-responses';
import { CaseState, caseState } from './case-state';
import { CitizenNotices } from './citizen-notices';
import { DuplicateMerges } from './disposition-duplicates';
import { requiredText } from './required-text';

export const QUESTION_MAX = 5000;
export const ANSWER_MAX = 10_000;

/** The final reply: free text, or one of the agency's canned responses with the placeholders the officer fills. */
export type AnswerInput = { text: string } | { cannedResponseId: string; placeholders?: Record<string, string> };

/**
 * What staff write to the citizen about an application: a question that waits for the citizen's
 * reply, and the answer that ends the government's part. Both join the conversation the citizen
 * sees on the status page and go out on the citizen's channel.
 */
@Injectable()
export class Correspondence {
  constructor(
    private readonly changes: ApplicationChanges,
    private readonly notices: CitizenNotices,
    private readonly cannedResponses: CannedResponses,
    private readonly duplicates: DuplicateMerges,
    private readonly deadlines: ApplicationDeadlines,
  ) {}

  /** Asks the citizen for something the application lacks; the application waits for them (awaiting_citizen). */
  requestInformation(principal: StaffPrincipal, applicationId: string, version: number, question: string): Promise<CaseState> {
    const body = requiredText('question', question, QUESTION_MAX);
    return this.changes.change({ staff: principal }, applicationId, version, async (ctx) => {
      await this.changes.record(ctx, { kind: 'information_requested', toStatus: 'awaiting_citizen' });
      await this.deadlines.onAwaitingCitizen(ctx);
      await this.notices.send(ctx, { template: 'information_requested', kind: 'information_request', body, authorStaffId: principal.userId });
      return caseState(ctx);
    });
  }

  /** Sends the final answer: the application is answered and the citizen told. */
  answer(principal: StaffPrincipal, applicationId: string, version: number, input: AnswerInput): Promise<CaseState> {
    const ownWords = 'text' in input ? requiredText('text', input.text, ANSWER_MAX) : null;
    return this.changes.change({ staff: principal }, applicationId, version, async (ctx) => {
      // The status first: an answer to an application that cannot be answered is refused as such, whatever its text.
      assertTransition(ctx.app.status, 'answered');
      const body =
        'cannedResponseId' in input ? await this.cannedResponses.compose(ctx, principal, input.cannedResponseId, input.placeholders) : (ownWords as string);
      if (body.length > ANSWER_MAX) {
        throw new InvalidInputError([{ field: 'placeholders', code: 'too_long', args: { max: ANSWER_MAX } }]);
      }
      const canned = 'cannedResponseId' in input ? { cannedResponseId: input.cannedResponseId } : {};
      await this.changes.record(ctx, { kind: 'answered', toStatus: 'answered', data: canned });
      await this.changes.setColumns(ctx, { answered_at: ctx.now });
      await this.deadlines.onConcluded(ctx);
      await this.notices.send(ctx, { template: 'application_answered', kind: 'answer', body, authorStaffId: principal.userId });
      // Everyone whose application was merged into this one as a duplicate gets the same answer.
      await this.duplicates.notifyDuplicatesOfAnswer(ctx, { body, authorStaffId: principal.userId });
      return caseState(ctx);
    });
  }
}
