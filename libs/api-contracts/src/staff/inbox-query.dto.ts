import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_STATUSES, ApplicationStatus, CHANNELS, Channel, OPEN_STATUSES } from '@petitio/applications';
import { InboxAnswered, InboxDue, InboxFigureFilter, InboxQuery, InboxSortField, SortOrder } from '@petitio/inbox';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import { says } from '../field-sentence';
import { DATE_ONLY, IsLocalDay } from './local-day';

const SORT_FIELDS: InboxSortField[] = ['createdAt', 'updatedAt'];
const ORDERS: SortOrder[] = ['asc', 'desc'];
const DUE: InboxDue[] = ['overdue', 'soon', 'today'];
const ESCALATED = ['center'];
/** `open` stands for every open status, as the dashboard counts open applications. */
const STATUS_CHOICES = [...APPLICATION_STATUSES, 'open'] as const;
const ANSWERED: InboxAnswered[] = ['yes', 'no', 'late', 'within'];
export const INBOX_LIMIT_DEFAULT = 25;
/** A date (a whole UTC day) or a date-time with its offset: a bare local time would depend on the server's zone. */
const ISO_DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** A date-time with its offset: the instant a copy was last brought up to date. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 24 * 3600 * 1000;

// Query strings carry text only: these turn `status=a,b` / `status=a&status=b`, `true` and `25` into values.
// Anything else passes through unchanged for the validators to refuse.
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value) ? ([] as unknown[]).concat(value).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])) : value;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

// The drill-down filters' rules, one decorator per kind of value. Listed as they would be stacked: the last runs first.
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());
const AgencyCode = (example: string, description: string) => stacked(ApiPropertyOptional({ example, description }), IsOptional(), MaxLength(64), IsString());
const Flag = (description: string) => stacked(ApiPropertyOptional({ type: Boolean, description }), IsOptional(), IsBoolean(), Transform(toBoolean));
/** A local calendar day in CALENDAR_TIME_ZONE, as the dashboard's period is given. */
const LocalDay = (description: string) => stacked(ApiPropertyOptional({ example: '2025-03-01', description }), IsOptional(), IsLocalDay());
const WholeNumber = (min: number, max: number, sentence: 'whole_number_between' | 'whole_days_between', description: string) => {
  const words = says(sentence, { min, max });
  return stacked(
    ApiPropertyOptional({ minimum: min, maximum: max, description }),
    IsOptional(),
    Max(max, words),
    Min(min, words),
    IsInt(words),
    Transform(toInteger),
  );
};

/**
 * The end of a range given with its start must not come before it (`notBefore`): a reversed range is a mistake to
 * say, not an empty list to show. Compares dates as text (YYYY-MM-DD sorts as it runs) and numbers as numbers.
 */
