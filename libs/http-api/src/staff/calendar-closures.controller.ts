import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarClosureView, CalendarClosures } from '@petitio/sla';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { CalendarClosureResponse, CreateCalendarClosureDto } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** Ad-hoc closures of the business calendar (a disaster, a leave day by decree); they stop deadline clocks. */
@ApiTags('staff: calendar')
@ApiBearerAuth()
@Controller('api/v1/staff/calendar/closures')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('center_admin')
export class CalendarClosuresController {
  constructor(private readonly closures: CalendarClosures) {}

  @Get()
  @ApiOperation({ summary: 'Calendar closures, latest first' })
  @ApiOkResponse({ type: [CalendarClosureResponse] })
  list(): Promise<CalendarClosureView[]> {
    return this.closures.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Close the calendar for a while' })
  @ApiCreatedResponse({ type: CalendarClosureResponse })
  create(@Body() dto: CreateCalendarClosureDto, @CurrentStaff() staff: StaffPrincipal): Promise<CalendarClosureView> {
    return this.closures.add(staff, { startsAt: new Date(dto.startsAt), endsAt: new Date(dto.endsAt), reason: dto.reason, regionCode: dto.regionCode });
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<void> {
    await this.closures.remove(staff, id);
  }
}
