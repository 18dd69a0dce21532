import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ActorType = 'citizen' | 'staff' | 'system';

/** Who acted: a citizen, a staff user (by id), or the system itself (the router, a timer). */
export interface Actor {
  type: ActorType;
  id?: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null };

/** One append-only line of an application's history. The database refuses updates and deletes. */
@Entity('application_events')
export class ApplicationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'application_id' }) applicationId: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('text') kind: string;
  @Column('text', { name: 'actor_type' }) actorType: ActorType;
  @Column('text', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column('text', { name: 'to_status', nullable: true }) toStatus: string | null;
  @Column('uuid', { name: 'from_agency_id', nullable: true }) fromAgencyId: string | null;
  @Column('uuid', { name: 'to_agency_id', nullable: true }) toAgencyId: string | null;
  @Column('jsonb') data: Record<string, unknown>;
}
