import { z } from 'zod';

export const AppInfoSchema = z.object({
  name: z.literal('Lumbung'),
  version: z.string(),
  shell: z.enum(['electron', 'headless']),
  platform: z.string(),
  dataDir: z.string(),
  /** The computer's own name, to suggest how it is called in a microgrid community. */
  computerName: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
