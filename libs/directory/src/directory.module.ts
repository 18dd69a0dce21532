import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from './agency.entity';
import { AgencyAdmin } from './agency-admin.service';
import { AgencyCsvImporter } from './agency-csv-importer';
import { DirectoryService } from './directory.service';
import { Region } from './region.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Agency, Region])],
  providers: [DirectoryService, AgencyCsvImporter, AgencyAdmin],
  exports: [DirectoryService, AgencyCsvImporter, AgencyAdmin],
})
export class DirectoryModule {}
