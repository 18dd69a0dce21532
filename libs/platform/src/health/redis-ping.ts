import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Environment } from '../config/environment';
import { ENVIRONMENT } from '../config/environment.module';
import { producerRedisOptions } from '../queue/queues';

/** A dedicated, fail-fast connection used only to answer "is Redis reachable?". */
@Injectable()
export class RedisPing implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(@Inject(ENVIRONMENT) env: Environment) {
    this.redis = new Redis({ ...producerRedisOptions(env), lazyConnect: true });
    this.redis.on('error', () => undefined);
    this.redis.connect().catch(() => undefined);
  }

  async ping(): Promise<void> {
    const answer = await this.redis.ping();
    if (answer !== 'PONG') throw new Error(`unexpected answer ${answer}`);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
