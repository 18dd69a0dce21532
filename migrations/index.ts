import { IntakeSpine1764000000000 } from './1764000000000-IntakeSpine';
import { StaffWorkflow1764100000000 } from './1764100000000-StaffWorkflow';
import { InboxIndexes1764300000000 } from './1764300000000-InboxIndexes';
import { SmsAndVoice1764700000000 } from './1764700000000-SmsAndVoice';
import { BusinessCalendar1764800000000 } from './1764800000000-BusinessCalendar';
import { SlaPolicies1764900000000 } from './1764900000000-SlaPolicies';
import { SlaEscalations1765000000000 } from './1765000000000-SlaEscalations';
import { ApplicationAttachments1765100000000 } from './1765100000000-ApplicationAttachments';
import { DashboardIndexes1765200000000 } from './1765200000000-DashboardIndexes';
import { DashboardRollups1765300000000 } from './1765300000000-DashboardRollups';
import { SearchDocuments1765400000000 } from './1765400000000-SearchDocuments';
import { SignInFailures1765500000000 } from './1765500000000-SignInFailures';
import { CountryPacks1765600000000 } from './1765600000000-CountryPacks';
import { ApiClients1765700000000 } from './1765700000000-ApiClients';
import { AgencyIntegrations1765800000000 } from './1765800000000-AgencyIntegrations';
import { Webhooks1765900000000 } from './1765900000000-Webhooks';
import { RegionBoundaries1766000000000 } from './1766000000000-RegionBoundaries';
import { IdentityVault1766100000000 } from './1766100000000-IdentityVault';
import { CitizenMessageContacts1766200000000 } from './1766200000000-CitizenMessageContacts';
import { RedactedTexts1766300000000 } from './1766300000000-RedactedTexts';
import { IdentityReveals1766400000000 } from './1766400000000-IdentityReveals';

/** Every migration, in order. The CLI runs them; nothing ever synchronizes the schema. */
export const migrations = [
  IntakeSpine1764000000000,
  StaffWorkflow1764100000000,
  InboxIndexes1764300000000,
  SmsAndVoice1764700000000,
  BusinessCalendar1764800000000,
  SlaPolicies1764900000000,
  SlaEscalations1765000000000,
  ApplicationAttachments1765100000000,
  DashboardIndexes1765200000000,
  DashboardRollups1765300000000,
  SearchDocuments1765400000000,
  SignInFailures1765500000000,
  CountryPacks1765600000000,
  ApiClients1765700000000,
  AgencyIntegrations1765800000000,
  Webhooks1765900000000,
  RegionBoundaries1766000000000,
  IdentityVault1766100000000,
  CitizenMessageContacts1766200000000,
  RedactedTexts1766300000000,
  IdentityReveals1766400000000,
];
