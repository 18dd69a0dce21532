import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { negotiateLanguage } from '@petitio/web-kit';
import { portalLanguages } from './i18n';
import { pageLanguage } from './portal-language';
import { securityHeaders, sendPage } from '@petitio/web-kit';
import { PORTAL_CSS } from '@petitio/web-kit';
import { homePage } from './views/home.view';
import { privacyPage } from './views/privacy.view';

const YEAR_SECONDS = 365 * 24 * 3600;

/** The citizen portal's fixed pages: the language choice, home, the privacy notice, and the stylesheet. */
@ApiExcludeController()
@Controller()
export class PortalPagesController {
  @Get()
  chooseLanguage(@Headers('accept-language') acceptLanguage: string | undefined, @Res() reply: FastifyReply): void {
    const language = negotiateLanguage(portalLanguages(), acceptLanguage);
    void securityHeaders(reply)
      .status(302)
      .headers({ location: `/${language}/`, vary: 'Accept-Language', 'cache-control': 'no-store' })
      .send();
  }

  @Get('assets/portal.css')
  stylesheet(@Res() reply: FastifyReply): void {
    // The page links it with a version query, so a changed stylesheet is a new address.
    void securityHeaders(reply)
      .headers({ 'content-type': 'text/css; charset=utf-8', 'cache-control': `public, max-age=${YEAR_SECONDS}, immutable` })
      .send(PORTAL_CSS);
  }

  @Get(':lang')
  home(@Param('lang') lang: string, @Res() reply: FastifyReply): void {
    sendPage(reply, 200, homePage(pageLanguage(lang)));
  }

  @Get(':lang/privacy')
  privacy(@Param('lang') lang: string, @Res() reply: FastifyReply): void {
    sendPage(reply, 200, privacyPage(pageLanguage(lang)));
  }
}
