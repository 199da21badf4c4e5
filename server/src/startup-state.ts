export type StartupStage = 'migrating' | 'seeding' | 'ready' | 'stopping';

/** What the process is doing: /ready answers 200 only in the 'ready' stage. */
export interface StartupState {
  stage: StartupStage;
}
