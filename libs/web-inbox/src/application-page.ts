import { Inject, Injectable } from '@nestjs/common';
import { ApplicationDetail, ApplicationDetailService, RevealRequest } from '@petitio/inbox';
import { CannedResponses, ReasonCodes, ReasonKind } from '@petitio/casework';
import { DirectoryService, localise } from '@petitio/directory';
import {
  ConflictError,
  ENVIRONMENT,
  Environment,
  ForbiddenError,
  IllegalTransitionError,
  InvalidInputError,
  NotFoundError,
  StaleVersionError,
  isUuid,
} from '@petitio/platform';
import { StaffPrincipal, StaffUsersService, hasRole } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, formText, validateAs } from '@petitio/web-kit';
import { RevealDto } from '@petitio/api-contracts';
import { FieldErrors } from '@petitio/web-kit';
import { ConsoleCsrf } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { sendConsolePage, seeOther } from '@petitio/web-console';
import { ConsoleLanguage, consoleFieldError, consoleTexts } from '@petitio/web-console';
import { ActionChoices, ApplicationPageModel, Choice, ConsoleAction, FormKey, mayAct } from '@petitio/web-console';
import { applicationPage } from './views/application.view';

type PageExtra = Partial<Pick<ApplicationPageModel, 'done' | 'refused' | 'errors' | 'values'>> & { cannedResponseId?: string; reveal?: RevealRequest };

/**
 * The application page and what every console action shares: perform it with the JSON API's DTO and service,
 * then 303 back to the page with a confirmation, or show the page again with the refusal next to the form.
 */
