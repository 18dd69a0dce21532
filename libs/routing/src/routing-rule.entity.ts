import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * "Applications like this go to that agency." Every criterion left empty matches anything;
 * keywords match whole words of the subject or body, or word beginnings when they end in `*`.
 */
@Entity('routing_rules')
export class RoutingRule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('integer') position: number;
  @Column('text') description: string;
  @Column('text', { name: 'type_code', nullable: true }) typeCode: string | null;
  @Column('uuid', { name: 'topic_id', nullable: true }) topicId: string | null;
  @Column('text', { name: 'province_code', nullable: true }) provinceCode: string | null;
  @Column('text', { name: 'district_code', nullable: true }) districtCode: string | null;
  @Column('text', { array: true, nullable: true }) keywords: string[] | null;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('boolean') active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
