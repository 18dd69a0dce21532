import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const AGENCY_KINDS = ['center', 'triage', 'ministry', 'directorate', 'district_office', 'municipality', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Localised names keyed by language code, e.g. { tr: 'Sağlık Bakanlığı', en: 'Ministry of Health' }. */
export type LocalisedNames = Record<string, string>;

/** A public body that answers applications; agencies form a tree (ministry → directorate → district office). */
@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('text') kind: AgencyKind;
  @Column('jsonb') names: LocalisedNames;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Column('text', { name: 'region_code', nullable: true }) regionCode: string | null;
  @Column('boolean') active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A name in the wanted language, else English, else any. */
export function localise(names: LocalisedNames, language: string): string {
  return names[language] ?? names.en ?? Object.values(names)[0] ?? '';
}
