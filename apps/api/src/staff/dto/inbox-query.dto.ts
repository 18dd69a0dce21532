import { ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_STATUSES, ApplicationStatus, CHANNELS, Channel, InboxDue, InboxQuery, InboxSortField, SortOrder } from '@petitio/applications';
import { APPLICATION_TYPES } from '@petitio/catalogue';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const SORT_FIELDS: InboxSortField[] = ['createdAt', 'updatedAt'];
const ORDERS: SortOrder[] = ['asc', 'desc'];
const DUE: InboxDue[] = ['overdue', 'soon'];
const ESCALATED = ['center'];
export const INBOX_LIMIT_DEFAULT = 25;
/** A date (a whole UTC day) or a date-time with its offset: a bare local time would depend on the server's zone. */
const ISO_DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 3600 * 1000;

// Query strings carry text only: these turn `status=a,b` / `status=a&status=b`, `true` and `25` into values.
// Anything else passes through unchanged for the validators to refuse.
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value) ? ([] as unknown[]).concat(value).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])) : value;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, isArray: true, description: 'One or more, repeated or comma-separated' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { each: true, message: `status must be one of: ${APPLICATION_STATUSES.join(', ')}` })
  @ArrayMaxSize(APPLICATION_STATUSES.length)
  @IsArray()
  @Transform(toList)
  status?: ApplicationStatus[];

  @ApiPropertyOptional({ enum: APPLICATION_TYPES })
  @IsOptional()
  @IsIn(APPLICATION_TYPES, { message: `type must be one of: ${APPLICATION_TYPES.join(', ')}` })
  type?: string;

  @ApiPropertyOptional({ example: 'water', description: 'Topic code' })
  @IsOptional()
  @MaxLength(64)
  @IsString()
  topic?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of: ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ type: Boolean, description: 'Only applications assigned to me' })
  @IsOptional()
  @IsBoolean({ message: 'assignedToMe must be true or false' })
  @Transform(toBoolean)
  assignedToMe?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only applications no officer is assigned to' })
  @IsOptional()
  @IsBoolean({ message: 'unassigned must be true or false' })
  @Transform(toBoolean)
  unassigned?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Applications assigned to exactly this agency, within your reach' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be an agency id' })
  agencyId?: string;

  @ApiPropertyOptional({ example: '2025-03-01', description: 'Submitted on or after: a date (UTC day) or a date-time with offset' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'submittedFrom must be a real date or date-time' })
  @Matches(ISO_DATE_OR_INSTANT, { message: 'submittedFrom must be a date (2025-03-01) or a date-time with offset (2025-03-01T09:00:00+03:00)' })
  @IsString()
  submittedFrom?: string;

  @ApiPropertyOptional({ example: '2025-03-31', description: 'Submitted on or before: a date (the whole UTC day) or a date-time with offset' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'submittedTo must be a real date or date-time' })
  @Matches(ISO_DATE_OR_INSTANT, { message: 'submittedTo must be a date (2025-03-31) or a date-time with offset (2025-03-31T18:00:00+03:00)' })
  @IsString()
  submittedTo?: string;

  @ApiPropertyOptional({ example: 'su kesintisi', description: 'Words in the subject or body (web-search syntax: "quotes", or, -word)' })
  @IsOptional()
  @Matches(/[\p{L}\p{N}]/u, { message: 'q must contain a word to search for' })
  @MaxLength(200)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: DUE, description: 'overdue: a running deadline has passed; soon: one falls due within SLA_DUE_SOON_HOURS (24 by default)' })
  @IsOptional()
  @IsIn(DUE, { message: `due must be one of: ${DUE.join(', ')}` })
  due?: InboxDue;

  @ApiPropertyOptional({ enum: ESCALATED, description: "center: the center's supervision queue, deadlines escalated to the center" })
  @IsOptional()
  @IsIn(ESCALATED, { message: `escalated must be one of: ${ESCALATED.join(', ')}` })
  escalated?: 'center';

  @ApiPropertyOptional({ enum: SORT_FIELDS, default: 'createdAt' })
  @IsOptional()
  @IsIn(SORT_FIELDS, { message: `sort must be one of: ${SORT_FIELDS.join(', ')}` })
  sort?: InboxSortField;

  @ApiPropertyOptional({ enum: ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(ORDERS, { message: 'order must be asc or desc' })
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
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Transform(toInteger)
  limit?: number;
}

/** The domain's query from the validated parameters; dates become instants (a date-only `to` covers its whole day). */
export function inboxQueryOf(dto: InboxQueryDto): InboxQuery {
  return {
    statuses: dto.status,
    type: dto.type,
    topicCode: dto.topic,
    channel: dto.channel,
    assignedToMe: dto.assignedToMe,
    unassigned: dto.unassigned,
    agencyId: dto.agencyId,
    submittedFrom: dto.submittedFrom ? instant(dto.submittedFrom) : undefined,
    submittedBefore: dto.submittedTo
      ? new Date(instant(dto.submittedTo).getTime() + (DATE_ONLY.test(dto.submittedTo) ? DAY_MS : 1))
      : undefined,
    text: dto.q?.trim(),
    due: dto.due,
    centerEscalated: dto.escalated === 'center',
    sort: dto.sort ?? 'createdAt',
    order: dto.order ?? 'desc',
    cursor: dto.cursor,
    limit: dto.limit ?? INBOX_LIMIT_DEFAULT,
  };
}

function instant(value: string): Date {
  return new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
}
