import { ManualClock } from '../clock.js';
import type { Engine } from '../db/connection.js';
import { DEMO_PASSWORD } from '../db/seed/demo-region.js';
import { seedDemo } from '../db/seed/index.js';
import { createTestApp, type TestApp } from './app.js';
import { CookieJar } from './cookie-jar.js';

/** The app on a demo-region database (fixed accounts and story patients, plus a few synthetic ones). */
export async function createDemoApp(
  engine: Engine,
  syntheticPatients = 40,
): Promise<TestApp & { login(username: string): Promise<CookieJar> }> {
  const subject = await createTestApp(engine, {}, new ManualClock('2026-11-29T09:00:00Z'));
  await seedDemo(subject.database.db, { seed: 7, patients: syntheticPatients, referenceDate: '2026-11-29' });
  let ipCounter = 0;
  return {
    ...subject,
    /** Logs a demo account in with password + mailed code; each login from its own address (rate limits). */
    async login(username: string) {
      ipCounter++;
      const remoteAddress = `10.9.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
      const jar = new CookieJar();
      const login = await subject.app.inject({
        method: 'POST',
        url: '/api/werkplek/auth/login',
        payload: { username, password: DEMO_PASSWORD },
        remoteAddress,
      });
      jar.store(login);
      if (login.json().status === 'code-required') {
        const mail = (await subject.mailbox()).find((entry) => entry.subject.includes('verificatiecode'));
        const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
        const verify = await subject.app.inject({
          method: 'POST',
          url: '/api/werkplek/auth/verify',
          payload: { code },
          headers: { cookie: jar.header() },
          remoteAddress,
        });
        jar.store(verify);
        if (verify.statusCode !== 200) throw new Error(`login of ${username} failed: ${verify.body}`);
      }
      return jar;
    },
  };
}
