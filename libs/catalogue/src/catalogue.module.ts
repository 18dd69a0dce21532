import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueService } from './catalogue.service';
import { TopicAdmin } from './topic-admin.service';
import { Topic } from './topic.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Topic])],
  providers: [CatalogueService, TopicAdmin],
  exports: [CatalogueService, TopicAdmin],
})
export class CatalogueModule {}
