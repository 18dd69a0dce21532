import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from './agency.entity';
import { AgencyAdmin } from './agency-admin.service';
import { AgencyBrowser } from './agency-browser';
import { AgencyCsvImporter } from './agency-csv-importer';
import { DirectoryService } from './directory.service';
import { Region } from './region.entity';
import { RegionBoundaries } from './region-boundaries';

@Module({
  imports: [TypeOrmModule.forFeature([Agency, Region])],
  providers: [DirectoryService, AgencyCsvImporter, AgencyAdmin, AgencyBrowser, RegionBoundaries],
  exports: [DirectoryService, AgencyCsvImporter, AgencyAdmin, AgencyBrowser, RegionBoundaries],
})
export class DirectoryModule {}
