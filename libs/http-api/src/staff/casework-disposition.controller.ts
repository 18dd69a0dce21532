import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationClosing, ApplicationRejections, ApplicationTransfers, DuplicateMerges } from '@petitio/casework';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { CloseDto, DispositionResponse, DuplicateOfDto, DuplicateResponse, RejectionDto, TransferDto, TransferResponse } from '@petitio/api-contracts';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';
import { AgencyApi } from './agency-api-caller';

/** How an application leaves an agency's hands: transferred, not processed, merged as a duplicate, or closed. */
@ApiTags('staff: casework')
@ApiBearerAuth()
@Controller('api/v1/staff/applications/:id')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('officer', 'supervisor', 'center_admin')
export class CaseworkDispositionController {
  constructor(
    private readonly transfers: ApplicationTransfers,
    private readonly rejections: ApplicationRejections,
    private readonly duplicates: DuplicateMerges,
    private readonly closing: ApplicationClosing,
  ) {}

  @Post('transfers')
  @AgencyApi()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Transfer to another agency',
    description: 'The citizen is told the new agency. The transfer that would be the N-th (TRANSFERS_BEFORE_CENTER) goes to the center instead.',
  })
  @ApiOkResponse({ type: TransferResponse })
  transfer(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferDto, @CurrentStaff() staff: StaffPrincipal): Promise<TransferResponse> {
    return this.transfers.transfer(staff, id, dto.version, { toAgencyId: dto.toAgencyId, reasonCode: dto.reasonCode, note: dto.note });
  }

  @Post('rejections')
  @AgencyApi()
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide not to process it, on a ground from the reason list; the citizen is told why' })
  @ApiOkResponse({ type: DispositionResponse })
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectionDto, @CurrentStaff() staff: StaffPrincipal): Promise<DispositionResponse> {
    return this.rejections.reject(staff, id, dto.version, { reasonCode: dto.reasonCode, text: dto.text });
  }

  @Post('duplicate-of')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge into an original application; its answer will reach this citizen too' })
  @ApiOkResponse({ type: DuplicateResponse })
  duplicateOf(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DuplicateOfDto, @CurrentStaff() staff: StaffPrincipal): Promise<DuplicateResponse> {
    return this.duplicates.merge(staff, id, dto.version, dto.originalId);
  }

  @Post('close')
  @AgencyApi()
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an answered application' })
  @ApiOkResponse({ type: DispositionResponse })
  close(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseDto, @CurrentStaff() staff: StaffPrincipal): Promise<DispositionResponse> {
    return this.closing.close(staff, id, dto.version);
  }
}
