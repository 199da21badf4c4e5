import { sql } from 'kysely';
import { registerWerkplekAuthRoutes, type WerkplekAuth } from '../../auth/routes.js';
import type { Engine } from '../../db/connection.js';
import { up as migrateHisLaunch } from '../../db/migrations/0006-his-launch.js';
import { createDemoApp } from '../../test/demo-app.js';
import { seedHisDemo } from './demo.js';
import { hisLaunchRoutes } from './routes.js';
import { LAUNCH_PATH } from './service.js';

// Test support: the demo app with the HIS launch in place, whether or not app.ts, migrate.ts and the demo seed
// have it yet. Runs migration 0006 when its tables are missing, seeds the HIS demo values (idempotent), and
// registers the routes with a Werkplek auth guard built by the real auth code (its own routes under a prefix no
// client uses, so they cannot clash with the app's).

export async function createHisDemoApp(engine: Engine) {
  const subject = await createDemoApp(engine);
  const db = subject.database.db;
  const table = await sql<{ name: string | null }>`select to_regclass('public.his_launch')::text as name`.execute(db);
  if (!table.rows[0]?.name) await migrateHisLaunch(db);
  await seedHisDemo(db, subject.clock.now());

  if (!subject.app.hasRoute({ method: 'GET', url: LAUNCH_PATH })) {
    let auth: WerkplekAuth | undefined;
    await subject.app.register(
      async (child) => {
        auth = registerWerkplekAuthRoutes(
          child,
          {
            db,
            clock: subject.clock,
            settings: subject.config.session,
            publicBaseUrl: `http://localhost:${subject.config.port}`,
            mailQueued: () => undefined,
          },
          { secure: false },
        );
      },
      { prefix: '/__his-test-auth' },
    );
    const guard: WerkplekAuth = {
      requireSession: (request, options) => {
        if (!auth) throw new Error('auth guard not registered');
        return auth.requireSession(request, options);
      },
    };
    await subject.app.register(hisLaunchRoutes, {
      deps: {
        db,
        clock: subject.clock,
        publicBaseUrl: subject.config.publicUrl ?? `http://localhost:${subject.config.port}`,
        rateLimitPerIp: subject.config.session.loginRateLimitPerIp,
      },
      auth: guard,
    });
  }
  return subject;
}
