import { Module } from '@nestjs/common';
import { CatalogueModule } from '@petitio/catalogue';
import { DirectoryModule } from '@petitio/directory';
import { IntakeModule } from '@petitio/intake';
import { ClockModule, DatabaseModule } from '@petitio/platform';
import { Open311Requests } from './open311-requests';
import { Open311Services } from './open311-services';

@Module({
  imports: [DatabaseModule, ClockModule, CatalogueModule, DirectoryModule, IntakeModule],
  providers: [Open311Services, Open311Requests],
  exports: [Open311Services, Open311Requests],
})
export class Open311Module {}
