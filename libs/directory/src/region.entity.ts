import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalisedNames } from './agency.entity';

/** A province or district, by its official code (e.g. TR-34 Istanbul, TR-34-KDK Kadıköy). */
@Entity('regions')
export class Region {
  @PrimaryColumn('text') code: string;
  @Column('text', { name: 'parent_code', nullable: true }) parentCode: string | null;
  @Column('text') kind: 'province' | 'district';
  @Column('jsonb') names: LocalisedNames;
}
