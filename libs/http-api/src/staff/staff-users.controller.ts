import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ForbiddenError, NotFoundError } from '@petitio/platform';
import { StaffPrincipal, StaffUsersService, hasRole } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { DutyDto, InviteStaffUserDto } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

@ApiTags('staff: users')
@ApiBearerAuth()
@Controller('api/v1/staff/users')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
export class StaffUsersController {
  constructor(private readonly users: StaffUsersService) {}

  @Post()
  @HttpCode(201)
  @Roles('center_admin')
  @ApiOperation({ summary: 'Create a staff user; they get an email to set their password' })
  invite(@Body() dto: InviteStaffUserDto, @CurrentStaff() staff: StaffPrincipal) {
    return this.users.invite(dto, staff.userId);
  }

  @Get()
  @Roles('center_admin', 'supervisor')
  @ApiQuery({ name: 'agencyId', required: false })
  list(@CurrentStaff() staff: StaffPrincipal, @Query('agencyId', new ParseUUIDPipe({ optional: true })) agencyId?: string) {
    // Supervisors see their own agency's people; center admins anyone's.
    return this.users.list(hasRole(staff, 'center_admin') ? agencyId : staff.agencyId);
  }

  @Post(':id/disable')
  @HttpCode(204)
  @Roles('center_admin')
  @ApiOperation({ summary: 'Disable a staff user and end their sessions' })
  async disable(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.users.disable(id);
  }

  @Post(':id/unlock')
  @HttpCode(204)
  @Roles('center_admin')
  @ApiOperation({ summary: 'Lift the sign-in locks of a staff user: every address locked out after wrong passwords, and the account-wide wait' })
  async unlock(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.users.unlock(id);
  }

  @Put(':id/duty')
  @HttpCode(204)
  @Roles('center_admin', 'supervisor', 'officer')
  @ApiOperation({ summary: 'Mark a user on duty or on leave (officers: themselves; supervisors: their agency)' })
  async setDuty(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DutyDto, @CurrentStaff() staff: StaffPrincipal): Promise<void> {
    const user = await this.users.find(id);
    if (!user) throw new NotFoundError('STAFF_USER_NOT_FOUND');
    const allowed = hasRole(staff, 'center_admin') || id === staff.userId || (hasRole(staff, 'supervisor') && user.agencyId === staff.agencyId);
    if (!allowed) throw new ForbiddenError();
    await this.users.setOnDuty(id, dto.onDuty);
  }
}
