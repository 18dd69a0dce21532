import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiClient, ApiClients } from '@petitio/api-clients';
import { ApiClientCallResponse, ApiClientResponse, CreateApiClientDto, IssuedApiClientResponse } from '@petitio/api-contracts';
import type { StaffPrincipal } from '@petitio/staff';
import { JsonBodyGuard } from '../json-body.guard';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** The keys other systems call with (Open311 clients, agencies' case systems): issued, listed and revoked by center admins. */
@ApiTags('staff: API clients')
@ApiBearerAuth()
@Controller('api/v1/staff/api-clients')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('center_admin')
export class ApiClientsController {
  constructor(private readonly clients: ApiClients) {}

  @Get()
  @ApiOperation({ summary: 'Every API client, newest first; keys are never shown again' })
  @ApiOkResponse({ type: [ApiClientResponse] })
  list(): Promise<ApiClient[]> {
    return this.clients.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a key: the answer is the only time it is shown' })
  @ApiCreatedResponse({ type: IssuedApiClientResponse })
  async issue(@Body() dto: CreateApiClientDto, @CurrentStaff() staff: StaffPrincipal): Promise<IssuedApiClientResponse> {
    const { client, key } = await this.clients.issue({ name: dto.name, kind: dto.kind, agencyId: dto.agencyId, createdBy: staff.userId });
    return { ...client, key };
  }

  @Get(':id/calls')
  @ApiOperation({ summary: 'The latest 100 calls made with the key: route, application, answer' })
  @ApiOkResponse({ type: [ApiClientCallResponse] })
  calls(@Param('id', ParseUUIDPipe) id: string): Promise<ApiClientCallResponse[]> {
    return this.clients.calls(id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key at once; revoking it again changes nothing' })
  @ApiOkResponse({ type: ApiClientResponse })
  revoke(@Param('id', ParseUUIDPipe) id: string): Promise<ApiClient> {
    return this.clients.revoke(id);
  }
}
