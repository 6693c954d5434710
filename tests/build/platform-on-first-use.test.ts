/**
 * Issue 16 (H5): Taro's H5 API imports platform.js, which parses the user agent when its module is evaluated
 * (2.5 % of the desk inbox's load, README "Figures"); the H5 build resolves `platform` to
 * client/config/platform-on-first-use.js (config/index.ts), which evaluates it on the first read.
 */
import { join, resolve } from 'node:path';

const shimPath = join(resolve(__dirname, '..', '..'), 'client', 'config', 'platform-on-first-use.js');

describe('issue 16: platform.js on first use in the H5 build', () => {
  it("is not evaluated by the import nor by webpack's interop check; the first read evaluates it once and every read answers from it", () => {
    jest.isolateModules(() => {
      let evaluated = 0;
      const os = { family: 'Windows', toString: () => 'Windows 10 64-bit' };
      jest.doMock('platform/platform.js', () => {
        evaluated++;
        return { name: 'Chrome', os, manufacturer: null, product: null };
      });
      const shim = require(shimPath) as Record<string, unknown>;
      expect(evaluated).toBe(0);
      expect(shim.__esModule).toBeUndefined();
      expect(evaluated).toBe(0);

      expect(shim.os).toBe(os);
      expect(String(shim.os)).toBe('Windows 10 64-bit');
      expect(shim.name).toBe('Chrome');
      expect(shim.manufacturer).toBeNull();
      expect('product' in shim).toBe(true);
      expect(Object.keys(shim).sort()).toEqual(['manufacturer', 'name', 'os', 'product']);
      expect(evaluated).toBe(1);
    });
  });

  it('answers as the real platform.js does', () => {
    jest.dontMock('platform/platform.js');
    jest.isolateModules(() => {
      const shim = require(shimPath) as Record<string, unknown>;
      const platform = jest.requireActual<Record<string, unknown>>('platform/platform.js');
      expect(String(shim.os)).toBe(String(platform.os));
      expect(shim.name).toBe(platform.name);
      expect(Object.keys(shim).sort()).toEqual(Object.keys(platform).sort());
    });
  });
});
