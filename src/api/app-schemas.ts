import { z } from 'zod';

export const AppInfoSchema = z.object({
  name: z.literal('Lumbung'),
  version: z.string(),
  shell: z.enum(['electron', 'headless']),
  platform: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
