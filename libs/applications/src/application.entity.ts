import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { ApplicationStatus } from './application-status';

export const CHANNELS = ['web', 'sms', 'voice', 'agent', 'email', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A citizen's application — the ticket that is routed, answered and tracked against its deadline. */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text', { name: 'tracking_number' }) trackingNumber: string;
  @Column('text', { name: 'type_code' }) type: string;
  @Column('uuid', { name: 'topic_id', nullable: true }) topicId: string | null;
  @Column('text') subject: string;
  @Column('text') body: string;
  @Column('text') channel: Channel;
  // The citizen's name and contact are sealed in the identity vault (@petitio/privacy), never in this row.
  @Column('text') language: string;
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('text', { name: 'district_code', nullable: true }) districtCode: string | null;
  @Column('double precision', { nullable: true }) latitude: number | null;
  @Column('double precision', { nullable: true }) longitude: number | null;
  @Column('boolean') confidential: boolean;
  @Column('text') status: ApplicationStatus;
  @Column('uuid', { name: 'assigned_agency_id', nullable: true }) assignedAgencyId: string | null;
  @Column('uuid', { name: 'routing_rule_id', nullable: true }) routingRuleId: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'routed_at', nullable: true }) routedAt: Date | null;
  @VersionColumn() version: number;
}