function NotBefore(start: string): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName: property as string,
      constraints: [start],
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const from = (args.object as Record<string, unknown>)[start];
          if (value === undefined || value === null || from === undefined || from === null) return true;
          return typeof value === 'number' && typeof from === 'number' ? value >= from : String(value) >= String(from);
        },
      },
    });
}

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: STATUS_CHOICES, isArray: true, description: 'One or more, repeated or comma-separated; open: every open status' })
  @IsOptional()
  @IsIn(STATUS_CHOICES, { each: true })
  @ArrayMaxSize(STATUS_CHOICES.length)
  @IsArray()
  @Transform(toList)
  status?: (ApplicationStatus | 'open')[];

  @ApiPropertyOptional({ enum: APPLICATION_TYPES })
  @IsOptional()
  @IsIn(APPLICATION_TYPES)
  type?: string;

  @ApiPropertyOptional({ example: 'water', description: 'Topic code' })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  topic?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ type: Boolean, description: 'Only applications assigned to me' })
  @IsOptional()
  @IsBoolean()
  @Transform(toBoolean)
  assignedToMe?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only applications no officer is assigned to' })
  @IsOptional()
  @IsBoolean()
  @Transform(toBoolean)
  unassigned?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Applications assigned to exactly this agency, within your reach' })
  @IsOptional()
  @IsUUID('all')
  agencyId?: string;

  @ApiPropertyOptional({ example: '2025-03-01', description: 'Submitted on or after: a date (UTC day) or a date-time with offset' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ISO_DATE_OR_INSTANT, says('date_or_date_time', { date: '2025-03-01', dateTime: '2025-03-01T09:00:00+03:00' }))
  @IsString()
  submittedFrom?: string;

  @ApiPropertyOptional({ example: '2025-03-31', description: 'Submitted on or before: a date (the whole UTC day) or a date-time with offset' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ISO_DATE_OR_INSTANT, says('date_or_date_time', { date: '2025-03-31', dateTime: '2025-03-31T18:00:00+03:00' }))
  @IsString()
  submittedTo?: string;

  @ApiPropertyOptional({
    example: '2025-03-01T09:00:00+03:00',
    description:
      'Changed at or after this date-time (with offset). With sort=updatedAt&order=asc and the cursor, a case system keeps its copy current; ask again from a minute before the last change you saw, since changes commit in parallel.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ISO_INSTANT, says('date_time_offset', { example: '2025-03-01T09:00:00+03:00' }))
  @IsString()
  updatedSince?: string;

  @ApiPropertyOptional({ example: 'su kesintisi', description: 'Words in the subject or body (web-search syntax: "quotes", or, -word)' })
  @IsOptional()
  @Matches(/[\p{L}\p{N}]/u, says('search_words'))
  @MaxLength(200)
  @IsString()
  q?: string;

  @ApiPropertyOptional({
    enum: DUE,
    description:
      'By the earliest running deadline. overdue: it has passed; soon: it falls due within SLA_DUE_SOON_HOURS (24 by default); today: it falls due later today (local day)',
  })
  @IsOptional()
  @IsIn(DUE)
  due?: InboxDue;

  @ApiPropertyOptional({ enum: ESCALATED, description: "center: the center's supervision queue, deadlines escalated to the center" })
  @IsOptional()
  @IsIn(ESCALATED)
  escalated?: 'center';

  @AgencyCode('ISKI', "That agency and every agency under it (the dashboard's agency filter)")
  agency?: string;

  @AgencyCode('ISKI-KDK', 'Applications assigned to exactly this agency')
  assignedAgency?: string;

  @Flag('Only applications assigned to no agency')
  noAgency?: boolean;

  @Flag('Only applications without a topic')
  noTopic?: boolean;

  @LocalDay("Received on or after this local day (CALENDAR_TIME_ZONE), as the dashboard's period")
  receivedFrom?: string;

  @NotBefore('receivedFrom')
  @LocalDay('Received on or before this local day (CALENDAR_TIME_ZONE), that day included')
  receivedTo?: string;

  @ApiPropertyOptional({ enum: ANSWERED, description: 'yes: answered; no: not yet; late: answered after an answer deadline passed; within: answered in time' })
  @IsOptional()
  @IsIn(ANSWERED)
  answered?: InboxAnswered;

  @LocalDay('Answered on or after this local day (CALENDAR_TIME_ZONE)')
  answeredFrom?: string;

  @NotBefore('answeredFrom')
  @LocalDay('Answered on or before this local day (CALENDAR_TIME_ZONE), that day included')
  answeredTo?: string;

  @WholeNumber(0, 100_000, 'whole_days_between', 'Received at least this many whole days ago (rounded down, as the aging buckets count)')
  ageMin?: number;

  @NotBefore('ageMin')
  @WholeNumber(0, 100_000, 'whole_days_between', 'Received at most this many whole days ago (rounded down, as the aging buckets count)')
  ageMax?: number;

  @WholeNumber(0, 1000, 'whole_number_between', 'Transferred between agencies at least this many times')
  transfersMin?: number;

  @Flag('true: rated by the citizen; false: not rated')
  rated?: boolean;

  @WholeNumber(1, 5, 'whole_number_between', "The citizen's rating, in stars")
  rating?: number;

  @Flag('true: a first response was given; false: not yet')
  firstResponded?: boolean;

  @ApiPropertyOptional({ enum: SORT_FIELDS, default: 'createdAt' })
  @IsOptional()
  @IsIn(SORT_FIELDS)
  sort?: InboxSortField;

  @ApiPropertyOptional({ enum: ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(ORDERS)
  order?: SortOrder;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @MaxLength(512)
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: INBOX_LIMIT_DEFAULT })
  @IsOptional()
  @Max(100)
  @Min(1)
  @IsInt()
  @Transform(toInteger)
  limit?: number;
}

/** The domain's query from the validated parameters; dates become instants (a date-only `to` covers its whole day). */
export function inboxQueryOf(dto: InboxQueryDto): InboxQuery {
  return {
    statuses: dto.status && [...new Set(dto.status.flatMap((s) => (s === 'open' ? OPEN_STATUSES : [s])))],
    type: dto.type,
    topicCode: dto.topic,
    channel: dto.channel,
    assignedToMe: dto.assignedToMe,
    unassigned: dto.unassigned,
    agencyId: dto.agencyId,
    submittedFrom: dto.submittedFrom ? instant(dto.submittedFrom) : undefined,
    submittedBefore: dto.submittedTo ? new Date(instant(dto.submittedTo).getTime() + (DATE_ONLY.test(dto.submittedTo) ? DAY_MS : 1)) : undefined,
    updatedSince: dto.updatedSince ? new Date(dto.updatedSince) : undefined,
    text: dto.q?.trim(),
    figure: figureFilterOf(dto),
    due: dto.due,
    centerEscalated: dto.escalated === 'center',
    sort: dto.sort ?? 'createdAt',
    order: dto.order ?? 'desc',
    cursor: dto.cursor,
    limit: dto.limit ?? INBOX_LIMIT_DEFAULT,
  };
}

/** The drill-down filters given, or undefined when none is. */
function figureFilterOf(dto: InboxQueryDto): InboxFigureFilter | undefined {
  const filter: InboxFigureFilter = {
    agencySubtree: dto.agency,
    assignedAgency: dto.assignedAgency,
    noAgency: dto.noAgency,
    noTopic: dto.noTopic,
    receivedFrom: dto.receivedFrom,
    receivedTo: dto.receivedTo,
    answered: dto.answered,
    answeredFrom: dto.answeredFrom,
    answeredTo: dto.answeredTo,
    ageMin: dto.ageMin,
    ageMax: dto.ageMax,
    transfersMin: dto.transfersMin,
    rated: dto.rated,
    rating: dto.rating,
    firstResponded: dto.firstResponded,
  };
  return Object.values(filter).some((value) => value !== undefined) ? filter : undefined;
}

function instant(value: string): Date {
  return new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
}
