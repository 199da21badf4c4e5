// THE access policy (product.md §6; docs/architecture.md "Access model"). Every module that touches patient data
// goes through this: `can` on one patient (after `loadAccessFacts`), `patientAccessCondition` on lists and
// searches, `readableRecordTypesCondition` on entries, `canSearch` for the search form.
export { type Actor, type RequestContext, systemActor } from './context.js';
export type {
  Allow,
  AllowReason,
  Decision,
  Deny,
  DenyReason,
  Obligation,
  ReleasePendingReason,
  SearchScope,
} from './decision.js';
export {
  type AccessExclusion,
  type AccessFacts,
  type AccessGround,
  factsWithoutPatient,
  type Grantee,
  type GranteeType,
  type GroundKind,
  granteesOf,
  groundKindsByActor,
  groundTiming,
  type RecordTypeCode,
  type Right,
  type RoleRights,
  recordTypes,
  writableGroundKinds,
} from './facts.js';
export {
  type Action,
  type AdminArea,
  type AdminTarget,
  adminAreaFunctions,
  can,
  externalProviderRights,
  groundPrecedence,
  type PatientSearchTarget,
  type PatientTarget,
  portalUserRight,
  type RecordEntryTarget,
  type RecordTypeTarget,
  rightOf,
  type Target,
  teamMemberVisible,
} from './policy.js';
export {
  addExclusion,
  type Executor,
  grantAccess,
  loadAccessFacts,
  loadRoleRightMatrix,
  loadRoleRights,
  type NewAccessExclusion,
  type NewAccessGround,
  patientAccessCondition,
  patientNotExcludedCondition,
  type RoleRightRow,
  readableRecordTypesCondition,
  revokeAccessGround,
  revokeExclusion,
  setRoleRight,
} from './repository.js';
export { canSearch, exactMatchCriteria, type SearchCriterion } from './search-policy.js';
export type { AccessDatabase, AccessTables } from './tables.js';
