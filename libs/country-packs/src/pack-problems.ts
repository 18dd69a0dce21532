import type { CountryPack } from './country-pack';

/** The application types every pack names: the intake, the clocks and the pages know these codes. */
export const APPLICATION_TYPE_CODES = ['petition', 'complaint', 'request', 'information_request', 'suggestion'] as const;

/**
 * What a pack refers to that it does not define, and what the service needs that it lacks: each a sentence for
 * the pack's author (a spec runs this over every pack on disk; the installer refuses a pack that has any).
 */
export function packProblems(pack: CountryPack): string[] {
  const problems: string[] = [];
  const languages = (pack.settings.SUPPORTED_LANGUAGES ?? '').split(',').filter(Boolean);
  if (languages.length === 0) problems.push('settings.SUPPORTED_LANGUAGES names no language');
  const missingName = (where: string, names: Record<string, string>) => {
    if (languages[0] && !names[languages[0]]) problems.push(`${where} has no name in ${languages[0]}, the pack's default language`);
  };

  const types = new Set(pack.law.applicationTypes.map((t) => t.code));
  for (const code of APPLICATION_TYPE_CODES) if (!types.has(code)) problems.push(`law.applicationTypes lacks ${code}`);
  for (const type of pack.law.applicationTypes) {
    if (!(APPLICATION_TYPE_CODES as readonly string[]).includes(type.code)) problems.push(`law.applicationTypes: unknown type ${type.code}`);
    missingName(`application type ${type.code}`, type.names);
  }
  for (const reason of pack.law.reasonCodes) missingName(`reason ${reason.kind}/${reason.code}`, reason.names);
  for (const policy of pack.law.slaPolicies) {
    if (policy.applicationType !== null && !types.has(policy.applicationType))
      problems.push(`SLA policy ${policy.code}: unknown type ${policy.applicationType}`);
  }
  for (const type of APPLICATION_TYPE_CODES) {
    const covered = pack.law.slaPolicies.some((p) => p.kind === 'answer' && (p.applicationType === type || p.applicationType === null));
    if (!covered) problems.push(`no answer deadline applies to ${type}`);
  }

  const { regions, agencies, topics, routingRules, staff } = pack.demo;
  const regionCodes = new Set(regions.map((r) => r.code));
  const agencyCodes = new Set(agencies.map((a) => a.code));
  const topicCodes = new Set(topics.map((t) => t.code));
  for (const region of regions) {
    if (region.parentCode !== null && !regionCodes.has(region.parentCode)) problems.push(`region ${region.code}: unknown parent ${region.parentCode}`);
    missingName(`region ${region.code}`, region.names);
  }
  for (const agency of agencies) {
    if (agency.parentCode !== null && !agencyCodes.has(agency.parentCode)) problems.push(`agency ${agency.code}: unknown parent ${agency.parentCode}`);
    if (agency.regionCode !== null && !regionCodes.has(agency.regionCode)) problems.push(`agency ${agency.code}: unknown region ${agency.regionCode}`);
    missingName(`agency ${agency.code}`, agency.names);
  }
  if (agencies.filter((a) => a.kind === 'triage').length !== 1) problems.push('the demo needs exactly one triage agency, which receives what no rule claims');
  for (const topic of topics) {
    if (topic.defaultAgencyCode !== null && !agencyCodes.has(topic.defaultAgencyCode))
      problems.push(`topic ${topic.code}: unknown agency ${topic.defaultAgencyCode}`);
    missingName(`topic ${topic.code}`, topic.names);
  }
  for (const rule of routingRules) {
    if (!agencyCodes.has(rule.agencyCode)) problems.push(`routing rule ${rule.code}: unknown agency ${rule.agencyCode}`);
    if (rule.topicCode && !topicCodes.has(rule.topicCode)) problems.push(`routing rule ${rule.code}: unknown topic ${rule.topicCode}`);
    for (const region of [rule.provinceCode, rule.districtCode]) {
      if (region && !regionCodes.has(region)) problems.push(`routing rule ${rule.code}: unknown region ${region}`);
    }
    if (rule.typeCode && !types.has(rule.typeCode)) problems.push(`routing rule ${rule.code}: unknown type ${rule.typeCode}`);
  }
  for (const user of staff) if (!agencyCodes.has(user.agencyCode)) problems.push(`demo staff ${user.email}: unknown agency ${user.agencyCode}`);
  return problems;
}
