import type { ReactNode } from 'react';
import { Navigate, useParams } from 'react-router';
import { patientPath } from '../../patient-paths';
import { recordTabSlug } from '../../record-tabs';

/**
 * `/werkplek/patienten/:patientId/:tab/:entryId` is an entry of the Historie (its own address, so a reload keeps it
 * open); under any other tab the extra segment means nothing and the tab itself opens.
 */
export function HistoryEntryRoute({ children }: { children: ReactNode }) {
  const { patientId = '', tab } = useParams();
  if (tab !== recordTabSlug('history')) return <Navigate to={patientPath(patientId, tab)} replace />;
  return children;
}
