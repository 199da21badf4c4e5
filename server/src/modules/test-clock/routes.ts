import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ShiftableClock } from '../../clock.js';

// Only registered when NODE_ENV=test: lets browser tests move the server's time instead of sleeping.
export const testClockRoutes: FastifyPluginAsync<{ clock: ShiftableClock }> = async (app, { clock }) => {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/dev/clock',
    {
      schema: {
        hide: true,
        body: z.object({
          advanceMs: z
            .number()
            .int()
            .min(0)
            .max(30 * 24 * 3_600_000),
        }),
      },
    },
    async (request) => {
      clock.advance(request.body.advanceMs);
      return { now: clock.now().toISOString() };
    },
  );
};
