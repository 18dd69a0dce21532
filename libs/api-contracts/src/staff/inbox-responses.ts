import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReceiptResponse } from '../applications/application-responses';

export class AgencyRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ISKI-KDK' }) code: string;
  @ApiProperty({ example: 'ISKI Kadikoy Branch' }) name: string;
}

export class StaffRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class InboxSlaResponse {
  @ApiProperty({
    enum: ['first_response', 'answer', 'information'],
    description: 'The governing open clock: the running one due first, or while all are paused the one with least time left',
  })
  kind: string;
  @ApiProperty({ enum: ['on_track', 'at_risk', 'breached'] }) state: string;
  @ApiProperty({ description: 'Negative once breached; in the unit of measure' }) minutesLeft: number;
  @ApiProperty({ enum: ['working_minutes', 'calendar_minutes'] }) measure: string;
  @ApiPropertyOptional({ nullable: true, description: 'Null while paused' }) deadline: string | null;
  @ApiProperty() paused: boolean;
  @ApiProperty({ description: 'Highest rung of the escalation ladder any open deadline reached; 0 before any' }) escalationLevel: number;
  @ApiProperty({ description: "In the center's supervision queue: an open deadline's ladder reached the center" }) centerEscalated: boolean;
}

export class InboxItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '4827-3915-602' }) trackingNumber: string;
  @ApiProperty({ example: 'complaint' }) type: string;
  @ApiPropertyOptional({ nullable: true, example: 'water' }) topic: string | null;
  @ApiProperty() subject: string;
  @ApiProperty({ example: 'routed' }) status: string;
  @ApiProperty({ example: 'web' }) channel: string;
  @ApiPropertyOptional({ type: AgencyRefResponse, nullable: true }) agency: AgencyRefResponse | null;
  @ApiPropertyOptional({ type: StaffRefResponse, nullable: true }) assignedOfficer: StaffRefResponse | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Send it back with a change so concurrent edits are caught' }) version: number;
  @ApiProperty() confidential: boolean;
  @ApiPropertyOptional({ type: InboxSlaResponse, nullable: true, description: 'Null when no deadline is open' }) sla: InboxSlaResponse | null;
}

export class InboxPageResponse {
  @ApiProperty({ type: [InboxItemResponse] }) items: InboxItemResponse[];
  @ApiPropertyOptional({ nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
}

export class LocationResponse {
  @ApiPropertyOptional({ nullable: true }) provinceCode: string | null;
  @ApiPropertyOptional({ nullable: true }) districtCode: string | null;
  @ApiPropertyOptional({ nullable: true }) latitude: number | null;
  @ApiPropertyOptional({ nullable: true }) longitude: number | null;
}

export class CitizenResponse {
  @ApiPropertyOptional({ nullable: true }) name: string | null;
  @ApiPropertyOptional({ nullable: true, example: '+905321234567' }) phone: string | null;
  @ApiPropertyOptional({ nullable: true }) email: string | null;
}

export class HistoryActorResponse {
  @ApiProperty({ enum: ['citizen', 'staff', 'system'] }) type: string;
  @ApiPropertyOptional({ nullable: true }) id: string | null;
  @ApiPropertyOptional({ nullable: true }) displayName: string | null;
}

export class HistoryLineResponse {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ example: 'routed' }) kind: string;
  @ApiProperty({ type: HistoryActorResponse }) actor: HistoryActorResponse;
  @ApiPropertyOptional({ nullable: true }) fromStatus: string | null;
  @ApiPropertyOptional({ nullable: true }) toStatus: string | null;
  @ApiPropertyOptional({ type: AgencyRefResponse, nullable: true }) fromAgency: AgencyRefResponse | null;
  @ApiPropertyOptional({ type: AgencyRefResponse, nullable: true }) toAgency: AgencyRefResponse | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class MessageLineResponse {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['to_citizen', 'from_citizen'] }) direction: string;
  @ApiProperty() kind: string;
  @ApiProperty() channel: string;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ type: StaffRefResponse, nullable: true }) author: StaffRefResponse | null;
}

export class EscalationLineResponse {
  @ApiProperty({ enum: ['warning', 'breach', 're_escalation'] }) stepKind: string;
  @ApiProperty() level: number;
  @ApiPropertyOptional({ nullable: true, description: 'Share of the time used for a warning; 1 for the breach' }) share: number | null;
  @ApiProperty() dueAt: string;
  @ApiProperty() firedAt: string;
}

