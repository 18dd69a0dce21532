import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@petitio/notifications';
import { PasswordHasher } from './password-hasher';
import { StaffSessionsService } from './staff-sessions.service';
import { StaffUser } from './staff-user.entity';
import { StaffUsersService } from './staff-users.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffUser]), NotificationsModule],
  providers: [PasswordHasher, StaffSessionsService, StaffUsersService],
  exports: [PasswordHasher, StaffSessionsService, StaffUsersService],
})
export class StaffModule {}
