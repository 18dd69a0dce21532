import { Global, Module } from '@nestjs/common';
import { OutboxRelay } from './outbox.relay';
import { OutboxSubscriptions } from './outbox-subscriptions';
import { OutboxWriter } from './outbox.writer';

@Global()
@Module({
  providers: [OutboxWriter, OutboxSubscriptions, OutboxRelay],
  exports: [OutboxWriter, OutboxSubscriptions, OutboxRelay],
})
export class OutboxModule {}
