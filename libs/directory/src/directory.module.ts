import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agency } from './agency.entity';
import { DirectoryService } from './directory.service';
import { Region } from './region.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Agency, Region])],
  providers: [DirectoryService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