@Injectable()
export class ConsoleApplicationPage {
  constructor(
    private readonly details: ApplicationDetailService,
    private readonly staffUsers: StaffUsersService,
    private readonly directory: DirectoryService,
    private readonly reasons: ReasonCodes,
    private readonly cannedResponses: CannedResponses,
    private readonly csrf: ConsoleCsrf,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async act(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffPrincipal,
    id: string,
    form: FormKey,
    values: Record<string, string>,
    perform: () => Promise<void>,
  ): Promise<void> {
    const language = consoleLanguage(request);
    const t = consoleTexts(language);
    const action = (form.startsWith('extend-') ? 'extend' : form) as ConsoleAction;
    try {
      await perform();
      // A transferred application has usually left the officer's reach: they go back to their inbox.
      return seeOther(reply, action === 'transfer' ? '/staff/inbox?done=transfer' : `/staff/applications/${applicationId(id)}?done=${action}`);
    } catch (error) {
      const refusal = (status: number, text: string, errors: FieldErrors = {}) =>
        this.render(reply, status, language, staff, applicationId(id), { errors, values, refused: text ? { form, text } : undefined });
      if (error instanceof InvalidInputError) {
        const errors: FieldErrors = {};
        let stale = false;
        for (const p of error.problems) {
          if (p.field === 'version') stale = true;
          else errors[`${form}-${p.field.split('.')[0]}`] ??= consoleFieldError(language, p);
        }
        return refusal(400, stale ? t.refused.STALE_VERSION : '', errors);
      }
      if (error instanceof StaleVersionError || error instanceof IllegalTransitionError || error instanceof ConflictError) {
        return refusal(409, t.refused[error.code] ?? t.refused.default);
      }
      // A deadline that does not run, or an officer's agency the domain refuses: said next to the form, not as a bare error page.
      if (error instanceof NotFoundError && error.code !== 'APPLICATION_NOT_FOUND') return refusal(404, t.refused[error.code] ?? t.refused.default);
      if (error instanceof ForbiddenError) return refusal(403, t.errors.forbidden);
      throw error;
    }
  }

  async render(reply: FastifyReply, status: number, language: ConsoleLanguage, staff: StaffPrincipal, id: string, extra: PageExtra): Promise<void> {
    const application = await this.details.find(staff, id, language, extra.reveal);
    const viewer = { userId: staff.userId, roles: staff.roles };
    const base = { application, viewer, csrf: this.csrf.tokenFor(staff.sessionId), timeZone: this.env.CALENDAR_TIME_ZONE, errors: {}, values: {} };
    const model: ApplicationPageModel = { ...base, choices: await this.choices(staff, { ...base, choices: NO_CHOICES }, language), ...extra };
    if (extra.cannedResponseId !== undefined) {
      model.values = { ...model.values, 'canned-response': extra.cannedResponseId };
      try {
        model.draft = await this.draft(staff, application, extra.cannedResponseId);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        status = 400;
        model.errors = { ...model.errors, 'canned-response': consoleFieldError(language, error.problems[0]) };
      }
    }
    sendConsolePage(reply, status, applicationPage(language, model));
  }

  /**
   * A reveal is shown on the page that answers the POST, never redirected to: the identity is on no URL, in no history
   * entry, and a reload shows the pseudonymised page again.
   */
  async reveal(request: FastifyRequest, reply: FastifyReply, staff: StaffPrincipal, id: string, reason: string): Promise<void> {
    const language = consoleLanguage(request);
    const { dto, problems } = await validateAs(RevealDto, { reason });
    if (problems.length) {
      const errors = { 'reveal-reason': consoleFieldError(language, problems[0]) };
      return this.render(reply, 400, language, staff, applicationId(id), { errors, values: { 'reveal-reason': reason } });
    }
    reply.header('cache-control', 'no-store');
    return this.render(reply, 200, language, staff, applicationId(id), { reveal: { reason: dto.reason.trim() } });
  }

  private draft(staff: StaffPrincipal, a: ApplicationDetail, cannedResponseId: string): Promise<string> {
    if (!isUuid(cannedResponseId)) {
      throw new InvalidInputError([{ field: 'cannedResponseId', code: 'unknown' }]);
    }
    const app = {
      assignedAgencyId: a.agency?.id ?? null,
      trackingNumber: a.trackingNumber,
      confidential: a.confidential,
      citizenName: a.citizen?.name ?? null,
      language: a.language,
    };
    return this.cannedResponses.draft(staff, app, cannedResponseId);
  }

  /** Only what the forms the viewer will see need. */
  private async choices(staff: StaffPrincipal, m: ApplicationPageModel, language: ConsoleLanguage): Promise<ActionChoices> {
    const agencyId = m.application.agency?.id;
    const ownOrCenter = agencyId !== undefined && (agencyId === staff.agencyId || hasRole(staff, 'center_admin'));
    const [officers, agencies, transferReasons, rejectionReasons, cannedResponses] = await Promise.all([
      mayAct(m, 'assign') && agencyId ? this.onDutyOfficers(agencyId) : [],
      mayAct(m, 'transfer') ? this.directory.activeAgencies(language).then((list) => list.map((g) => ({ value: g.id, label: g.name }))) : [],
      mayAct(m, 'transfer') ? this.reasonChoices('transfer', language) : [],
      mayAct(m, 'reject') ? this.reasonChoices('rejection', language) : [],
      mayAct(m, 'answer') && ownOrCenter
        ? this.cannedResponses.list(staff, { agencyId }).then((list) => list.map((c) => ({ value: c.id, label: `${c.title} (${c.language})` })))
        : [],
    ]);
    return { officers, agencies, transferReasons, rejectionReasons, cannedResponses };
  }

  /** The agency's active officers and supervisors on duty: whom an application may be handed to now. */
  private async onDutyOfficers(agencyId: string): Promise<Choice[]> {
    const users = await this.staffUsers.list(agencyId);
    return users
      .filter((u) => u.status === 'active' && u.onDuty && u.roles.some((r) => r === 'officer' || r === 'supervisor'))
      .map((u) => ({ value: u.id, label: u.displayName }));
  }

  private async reasonChoices(kind: ReasonKind, language: ConsoleLanguage): Promise<Choice[]> {
    return (await this.reasons.list(kind)).filter((r) => r.active).map((r) => ({ value: r.code, label: localise(r.names, language) }));
  }
}

const NO_CHOICES: ActionChoices = { officers: [], agencies: [], transferReasons: [], rejectionReasons: [], cannedResponses: [] };

/** An id that is no UUID names no application: the same 404 as one out of reach. */
export function applicationId(id: string): string {
  if (!isUuid(id)) throw new NotFoundError('APPLICATION_NOT_FOUND');
  return id;
}

/** The version the user saw, as the JSON API reads it: a number, else what was sent so the DTO says what is wrong. */
export function versionIn(body: FormBody): unknown {
  const version = formText(body, 'version');
  return /^\d{1,9}$/.test(version) ? Number(version) : version || undefined;
}

/** A form field the JSON DTO treats as optional: absent when left empty. */
export function optionalText(body: FormBody, name: string): string | undefined {
  return formText(body, name) || undefined;
}

export async function valid<T>(metatype: new () => T, value: object): Promise<T> {
  const { dto, problems } = await validateAs(metatype, value);
  if (problems.length) throw new InvalidInputError(problems);
  return dto;
}
