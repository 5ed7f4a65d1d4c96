import { test } from 'vitest';
import { ensureSampleImage } from '../../../src/network/local/sample-image.js';
test('img', async () => { console.log(await ensureSampleImage()); console.log(await ensureSampleImage()); }, 60000);
