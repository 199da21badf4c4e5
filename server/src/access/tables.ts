import type { Database } from '../db/schema.js';

// The access tables live in the app's Database type (db/schema.ts, migration 0003); re-exported here so the
// policy module reads as one unit.
export type {
  AccessExclusionTable,
  AccessGroundTable,
  EffectiveAccessGroundView,
  ExclusionGranteeType,
  GranteeType,
  GroundKind,
  RecordTypeTable,
  RoleRightTable,
  StoredGroundKind,
} from '../db/schema.js';

export type AccessTables = Pick<
  Database,
  'record_type' | 'role_right' | 'access_ground' | 'access_exclusion' | 'effective_access_ground'
>;
export type AccessDatabase = Database;
