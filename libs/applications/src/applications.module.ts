import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationAccess } from './access/application-access';
import { ApplicationEvent } from './application-event.entity';
import { Application } from './application.entity';

/** The application aggregate every domain lib works on: its entities and who may see which. */
@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationEvent])],
  providers: [ApplicationAccess],
  exports: [TypeOrmModule, ApplicationAccess],
})
export class ApplicationsModule {}
