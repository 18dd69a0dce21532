import { Injectable } from '@nestjs/common';
import { JobsOptions } from 'bullmq';
import { OutboxEvent } from './outbox-event';

/** Where one topic's events go: a queue, a job name, and a job id that is stable for the event. */
export interface OutboxSubscription {
  topic: string;
  queue: string;
  jobName: string;
  /** Same event ⇒ same id, so a republished event is ignored by BullMQ while the job exists. */
  jobId: (event: OutboxEvent) => string;
  options?: JobsOptions;
  /** A timer: how long after publishing the job should run (ms; 0 or less runs it at once). */
  delayMs?: (event: OutboxEvent) => number;
  /** A job this event supersedes (a timer set for an older deadline): removed so Redis does not keep it until it fires. */
  replaces?: (event: OutboxEvent) => string | undefined;
  /** False for an event that only cancels (`replaces`) and queues nothing new. */
  publishes?: (event: OutboxEvent) => boolean;
}

/** The registry a worker process fills at start; the relay reads it. */
@Injectable()
export class OutboxSubscriptions {
  private readonly byTopic = new Map<string, OutboxSubscription[]>();

  subscribe(subscription: OutboxSubscription): void {
    const list = this.byTopic.get(subscription.topic) ?? [];
    list.push(subscription);
    this.byTopic.set(subscription.topic, list);
  }

  for(topic: string): OutboxSubscription[] {
    return this.byTopic.get(topic) ?? [];
  }

  queues(): string[] {
    return [...new Set([...this.byTopic.values()].flat().map((s) => s.queue))];
  }
}
