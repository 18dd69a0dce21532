import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { StaffPrincipal, StaffSessionsService, StaffUsersService } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JsonBodyGuard } from '../json-body.guard';
import { SetPasswordDto, SignInDto } from '@petitio/api-contracts';
import { CurrentStaff, SESSION_COOKIE, StaffAuthGuard } from './staff-auth.guard';

@ApiTags('staff: session')
@Controller('api/v1/staff')
@UseGuards(JsonBodyGuard)
export class StaffAuthController {
  constructor(
    private readonly sessions: StaffSessionsService,
    private readonly users: StaffUsersService,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Post('session')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Returns a session token and sets it as an HttpOnly cookie. 429 with Retry-After: ACCOUNT_LOCKED (this address, after wrong passwords), ACCOUNT_BACKOFF (the account, after many from everywhere), TOO_MANY_SIGN_IN_FAILURES (this address, across accounts).',
  })
  async signIn(@Body() dto: SignInDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const signedIn = await this.sessions.signIn(dto.email, dto.password, request.ip);
    const secure = this.env.PUBLIC_BASE_URL.startsWith('https:') ? '; Secure' : '';
    void reply.header(
      'set-cookie',
      `${SESSION_COOKIE}=${signedIn.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${this.env.STAFF_SESSION_MAX_SECONDS}${secure}`,
    );
    return { token: signedIn.token, expiresAt: signedIn.expiresAt.toISOString(), user: await this.users.find(signedIn.principal.userId) };
  }

  @Delete('session')
  @HttpCode(204)
  @UseGuards(StaffAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: the token stops working at once' })
  async signOut(@CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.signOut(staff.sessionId);
    void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
  }

  @Get('me')
  @UseGuards(StaffAuthGuard)
  @ApiBearerAuth()
  async me(@CurrentStaff() staff: StaffPrincipal) {
    return { ...(await this.users.find(staff.userId)), center: staff.center };
  }

  @Put('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a password from an emailed one-time link' })
  async setPassword(@Body() dto: SetPasswordDto): Promise<void> {
    await this.users.setPassword(dto.token, dto.password);
  }
}
