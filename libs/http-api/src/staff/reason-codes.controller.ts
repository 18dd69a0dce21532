import { Body, Controller, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { REASON_KINDS, ReasonCodes, ReasonKind } from '@petitio/casework';
import { InvalidInputError } from '@petitio/platform';
import { JsonBodyGuard } from '../json-body.guard';
import { ReasonCodeResponse, ReasonCodeUpkeepDto } from '@petitio/api-contracts';
import { Roles, StaffAuthGuard } from './staff-auth.guard';
import { AgencyApi } from './agency-api-caller';

const CODE = /^[a-z][a-z0-9_]{1,63}$/;

/** The configurable grounds for rejections and reasons for transfers. */
@ApiTags('staff: reason codes')
@ApiBearerAuth()
@Controller('api/v1/staff/reason-codes')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
export class ReasonCodesController {
  constructor(private readonly reasons: ReasonCodes) {}

  @Get()
  @AgencyApi()
  @ApiOperation({ summary: 'List the reasons staff may give' })
  @ApiQuery({ name: 'kind', required: false, enum: REASON_KINDS })
  @ApiOkResponse({ type: [ReasonCodeResponse] })
  list(@Query('kind') kind?: string): Promise<ReasonCodeResponse[]> {
    return this.reasons.list(kind === undefined ? undefined : reasonKind(kind, 'kind'));
  }

  @Put(':kind/:code')
  @Roles('center_admin')
  @ApiOperation({ summary: 'Add or edit a reason (deactivate rather than delete: history refers to it)' })
  @ApiOkResponse({ type: ReasonCodeResponse })
  save(@Param('kind') kind: string, @Param('code') code: string, @Body() dto: ReasonCodeUpkeepDto): Promise<ReasonCodeResponse> {
    const validKind = reasonKind(kind, 'kind');
    if (!CODE.test(code)) {
      throw new InvalidInputError([{ field: 'code', code: 'format', sentence: 'reason_code_format' }]);
    }
    return this.reasons.save(validKind, code, { names: dto.names, legalBasis: dto.legalBasis ?? null, active: dto.active });
  }
}

function reasonKind(value: string, field: string): ReasonKind {
  if ((REASON_KINDS as readonly string[]).includes(value)) return value as ReasonKind;
  throw new InvalidInputError([{ field, code: 'invalid', sentence: 'isIn', args: { allowed: REASON_KINDS.join(', ') } }]);
}
