import { Global, Module } from '@nestjs/common';
import { AttemptCounter } from './attempt-counter';

@Global()
@Module({ providers: [AttemptCounter], exports: [AttemptCounter] })
export class RateLimitModule {}
