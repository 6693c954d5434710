import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const root = process.env.ROOT!;
// eslint-disable-next-line
const { createRuntime } = require(`${root}/local/runtime`);
const { loadBuiltFunctions } = require(`${root}/local/functions`);
const { demoPeople } = require(`${root}/local/seed`);
const residents = demoPeople.flatMap((p: any) => (p.role === 'resident' && p.rooms?.[0] ? [{ openid: p.openid, roomId: `demo:${p.rooms[0]}` }] : []));
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tp-'));
  const rt = await createRuntime({ dataDir: dir, functions: loadBuiltFunctions() });
  let seq = 0;
  const cmd = () => `tp-${process.pid}-${String(seq++).padStart(6, '0')}`;
  const r0 = await rt.invoke('members', { action: 'updateSettings', input: { propertyId: 'demo', commandId: cmd(), dailyLimits: { repairs: 1000, complaints: 1000, bookings: 1000, bindingRequests: 1000 } } }, { openid: 'o-mgr-zhou' });
  const rows: string[] = [];
  for (const callers of [1, 10, 50]) {
    const per = Math.max(10, Math.floor(400 / callers));
    const lat: number[] = [];
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: callers }, async (_, c) => {
      const who = residents[c % residents.length];
      for (let i = 0; i < per; i++) {
        const t = performance.now();
        const r = await rt.invoke('repairs', { action: 'create', input: { propertyId: 'demo', commandId: cmd(), roomId: who.roomId, category: 'water', description: '厨房水龙头一直滴水', preferredTime: null, photos: [] } }, { openid: who.openid });
        if (!r.ok) throw new Error(JSON.stringify(r));
        lat.push(performance.now() - t);
      }
    }));
    const s = (performance.now() - t0) / 1000; const u = process.cpuUsage(cpu);
    lat.sort((a, b) => a - b);
    rows.push(`${process.env.LABEL} callers=${callers} n=${lat.length} req/s=${(lat.length / s).toFixed(0)} p50=${pct(lat, 50).toFixed(1)} p99=${pct(lat, 99).toFixed(1)} cpu/create=${((u.user + u.system) / 1000 / lat.length).toFixed(2)}`);
  }
  console.log(rows.join('\n'), `(limits call: ${r0.ok ? 'ok' : r0.code})`);
  rt.close(); rmSync(dir, { recursive: true, force: true });
};
void main();
