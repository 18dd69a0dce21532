import { ApplicationDetailService } from './application-detail.service';
import { CallerApplicationsService } from './caller-applications.service';
import { DeadlineDetails } from './deadline-details';
import { InboxService } from './inbox.service';
import { PersonalDataReads } from './personal-data-reads';

/** The staff-facing read side of applications, provided and exported by ApplicationsModule. */
export const INBOX_PROVIDERS = [InboxService, ApplicationDetailService, DeadlineDetails, CallerApplicationsService, PersonalDataReads];