export class DeadlineLineResponse {
  @ApiProperty({ enum: ['first_response', 'answer', 'information'] }) kind: string;
  @ApiPropertyOptional({ nullable: true, description: 'Null while paused' }) deadline: string | null;
  @ApiProperty({ enum: ['on_track', 'at_risk', 'breached'] }) state: string;
  @ApiProperty() paused: boolean;
  @ApiProperty() stopped: boolean;
  @ApiProperty() minutesLeft: number;
  @ApiProperty({ enum: ['working_minutes', 'calendar_minutes'] }) measure: string;
  @ApiProperty() deadlineVersion: number;
  @ApiProperty() escalationLevel: number;
  @ApiPropertyOptional({ nullable: true }) breachedAt: string | null;
  @ApiProperty() extended: boolean;
  @ApiProperty({ description: 'Staff may extend this deadline now (POST …/deadlines/:kind/extension)' }) extendable: boolean;
  @ApiPropertyOptional({ nullable: true }) extensionReason: string | null;
  @ApiProperty({ type: [EscalationLineResponse] }) escalations: EscalationLineResponse[];
}

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'receipt.pdf', description: "The citizen's file name, cleaned; for display only" }) name: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], description: 'As recognised from the content' }) type: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
}

export class RevealLineResponse {
  @ApiProperty() at: string;
  @ApiProperty({ type: StaffRefResponse }) staff: StaffRefResponse;
  @ApiProperty({ example: ['name', 'phone', 'text'], description: 'What was opened: name, phone, email, text (the unredacted subject and body)' })
  fields: string[];
  @ApiProperty() reason: string;
}

export class ApplicationDetailResponse extends InboxItemResponse {
  @ApiProperty({ description: 'Identifiers the citizen wrote are replaced by placeholders such as [PHONE], unless revealed' }) body: string;
  @ApiProperty({ example: '7F3K', description: 'What staff call the citizen until a reveal ("Citizen 7F3K")' }) pseudonym: string;
  @ApiProperty({ description: 'Redaction changed the subject or body; a reveal shows them as written' }) textRedacted: boolean;
  @ApiProperty({ description: 'You may reveal the identity and the text (POST ./reveal with a reason)' }) revealable: boolean;
  @ApiProperty({ description: 'This response is a reveal, recorded with its reason' }) revealed: boolean;
  @ApiProperty({
    type: [RevealLineResponse],
    description: 'Reveals of this application, newest first; for supervisors, center admins and the data-protection officer',
  })
  reveals: RevealLineResponse[];
  @ApiProperty({ example: 'tr' }) language: string;
  @ApiProperty({ type: LocationResponse }) location: LocationResponse;
  @ApiPropertyOptional({ type: StaffRefResponse, nullable: true, description: 'The call-center agent who filed it' }) filedBy: StaffRefResponse | null;
  @ApiPropertyOptional({ type: CitizenResponse, nullable: true, description: 'Null unless revealed' }) citizen: CitizenResponse | null;
  @ApiProperty({ description: 'A confidential filing whose identity you can never reveal' }) identityHidden: boolean;
  @ApiProperty() transferCount: number;
  @ApiPropertyOptional({ nullable: true }) duplicateOfId: string | null;
  @ApiPropertyOptional({ nullable: true }) rating: number | null;
  @ApiPropertyOptional({ nullable: true }) ratingComment: string | null;
  @ApiPropertyOptional({ nullable: true }) routedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) answeredAt: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: string | null;
  @ApiProperty({ type: [HistoryLineResponse] }) history: HistoryLineResponse[];
  @ApiProperty({ type: [MessageLineResponse] }) messages: MessageLineResponse[];
  @ApiProperty({ type: [DeadlineLineResponse], description: 'Every SLA clock, running, paused or stopped, oldest first' }) deadlines: DeadlineLineResponse[];
  @ApiProperty({ type: [AttachmentResponse], description: "The citizen's files; download each at ./attachments/{id}" }) attachments: AttachmentResponse[];
}

export class AgentReceiptResponse extends ReceiptResponse {
  @ApiProperty({ format: 'uuid', description: 'Opens the application in the staff console' }) applicationId: string;
}

export class CallerApplicationResponse {
  @ApiProperty({ example: '4827-3915-602' }) trackingNumber: string;
  @ApiProperty({ example: 'complaint' }) type: string;
  @ApiPropertyOptional({ nullable: true, example: 'water' }) topic: string | null;
  @ApiProperty({ example: 'routed' }) status: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, example: 'ISKI Kadikoy Branch' }) agency: string | null;
}

export class CallerApplicationsResponse {
  @ApiProperty({ type: [CallerApplicationResponse], description: 'Newest first, at most 20' }) items: CallerApplicationResponse[];
}
