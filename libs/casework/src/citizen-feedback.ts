import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, ENVIRONMENT, Environment, IllegalTransitionError } from '@petitio/platform';
import type { ApplicationStatus } from '@petitio/applications';
import { CitizenProof } from '@petitio/intake';
import { ApplicationChanges, ChangeContext } from './application-changes';
import { ApplicationDeadlines } from './application-deadlines';

export interface RatingRequest {
  score: number;
  comment?: string;
}

export interface FeedbackOutcome {
  status: ApplicationStatus;
  /** True when the citizen's feedback reopened the application for the agency to look at again. */
  appealOpened: boolean;
}

const DAY_MS = 24 * 3600 * 1000;
const RATEABLE: readonly ApplicationStatus[] = ['answered', 'closed'];
const APPEALABLE: readonly ApplicationStatus[] = ['answered', 'closed', 'rejected'];

/**
 * What a citizen says about how their application was handled: a rating once it is answered,
 * and an appeal against the answer or the rejection within the appeal window. A poor rating is
 * itself an appeal: the agency's supervisor finds the application reopened in their inbox.
 */
@Injectable()
export class CitizenFeedback {
  constructor(
    private readonly proof: CitizenProof,
    private readonly changes: ApplicationChanges,
    private readonly deadlines: ApplicationDeadlines,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async rate(trackingNumber: string, accessCode: string, client: string, rating: RatingRequest): Promise<FeedbackOutcome> {
    const { applicationId } = await this.proof.verify(trackingNumber, accessCode, client);
    return this.changes.change({ citizen: true }, applicationId, undefined, async (ctx) => {
      if (!RATEABLE.includes(ctx.app.status)) {
        throw new ConflictError('NOT_ANSWERED_YET');
      }
      const [row]: { rating: number | null }[] = await ctx.manager.query('SELECT rating FROM applications WHERE id = $1', [ctx.app.id]);
      if (row.rating !== null) throw new ConflictError('ALREADY_RATED');
      await this.changes.setColumns(ctx, { rating: rating.score, rating_comment: rating.comment ?? null });
      await this.changes.record(ctx, { kind: 'rated', data: { score: rating.score } });
      const poor = rating.score <= this.env.POOR_RATING_AT_MOST;
      if (poor) await this.reopen(ctx, 'poor_rating', rating.comment);
      return { status: ctx.app.status, appealOpened: poor };
    });
  }

  async appeal(trackingNumber: string, accessCode: string, client: string, text: string): Promise<FeedbackOutcome> {
    const { applicationId } = await this.proof.verify(trackingNumber, accessCode, client);
    return this.changes.change({ citizen: true }, applicationId, undefined, async (ctx) => {
      if (!APPEALABLE.includes(ctx.app.status)) throw new IllegalTransitionError(ctx.app.status, 'reopened');
      const decidedAt = await this.decisionTime(ctx);
      if (ctx.now.getTime() > decidedAt.getTime() + this.env.APPEAL_WINDOW_DAYS * DAY_MS) {
        throw new ConflictError('APPEAL_WINDOW_CLOSED', { args: { days: this.env.APPEAL_WINDOW_DAYS } });
      }
      await this.reopen(ctx, 'citizen_appeal', text);
      return { status: ctx.app.status, appealOpened: true };
    });
  }

  /** Back to the agency that decided, unassigned, so its supervisor picks who looks again. */
  private async reopen(ctx: ChangeContext, reason: 'poor_rating' | 'citizen_appeal', text: string | undefined): Promise<void> {
    if (text) {
      await ctx.manager.query(
        `INSERT INTO application_messages (application_id, direction, kind, channel, body, created_at)
         VALUES ($1, 'from_citizen', 'appeal', 'web', $2, $3)`,
        [ctx.app.id, text, ctx.now],
      );
    }
    await this.changes.record(ctx, { kind: 'appeal_opened', toStatus: 'reopened', data: { reason } });
    await this.changes.setColumns(ctx, { assigned_officer_id: null });
    ctx.app.assignedOfficerId = null;
    // The agency owes a new answer: a fresh answer clock starts now.
    await this.deadlines.onReopened(ctx);
  }

  /** When the decision appealed against was made: the answer, else the rejection, else the closing. */
  private async decisionTime(ctx: ChangeContext): Promise<Date> {
    if (ctx.app.status !== 'rejected' && ctx.app.answeredAt) return new Date(ctx.app.answeredAt);
    const rows: { occurred_at: Date }[] = await ctx.manager.query(
      `SELECT occurred_at FROM application_events WHERE application_id = $1 AND to_status = $2 ORDER BY id DESC LIMIT 1`,
      [ctx.app.id, ctx.app.status],
    );
    return new Date(rows[0]?.occurred_at ?? ctx.app.closedAt ?? ctx.app.createdAt);
  }
}
