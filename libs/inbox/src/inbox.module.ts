import { Module } from '@nestjs/common';
import { SlaModule } from '@petitio/sla';
import { ApplicationsModule } from '@petitio/applications';
import { IntakeModule } from '@petitio/intake';
import { PrivacyModule } from '@petitio/privacy';
import { INBOX_PROVIDERS } from './inbox.providers';

/** The staff-facing read side of applications: lists, search, detail and the personal-data reads they record. */
const SERVICES = [...INBOX_PROVIDERS];

@Module({
  imports: [ApplicationsModule, PrivacyModule, SlaModule, IntakeModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class InboxModule {}
