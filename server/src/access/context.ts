import type { OrganisationType } from '../db/schema.js';

/**
 * Who is acting. Built once per request (from the session, portal login or client certificate) and passed
 * explicitly to every service and repository function — never read from globals.
 */
export type Actor = ProviderActor | PatientActor | ExternalActor | SystemActor;

/** A Werkplek account: one person in one organisation with one role (seed 001 §1). */
export interface ProviderActor {
  kind: 'provider';
  accountId: string;
  personId: string;
  name: string;
  username: string;
  role: string;
  personal: boolean;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  /** The parent organisation (the hospital of a department), which also holds grounds for its departments. */
  parentOrganisationId: string | null;
}

/** A Mijn Keten user: the patient, or a proxy (parent, third party) acting for one. */
export interface PatientActor {
  kind: 'patient';
  portalUserId: string;
  name: string;
  /** The patient whose record this user is looking at now (themselves or someone they may act for). */
  actingForPatientId: string;
  ownPatientId: string | null;
}

/** An outside provider logged in with an UZI card certificate (seed 004). */
export interface ExternalActor {
  kind: 'external';
  uziNumber: string;
  name: string;
  agbCode: string | null;
}

/** Background jobs act as one named, audited system actor. */
export interface SystemActor {
  kind: 'system';
  name: 'keten-system';
}

export const systemActor: SystemActor = { kind: 'system', name: 'keten-system' };

export interface RequestContext {
  actor: Actor;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** A non-secret reference to the session (never the session token itself), for the audit log. */
  sessionRef: string | null;
}

/** How an actor appears in the NEN 7513 log. */
export function auditActorOf(actor: Actor): {
  type: 'provider' | 'patient' | 'proxy' | 'external' | 'system';
  id: string | null;
  name: string | null;
  role: string | null;
  organisationId: string | null;
  organisationName: string | null;
} {
  switch (actor.kind) {
    case 'provider':
      return {
        type: 'provider',
        id: actor.accountId,
        name: actor.name,
        role: actor.role,
        organisationId: actor.organisationId,
        organisationName: actor.organisationName,
      };
    case 'patient':
      return {
        type: actor.ownPatientId === actor.actingForPatientId ? 'patient' : 'proxy',
        id: actor.portalUserId,
        name: actor.name,
        role: null,
        organisationId: null,
        organisationName: null,
      };
    case 'external':
      return {
        type: 'external',
        id: actor.uziNumber,
        name: actor.name,
        role: 'uzi',
        organisationId: actor.agbCode,
        organisationName: null,
      };
    case 'system':
      return { type: 'system', id: actor.name, name: actor.name, role: null, organisationId: null, organisationName: null };
  }
}
