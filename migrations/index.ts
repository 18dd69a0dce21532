import { IntakeSpine1764000000000 } from './1764000000000-IntakeSpine';
import { StaffWorkflow1764100000000 } from './1764100000000-StaffWorkflow';
import { HistoryChainOrder1764400000000 } from './1764400000000-HistoryChainOrder';
import { InboxIndexes1764300000000 } from './1764300000000-InboxIndexes';

/** Every migration, in order. The CLI runs them; nothing ever synchronizes the schema. */
export const migrations = [IntakeSpine1764000000000, StaffWorkflow1764100000000, HistoryChainOrder1764400000000, InboxIndexes1764300000000];
