import { Module } from '@nestjs/common';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { PrivacyModule } from '@petitio/privacy';
import { SlaModule } from '@petitio/sla';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { ApplicationsModule } from '@petitio/applications';
import { AccessCodes } from './access-code';
import { ApplicationAttachments } from './attachments/application-attachments';
import { ATTACHMENT_STORE, DiskAttachmentStore } from './attachments/attachment-store';
import { CitizenProof } from './citizen-proof';
import { IntakeStore } from './intake-store';
import { IntakeService } from './intake.service';
import { StatusLookupService } from './status-lookup.service';

/** Taking applications in: submission, attachments, tracking numbers, access codes and the citizen's own status. */
const SERVICES = [
  IntakeService,
  IntakeStore,
  ApplicationAttachments,
  { provide: ATTACHMENT_STORE, inject: [ENVIRONMENT], useFactory: (env: Environment) => new DiskAttachmentStore(env.ATTACHMENTS_DIR) },
  StatusLookupService,
  AccessCodes,
  CitizenProof,
];

@Module({
  imports: [ApplicationsModule, CatalogueModule, DirectoryModule, PrivacyModule, SlaModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class IntakeModule {}
