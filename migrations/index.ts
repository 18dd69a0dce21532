import { IntakeSpine1764000000000 } from './1764000000000-IntakeSpine';
import { StaffWorkflow1764100000000 } from './1764100000000-StaffWorkflow';

/** Every migration, in order. The CLI runs them; nothing ever synchronizes the schema. */
export const migrations = [IntakeSpine1764000000000, StaffWorkflow1764100000000];
