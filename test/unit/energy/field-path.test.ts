import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldPathSchema } from '../../../src/api/energy-schemas.js';
import { parseFieldPath, resolveFieldPath } from '../../../src/energy/field-path.js';

describe('field paths', () => {
  const evccState = {
    site: { gridPower: -1234.5, pvPower: 3000 },
    data: [{ value: 42 }, { value: [7, 8] }],
  };

  it('resolves dotted keys and array indexes', () => {
    expect(resolveFieldPath(evccState, 'site.gridPower')).toEqual({ found: true, value: -1234.5 });
    expect(resolveFieldPath(evccState, 'data[0].value')).toEqual({ found: true, value: 42 });
    expect(resolveFieldPath(evccState, 'data[1].value[1]')).toEqual({ found: true, value: 8 });
    expect(resolveFieldPath([5, 6], '[1]')).toEqual({ found: true, value: 6 });
    expect(resolveFieldPath(17, '')).toEqual({ found: true, value: 17 });
  });

  it('reports missing fields instead of throwing', () => {
    expect(resolveFieldPath(evccState, 'site.batteryPower')).toEqual({ found: false });
    expect(resolveFieldPath(evccState, 'data[5].value')).toEqual({ found: false });
    expect(resolveFieldPath(evccState, 'site[0]')).toEqual({ found: false });
    expect(resolveFieldPath(null, 'a')).toEqual({ found: false });
    expect(resolveFieldPath('text', 'length')).toEqual({ found: false });
    expect(resolveFieldPath({}, 'constructor')).toEqual({ found: false });
  });

  it('rejects malformed paths', () => {
    for (const bad of ['a..b', '.a', 'a.', 'a[x]', 'a.[0]', 'a[0', 'a b']) {
      expect(parseFieldPath(bad), bad).toBeNull();
      expect(FieldPathSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('the settings schema accepts exactly the paths the resolver can parse', () => {
    const segment = fc.oneof(
      fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,6}$/),
      fc.constantFrom('[0]', '[12]', 'x[3]', 'a[1][2]', '.', '[', ']', ' ', 'é'),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.boolean(), (parts, dotted) => {
        const path = parts.join(dotted ? '.' : '');
        expect(FieldPathSchema.safeParse(path).success).toBe(parseFieldPath(path) !== null);
      }),
    );
  });
});
