import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { AccessCodes } from './access-code';
import { ApplicationAccess } from './access/application-access';
import { ApplicationChanges } from './casework/application-changes';
import { CitizenNotices } from './casework/citizen-notices';
import { CitizenProof } from './citizen-proof';
import { NotificationsModule } from '@petitio/notifications';
import { ApplicationEvent } from './application-event.entity';
import { Application } from './application.entity';
import { IntakeService } from './intake.service';
import { StatusLookupService } from './status-lookup.service';

@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationEvent]), CatalogueModule, DirectoryModule, NotificationsModule],
  providers: [IntakeService, StatusLookupService, AccessCodes, ApplicationAccess, ApplicationChanges, CitizenNotices, CitizenProof],
  exports: [IntakeService, StatusLookupService, AccessCodes, ApplicationAccess, ApplicationChanges, CitizenNotices, CitizenProof],
})
export class ApplicationsModule {}
