import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from './agency.entity';
import { AgencyCsvImporter } from './agency-csv-importer';
import { DirectoryService } from './directory.service';
import { Region } from './region.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Agency, Region])],
  providers: [DirectoryService, AgencyCsvImporter],
  exports: [DirectoryService, AgencyCsvImporter],
})
export class DirectoryModule {}
