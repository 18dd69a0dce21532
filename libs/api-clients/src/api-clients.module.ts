import { Module } from '@nestjs/common';
import { ClockModule, DatabaseModule } from '@petitio/platform';
import { ApiClients } from './api-clients.service';

@Module({ imports: [DatabaseModule, ClockModule], providers: [ApiClients], exports: [ApiClients] })
export class ApiClientsModule {}
