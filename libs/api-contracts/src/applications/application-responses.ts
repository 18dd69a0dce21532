import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReceiptResponse {
  @ApiProperty({ example: '4827-3915-602', description: 'Give this with the access code to follow the application' })
  trackingNumber: string;
  @ApiProperty({ example: '52830174', description: 'Secret: shown once to the citizen, never stored in clear' })
  accessCode: string;
  @ApiProperty({ example: 'received' })
  status: string;
  @ApiProperty()
  submittedAt: string;
  @ApiProperty({ example: '/api/v1/applications/4827-3915-602/status' })
  statusUrl: string;
}

export class StatusHistoryEntry {
  @ApiProperty() at: string;
  @ApiPropertyOptional({ nullable: true }) status: string | null;
  @ApiProperty({ example: 'routed' }) event: string;
}

export class PublicMessage {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['to_citizen', 'from_citizen'] }) direction: 'to_citizen' | 'from_citizen';
  @ApiProperty({ example: 'answer' }) kind: string;
  @ApiProperty() body: string;
}

export class PublicStatusResponse {
  @ApiProperty({ example: '4827-3915-602' }) trackingNumber: string;
  @ApiProperty({ example: 'complaint' }) type: string;
  @ApiPropertyOptional({ nullable: true, example: 'Water and sewerage' }) topic: string | null;
  @ApiProperty({ example: 'routed' }) status: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ nullable: true, example: 'Istanbul Water and Sewerage Administration' }) agency: string | null;
  @ApiProperty({ type: [StatusHistoryEntry] }) history: StatusHistoryEntry[];
  @ApiProperty({ type: [PublicMessage], description: 'Questions, answers and the citizen’s replies; never internal notes or staff names' })
  messages: PublicMessage[];
  @ApiProperty({ example: 1, description: 'How many files the citizen attached; their names and contents are for staff only' })
  attachmentCount: number;
}
