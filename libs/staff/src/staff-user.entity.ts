import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from './staff-role';

export type StaffStatus = 'invited' | 'active' | 'disabled';

/** A person working in Petitio: call-center agent, agency officer or supervisor, or center admin. */
@Entity('staff_users')
export class StaffUser {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text') email: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text', { array: true }) roles: StaffRole[];
  @Column('text', { name: 'password_hash', nullable: true, select: false }) passwordHash: string | null;
  @Column('text') status: StaffStatus;
  @Column('boolean', { name: 'on_duty' }) onDuty: boolean;
  @Column('text') language: string;
  @Column('integer', { name: 'failed_logins' }) failedLogins: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
