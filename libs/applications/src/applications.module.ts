import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { AccessCodes } from './access-code';
import { ApplicationAccess } from './access/application-access';
import { ApplicationChanges } from './casework/application-changes';
import { ApplicationEvent } from './application-event.entity';
import { Application } from './application.entity';
import { IntakeService } from './intake.service';
import { StatusLookupService } from './status-lookup.service';

@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationEvent]), CatalogueModule, DirectoryModule],
  providers: [IntakeService, StatusLookupService, AccessCodes, ApplicationAccess, ApplicationChanges],
  exports: [IntakeService, StatusLookupService, AccessCodes, ApplicationAccess, ApplicationChanges],
})
export class ApplicationsModule {}
