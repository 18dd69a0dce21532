import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an application is about (roads, water, health…); each topic has an agency that answers it by default. */
@Entity('topics')
export class Topic {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('jsonb') names: Record<string, string>;
  /** Words that suggest this topic in free text (SMS, voice transcripts). */
  @Column('text', { array: true }) keywords: string[];
  @Column('uuid', { name: 'default_agency_id', nullable: true }) defaultAgencyId: string | null;
  @Column('boolean') active: boolean;
}
