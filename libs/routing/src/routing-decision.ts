import { RoutableApplication, RuleCriteria, firstMatch } from './rule-matcher';

export type RoutingReason = 'rule' | 'topic_default' | 'triage';

export interface RoutingDecision<R extends RuleCriteria = RuleCriteria> {
  agencyId: string;
  /** The rule that decided, when one did. */
  rule: R | undefined;
  reason: RoutingReason;
}

/**
 * The one place that decides where an application goes: the first matching rule of the ordered active rules,
 * else the topic's default agency, else the central triage unit. The worker routes with it, the admin preview asks it.
 */
export function decideRouting<R extends RuleCriteria>(
  ordered: R[],
  app: RoutableApplication,
  triageId: string,
  topics: ReadonlyMap<string, { defaultAgencyId: string | null }>,
): RoutingDecision<R> {
  const rule = firstMatch(ordered, app);
  if (rule) return { agencyId: rule.agencyId, rule, reason: 'rule' };
  const topic = app.topicId ? topics.get(app.topicId) : undefined;
  if (topic?.defaultAgencyId) return { agencyId: topic.defaultAgencyId, rule: undefined, reason: 'topic_default' };
  return { agencyId: triageId, rule: undefined, reason: 'triage' };
}
